import { z } from 'zod';
import { AssetIdSchema } from '../../core/schema';
import { resultSchema } from './result';

/**
 * Channels of "Time to voice" and "Make this character talk" (issue 14), spread into
 * `CHANNELS`. The host decodes the sound with ffmpeg, as `kindness align` does, so the studio
 * and the command line time a voice by one code path; the maths is src/core/voice.
 */

// The same document id rule as `channels.ts` (which imports this file, so it cannot import back).
const VoiceDocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id');

/** The part of a sound file that is heard: from `from` seconds into the file, `length` seconds long. */
const HeardPart = {
  docId: VoiceDocIdSchema,
  assetId: AssetIdSchema,
  from: z.number().finite().min(0).max(86_400).default(0),
  /** Absent: to the end of the file. */
  length: z.number().finite().positive().max(86_400).optional(),
  /** Chosen by the page, so `cancelVoiceWork` can stop this request while it runs. */
  workId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a work id')
    .optional(),
};

const TimedWordSchema = z.object({
  text: z.string().max(2000),
  start: z.number().finite(),
  end: z.number().finite(),
});

export const AlignedCaptionSchema = z.object({
  text: z.string().max(20_000),
  start: z.number().finite(),
  end: z.number().finite(),
  words: z.array(TimedWordSchema).max(20_000),
  source: z.number().int().min(0),
});

export const VOICE_CHANNELS = {
  /**
   * Times a script (one caption per entry) to the heard part of a sound; times are seconds
   * from the start of that part.
   */
  alignVoice: {
    request: z.object({
      ...HeardPart,
      script: z.array(z.string().max(20_000)).min(1).max(2000),
      audience: z.enum(['general', 'children']).default('general'),
    }),
    response: resultSchema({
      language: z.enum(['en', 'es']),
      /** Seconds of sound that were timed. */
      duration: z.number().min(0),
      captions: z.array(AlignedCaptionSchema).max(20_000),
    }),
  },
  /**
   * What a voice does every 10 ms of the heard part, for a character's mouth: how sure the
   * detector is of speech and how loud it is (base64 bytes, 0..255 for 0..1) and the frames of
   * the syllable nuclei.
   */
  voiceActivity: {
    request: z.object(HeardPart),
    response: resultSchema({
      frameSeconds: z.number().positive(),
      speech: z.string().max(2_000_000),
      loudness: z.string().max(2_000_000),
      nuclei: z.array(z.number().int().min(0)).max(1_000_000),
    }),
  },
  /**
   * Stops the `alignVoice` or `voiceActivity` request started with this `workId` (it then
   * answers with the kind `cancelled`). `stopped` is false when nothing with that id runs.
   */
  cancelVoiceWork: {
    request: z.object({ workId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a work id') }),
    response: resultSchema({ stopped: z.boolean() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
