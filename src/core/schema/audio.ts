import { z } from 'zod';
import { AssetIdSchema, IdSchema, SecondsSchema } from './primitives';

/** A piece of audio placed on the timeline. */
export const AudioTrackSchema = z.object({
  id: IdSchema,
  assetId: AssetIdSchema,
  name: z.string().max(200).default(''),
  /** Where on the project timeline the clip starts. */
  start: SecondsSchema.default(0),
  /** Seconds cut from the beginning of the file. */
  trimStart: SecondsSchema.default(0),
  /** Play at most this long (after trimStart); absent = to the end of the file or project. */
  duration: z.number().finite().positive().optional(),
  volume: z.number().min(0).max(2).default(1),
  fadeIn: SecondsSchema.max(30).default(0),
  fadeOut: SecondsSchema.max(30).default(0),
  muted: z.boolean().default(false),
});
export type AudioTrack = z.infer<typeof AudioTrackSchema>;
