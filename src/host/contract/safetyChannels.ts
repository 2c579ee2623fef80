import { z } from 'zod';
import { DirectoryEntrySchema, SafetyEntrySchema, UserSafetyDirectorySchema } from '../../core/safety';
import { resultSchema } from './result';

/** The merged directory as the page sees it. */
const SafetyDirectoryShape = {
  /** Shipped and the creator's own entries, merged (see `mergeDirectory`). */
  entries: z.array(DirectoryEntrySchema),
  /** The creator's own layer, as stored: what `saveSafetyDirectory` replaces. */
  userEntries: z.array(SafetyEntrySchema),
  /** Printed on every card that has resources. */
  emergencyLine: z.string(),
  cyberbullyingAdvice: z.array(z.string()),
  /** Something the creator should know (their saved list was damaged and set aside), or null. */
  notice: z.string().nullable(),
};

/** Channels of the safety-resource directory (end cards). Spread into `CHANNELS`. */
export const SAFETY_CHANNELS = {
  getSafetyDirectory: {
    request: z.object({}),
    response: resultSchema(SafetyDirectoryShape),
  },
  /** Replaces the creator's own layer (added entries and corrections), saved atomically. */
  saveSafetyDirectory: {
    request: z.object({ entries: UserSafetyDirectorySchema.shape.entries }),
    response: resultSchema(SafetyDirectoryShape),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
