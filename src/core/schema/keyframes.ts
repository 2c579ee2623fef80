import { z } from 'zod';
import { ColorSchema, FiniteSchema, SecondsSchema } from './primitives';
import { EasingSchema } from './easing';

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
export type NumberKeyframe = z.infer<typeof NumberKeyframeSchema>;
export type ColorKeyframe = z.infer<typeof ColorKeyframeSchema>;

const numberTracks = Object.fromEntries(
  NUMERIC_PROPERTIES.map((p) => [p, z.array(NumberKeyframeSchema).optional()]),
) as Record<NumericProperty, z.ZodOptional<z.ZodArray<typeof NumberKeyframeSchema>>>;
const colorTracks = Object.fromEntries(
  COLOR_PROPERTIES.map((p) => [p, z.array(ColorKeyframeSchema).optional()]),
) as Record<ColorProperty, z.ZodOptional<z.ZodArray<typeof ColorKeyframeSchema>>>;

/** Keyframe tracks per property. Tracks are kept sorted by time (the repair step sorts them). */
export const KeyframeTracksSchema = z.strictObject({ ...numberTracks, ...colorTracks });
export type KeyframeTracks = z.infer<typeof KeyframeTracksSchema>;
