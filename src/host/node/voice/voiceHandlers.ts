import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AlignTooLongError, alignScript, voiceFeatures, type VoiceFeatures } from '../../../core/voice';
import { decodeVoice, VOICE_SAMPLE_RATE, VoiceDecodeError } from '../../../export/audio/decodeVoice';
import { discoverFfmpeg, FfmpegNotFoundError, INSTALL_HINT } from '../../../export';
import { failure, type Failure, type HostHandlers } from '../../contract';
import type { DocumentStore } from '../hostDocuments';
import { placeAsset, readAssetHead } from '../../../node/assets';
import { SUPPORTED_AUDIO_TEXT, sniffAudio } from '../audio/sniffAudio';

/**
 * "Time to voice" and the voice of a talking character, for the studio: the sound is decoded
 * by ffmpeg (src/export/audio/decodeVoice.ts, the same as `kindness align`) and timed by the
 * pure aligner in src/core/voice. Nothing leaves the machine.
 */

/** Less speech than this and there is nothing to time a script or a mouth to. */
const LEAST_SPEECH_SECONDS = 0.25;

export interface VoiceHandlerOptions {
  /** The ffmpeg to use; found on first need otherwise (FFMPEG_PATH, PATH, bundled). */
  readonly ffmpegPath?: () => Promise<string>;
}

type Heard = { docId: string; assetId: string; from: number; length?: number | undefined };

export function voiceHandlers(
  documents: DocumentStore,
  options: VoiceHandlerOptions = {},
): Pick<HostHandlers, 'alignVoice' | 'voiceActivity'> {
  const ffmpeg = options.ffmpegPath ?? (async () => (await discoverFfmpeg()).path);

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

  function noSpeech(features: VoiceFeatures): Failure | null {
    let frames = 0;
    for (const s of features.speech) if (s >= 0.5) frames++;
    if (frames * features.frameSeconds >= LEAST_SPEECH_SECONDS) return null;
    return failure(
      'no-speech',
      'No speech was found in this sound. Choose the clip with the voice in it (music or silence cannot be timed).',
    );
  }

  return {
    async alignVoice(request) {
      const script = request.script.map((line) => line.trim()).filter((line) => line !== '');
      if (script.length === 0)
        return failure(
          'empty-script',
          'The script is empty: write the words that are said, one caption per line.',
        );
      const samples = await heardSamples(request);
      if (!(samples instanceof Float32Array)) return samples;
      const silent = noSpeech(voiceFeatures(samples, VOICE_SAMPLE_RATE));
      if (silent !== null) return silent;
      try {
        const result = alignScript({
          samples,
          sampleRate: VOICE_SAMPLE_RATE,
          script,
          audience: request.audience,
        });
        return {
          ok: true,
          language: result.language,
          duration: result.duration,
          captions: result.captions.map((c) => ({ ...c, words: [...c.words] })),
        };
      } catch (error) {
        if (error instanceof AlignTooLongError) return failure('too-long', error.message);
        throw error;
      }
    },

    async voiceActivity(request) {
      const samples = await heardSamples(request);
      if (!(samples instanceof Float32Array)) return samples;
      const features = voiceFeatures(samples, VOICE_SAMPLE_RATE);
      const silent = noSpeech(features);
      if (silent !== null) return silent;
      return {
        ok: true,
        frameSeconds: features.frameSeconds,
        speech: bytesOf(features.speech),
        loudness: bytesOf(features.loudness),
        nuclei: [...features.nuclei],
      };
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
