import { z } from 'zod';
import { AssetIdSchema } from '../../core/schema';
import { resultSchema } from './result';

/**
 * Channels of the studio's sound features (spread into `CHANNELS`). Kept in their own file so
 * the audio work does not touch the shared table beyond one line.
 */

// The same document id rule as `channels.ts` (which imports this file, so it cannot import back).
const AudioDocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id');
const AudioAssetRequest = z.object({ docId: AudioDocIdSchema, assetId: AssetIdSchema });

export const AudioInfoSchema = z.object({
  /** Seconds of sound in the file. */
  duration: z.number().positive(),
  /** The file's own sample rate (Hz) and channel count. */
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  /** Waveform columns per second. */
  peaksPerSecond: z.number().positive(),
  /** Base64 of signed bytes, a (min, max) pair per column; -127..127 stands for -1..1. */
  peaks: z.string().max(20_000_000),
});
export type AudioInfo = z.infer<typeof AudioInfoSchema>;

export const AUDIO_CHANNELS = {
  /** A sound's length, format and waveform (measured once per file, then cached). */
  audioInfo: {
    request: AudioAssetRequest,
    response: resultSchema({ info: AudioInfoSchema }),
  },
  /** The sound as a WAV file, for a page that cannot decode the original format. */
  audioPreview: {
    request: AudioAssetRequest,
    response: resultSchema({ mime: z.string(), data: z.string().max(120_000_000) }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
