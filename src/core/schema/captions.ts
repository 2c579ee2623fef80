import { z } from 'zod';
import { IdSchema, SecondsSchema } from './primitives';

/**
 * Caption looks; each keeps text readable over moving art (outline, box or shadow).
 * `highlight`: classic outline with the spoken word on a bright pill; `bold`: bigger, heavier
 * letters with a thick outline. (Added in version 1; older files never use them.)
 */
export const CAPTION_STYLES = ['outline', 'box', 'shadow', 'highlight', 'bold'] as const;
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

export const CaptionWordSchema = z.object({
  start: SecondsSchema,
  end: SecondsSchema,
  text: z.string().min(1).max(200),
});

/** One caption cue. Times are seconds on the project's timeline. */
export const CaptionSchema = z.object({
  id: IdSchema,
  start: SecondsSchema,
  end: SecondsSchema,
  text: z.string().min(1).max(500),
  style: z.enum(CAPTION_STYLES).default('outline'),
  /** Optional per-word timing, for word-by-word highlighting. */
  words: z.array(CaptionWordSchema).max(200).optional(),
});
export type Caption = z.infer<typeof CaptionSchema>;

export const CaptionSettingsSchema = z.object({
  fontFamily: z.string().max(100).default('Fredoka'),
  fontSize: z.number().min(24).max(160).default(64),
  /** Where the caption block sits: its vertical centre as a fraction of the safe area height. */
  position: z.enum(['top', 'middle', 'bottom']).default('bottom'),
  /**
   * Placed by hand: the vertical centre of the caption block as a fraction of the frame height,
   * overriding `position` (it may leave the safe area; the readability checks then warn).
   */
  y: z.number().min(0).max(1).optional(),
  /** Who the video is for: sets the reading speed the captions are checked against (absent: general). */
  audience: z.enum(['general', 'children']).optional(),
});
export type CaptionSettings = z.infer<typeof CaptionSettingsSchema>;
