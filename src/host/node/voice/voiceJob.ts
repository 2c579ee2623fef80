import {
  AlignTooLongError,
  MAX_ALIGN_SECONDS,
  alignScript,
  voiceFeatures,
  type AlignedCaption,
  type VoiceFeatures,
  type VoiceLanguage,
} from '../../../core/voice';
import { failure, type Failure } from '../../contract';

/**
 * The heavy part of "Time to voice" and of a talking mouth (voice activity, syllable nuclei,
 * the alignment search) as one job of plain data, so it can run in a worker thread and keep
 * the host answering other requests meanwhile (see voiceRunner.ts).
 */

/** Less speech than this and there is nothing to time a script or a mouth to. */
const LEAST_SPEECH_SECONDS = 0.25;

/**
 * The longest sound a mouth is shaped from at once: the activity answer is one byte per 10 ms
 * (the contract allows 2 MB of base64), and a job's samples cross into the worker as a copy.
 */
export const MAX_ACTIVITY_SECONDS = 20 * 60;

export type VoiceJob =
  | {
      readonly kind: 'align';
      /** Mono PCM, -1 to 1. */
      readonly samples: Float32Array;
      readonly sampleRate: number;
      readonly script: readonly string[];
      readonly audience: 'general' | 'children';
    }
  | { readonly kind: 'activity'; readonly samples: Float32Array; readonly sampleRate: number };

export type VoiceJobResult =
  | {
      readonly ok: true;
      readonly kind: 'align';
      readonly language: VoiceLanguage;
      readonly duration: number;
      readonly captions: readonly AlignedCaption[];
    }
  | {
      readonly ok: true;
      readonly kind: 'activity';
      readonly frameSeconds: number;
      readonly speech: Float32Array;
      readonly loudness: Float32Array;
      readonly nuclei: readonly number[];
    }
  | Failure;

/** The longest sound a job of this kind takes, in seconds. */
export function longestSeconds(kind: VoiceJob['kind']): number {
  return kind === 'align' ? MAX_ALIGN_SECONDS + 1 : MAX_ACTIVITY_SECONDS;
}

/** Refuses a job too long to run, before any work (the bound on what a worker is sent). */
export function tooLong(job: VoiceJob): Failure | null {
  const seconds = job.samples.length / Math.max(1, job.sampleRate);
  if (seconds <= longestSeconds(job.kind)) return null;
  if (job.kind === 'align') return failure('too-long', new AlignTooLongError(seconds).message);
  return failure(
    'too-long',
    `This sound is ${Math.round(seconds / 60)} minutes long; a character talks from up to ${MAX_ACTIVITY_SECONDS / 60} minutes of voice at once. Cut it into parts.`,
  );
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

/** Runs one job to the end, synchronously: in a worker thread, or in the caller's thread (tests). */
export function runVoiceJob(job: VoiceJob): VoiceJobResult {
  const long = tooLong(job);
  if (long !== null) return long;
  const features = voiceFeatures(job.samples, job.sampleRate);
  const silent = noSpeech(features);
  if (silent !== null) return silent;
  if (job.kind === 'activity')
    return {
      ok: true,
      kind: 'activity',
      frameSeconds: features.frameSeconds,
      speech: features.speech,
      loudness: features.loudness,
      nuclei: [...features.nuclei],
    };
  try {
    const result = alignScript({
      samples: job.samples,
      sampleRate: job.sampleRate,
      script: job.script,
      audience: job.audience,
    });
    return {
      ok: true,
      kind: 'align',
      language: result.language,
      duration: result.duration,
      captions: result.captions,
    };
  } catch (error) {
    if (error instanceof AlignTooLongError) return failure('too-long', error.message);
    throw error;
  }
}
