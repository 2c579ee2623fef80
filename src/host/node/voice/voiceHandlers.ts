import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeVoice, VOICE_SAMPLE_RATE, VoiceDecodeError } from '../../../export/audio/decodeVoice';
import { discoverFfmpeg, FfmpegNotFoundError, INSTALL_HINT } from '../../../export';
import { failure, type Failure, type HostHandlers } from '../../contract';
import type { DocumentStore } from '../hostDocuments';
import { placeAsset, readAssetHead } from '../../../node/assets';
import { SUPPORTED_AUDIO_TEXT, sniffAudio } from '../audio/sniffAudio';
import type { VoiceJob, VoiceJobResult } from './voiceJob';
import { inProcessVoiceRunner, stoppedFailure, type VoiceRunner } from './voiceRunner';

/**
 * "Time to voice" and the voice of a talking character, for the studio: the sound is decoded
 * by ffmpeg (src/export/audio/decodeVoice.ts, the same as `kindness align`) and timed by the
 * pure aligner in src/core/voice, run by a VoiceRunner (a worker thread in the app, so the host
 * keeps answering meanwhile). Nothing leaves the machine.
 */

export interface VoiceHandlerOptions {
  /** The ffmpeg to use; found on first need otherwise (FFMPEG_PATH, PATH, bundled). */
  readonly ffmpegPath?: () => Promise<string>;
  /** Where the listening runs (a worker thread in the app); in this thread without it (tests). */
  readonly runner?: VoiceRunner | undefined;
}

type Heard = { docId: string; assetId: string; from: number; length?: number | undefined };

export function voiceHandlers(
  documents: DocumentStore,
  options: VoiceHandlerOptions = {},
): Pick<HostHandlers, 'alignVoice' | 'voiceActivity' | 'cancelVoiceWork'> {
  const ffmpeg = options.ffmpegPath ?? (async () => (await discoverFfmpeg()).path);
  const runner = options.runner ?? inProcessVoiceRunner;
  /** Requests running now by the page's work id, to stop them. */
  const running = new Map<string, AbortController>();

  /** The heard part of the sound as 16 kHz mono samples, or a message for the creator. */
  async function heardSamples(request: Heard): Promise<Float32Array | Failure> {
    const bytes = documents.assets(request.docId).get(request.assetId);
    if (bytes === undefined) return failure('not-found', 'This sound is missing from the project.');
    const format = sniffAudio(await readAssetHead(bytes, 64).catch(() => Buffer.alloc(0)));
    if (format === null)
      return failure(
        'unsupported',
        `This is not a sound the studio can time: use an ${SUPPORTED_AUDIO_TEXT} file.`,
      );
    const dir = await mkdtemp(path.join(tmpdir(), 'kindness-voice-'));
    try {
      const file = path.join(dir, `voice.${format}`);
      await placeAsset(bytes, file);
      const samples = await decodeVoice(await ffmpeg(), file);
      const from = Math.min(samples.length, Math.round(request.from * VOICE_SAMPLE_RATE));
      const to =
        request.length === undefined
          ? samples.length
          : Math.min(samples.length, from + Math.round(request.length * VOICE_SAMPLE_RATE));
      return samples.subarray(from, to);
    } catch (error) {
      if (error instanceof FfmpegNotFoundError)
        return failure(
          'ffmpeg-not-found',
          `Sounds are read with ffmpeg, which was not found. ${INSTALL_HINT}`,
        );
      if (error instanceof VoiceDecodeError)
        return failure(
          'undecodable',
          `This sound could not be read: it may be damaged or in a format the studio does not know (${SUPPORTED_AUDIO_TEXT} work).`,
        );
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Runs one request's work, stoppable through `cancelVoiceWork` from its first moment (a stop
   * while ffmpeg decodes drops the sound before it is listened to).
   */
  async function stoppable<T>(
    workId: string | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    if (workId === undefined) return work(controller.signal);
    // A second request with a running id would make the first unstoppable: stop the first.
    running.get(workId)?.abort();
    running.set(workId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (running.get(workId) === controller) running.delete(workId);
    }
  }

  /** The heard part of the sound listened to by the runner (in a worker thread in the app). */
  async function listen(
    request: Heard,
    signal: AbortSignal,
    job: (samples: Float32Array) => VoiceJob,
  ): Promise<VoiceJobResult> {
    const samples = await heardSamples(request);
    if (!(samples instanceof Float32Array)) return samples;
    if (signal.aborted) return stoppedFailure();
    return runner.run(job(samples), signal);
  }

  return {
    async alignVoice(request) {
      const script = request.script.map((line) => line.trim()).filter((line) => line !== '');
      if (script.length === 0)
        return failure(
          'empty-script',
          'The script is empty: write the words that are said, one caption per line.',
        );
      const result = await stoppable(request.workId, (signal) =>
        listen(request, signal, (samples) => ({
          kind: 'align',
          samples,
          sampleRate: VOICE_SAMPLE_RATE,
          script,
          audience: request.audience,
        })),
      );
      if (!result.ok) return result;
      if (result.kind !== 'align') throw new Error('the voice runner answered an align job with activity');
      return {
        ok: true,
        language: result.language,
        duration: result.duration,
        captions: result.captions.map((c) => ({ ...c, words: [...c.words] })),
      };
    },

    async voiceActivity(request) {
      const result = await stoppable(request.workId, (signal) =>
        listen(request, signal, (samples) => ({ kind: 'activity', samples, sampleRate: VOICE_SAMPLE_RATE })),
      );
      if (!result.ok) return result;
      if (result.kind !== 'activity')
        throw new Error('the voice runner answered an activity job with an alignment');
      return {
        ok: true,
        frameSeconds: result.frameSeconds,
        speech: bytesOf(result.speech),
        loudness: bytesOf(result.loudness),
        nuclei: [...result.nuclei],
      };
    },

    async cancelVoiceWork(request) {
      const controller = running.get(request.workId);
      controller?.abort();
      return { ok: true, stopped: controller !== undefined };
    },
  };
}

/** 0..1 per frame as one byte each (0..255), base64: a 5-minute voice is 40 kB. */
function bytesOf(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length);
  for (let i = 0; i < values.length; i++)
    bytes[i] = Math.round(Math.min(1, Math.max(0, values[i] as number)) * 255);
  return bytes.toString('base64');
}
