import { z } from 'zod';
import { ColorSchema, FiniteSchema, SecondsSchema } from './primitives';
import { EasingSchema } from './easing';
import { ExpressionSchema, VisemeSchema } from './character';

/** Numeric properties that can carry a keyframe track. */
export const NUMERIC_PROPERTIES = [
  'x',
  'y',
  'scaleX',
  'scaleY',
  'rotation',
  'opacity',
  'strokeWidth',
  'width',
  'height',
  'cornerRadius',
  'radiusX',
  'radiusY',
  'fontSize',
  /** 0..1: how much of a brush stroke, line or path is drawn (a "draw-on" reveal). */
  'reveal',
] as const;
export type NumericProperty = (typeof NUMERIC_PROPERTIES)[number];

/** Colour properties that can carry a keyframe track (interpolated in RGB). */
export const COLOR_PROPERTIES = ['fill', 'stroke'] as const;
export type ColorProperty = (typeof COLOR_PROPERTIES)[number];

/**
 * One keyframe. `time` is seconds from the start of the element's scene. `easing` shapes the
 * motion from this keyframe to the next one (the last keyframe's easing is unused).
 */
export const NumberKeyframeSchema = z.object({
  time: SecondsSchema,
  value: FiniteSchema,
  easing: EasingSchema.default('easeInOutCubic'),
});
export const ColorKeyframeSchema = z.object({
  time: SecondsSchema,
  value: ColorSchema,
  easing: EasingSchema.default('linear'),
});
/**
 * A keyframe of a choice property (a character's expression or mouth): the value switches at
 * the keyframe and holds until the next one; `easing` is kept for the timeline's menu only.
 */
export const ExpressionKeyframeSchema = z.object({
  time: SecondsSchema,
  value: ExpressionSchema,
  easing: EasingSchema.default('hold'),
});
export const VisemeKeyframeSchema = z.object({
  time: SecondsSchema,
  value: VisemeSchema,
  easing: EasingSchema.default('hold'),
});
export type ExpressionKeyframe = z.infer<typeof ExpressionKeyframeSchema>;
export type VisemeKeyframe = z.infer<typeof VisemeKeyframeSchema>;
export type NumberKeyframe = z.infer<typeof NumberKeyframeSchema>;
export type ColorKeyframe = z.infer<typeof ColorKeyframeSchema>;

const numberTracks = Object.fromEntries(
  NUMERIC_PROPERTIES.map((p) => [p, z.array(NumberKeyframeSchema).optional()]),
) as Record<NumericProperty, z.ZodOptional<z.ZodArray<typeof NumberKeyframeSchema>>>;
const colorTracks = Object.fromEntries(
  COLOR_PROPERTIES.map((p) => [p, z.array(ColorKeyframeSchema).optional()]),
) as Record<ColorProperty, z.ZodOptional<z.ZodArray<typeof ColorKeyframeSchema>>>;

/** Keyframe tracks per property. Tracks are kept sorted by time (the repair step sorts them). */
export const KeyframeTracksSchema = z.strictObject({
  ...numberTracks,
  ...colorTracks,
  // Characters only (groups with an expression and mouth); added in version 1, so older files never have them.
  expression: z.array(ExpressionKeyframeSchema).optional(),
  mouth: z.array(VisemeKeyframeSchema).optional(),
});
export type KeyframeTracks = z.infer<typeof KeyframeTracksSchema>;
