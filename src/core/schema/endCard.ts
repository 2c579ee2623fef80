import { z } from 'zod';
import { AssetIdSchema, SecondsSchema } from './primitives';

export const SAFETY_REGIONS = ['US', 'UK', 'CA', 'global'] as const;
export type SafetyRegion = (typeof SAFETY_REGIONS)[number];

/** A help resource as printed on the card: copied from the directory when the creator picks it. */
export const SafetyResourceSchema = z.object({
  name: z.string().min(1).max(120),
  contact: z.string().min(1).max(200),
});
export type SafetyResource = z.infer<typeof SafetyResourceSchema>;

/** Designed looks for the card (src/core/endCard/templates.ts); new ones are only ever appended. */
export const END_CARD_TEMPLATES = ['calm', 'bright', 'paper', 'night'] as const;
export type EndCardTemplate = (typeof END_CARD_TEMPLATES)[number];

/** Most resources a card lists (more would not be readable in a few seconds). */
export const MAX_END_CARD_RESOURCES = 6;

/** A closing card after the last scene with a message and where to find help. */
export const EndCardSchema = z.object({
  enabled: z.boolean().default(true),
  template: z.enum(END_CARD_TEMPLATES).default('calm'),
  message: z.string().max(300).default('Behind every account is a real person.'),
  region: z.enum(SAFETY_REGIONS).default('US'),
  resources: z.array(SafetyResourceSchema).max(MAX_END_CARD_RESOURCES).default([]),
  handle: z.string().max(60).default(''),
  /** The creator's picture beside their handle: an image asset of the project, or none. */
  avatar: AssetIdSchema.nullable().default(null),
  duration: SecondsSchema.max(30).default(4),
});
export type EndCard = z.infer<typeof EndCardSchema>;

/** Always printed on a card with resources (PLATFORM_SPECS.md). */
export const EMERGENCY_LINE = 'If you are in immediate danger, call your local emergency number.';
