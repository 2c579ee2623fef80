import { z } from 'zod';

const FAMILIES = ['Sine', 'Quad', 'Cubic', 'Back', 'Elastic', 'Bounce'] as const;
const DIRECTIONS = ['easeIn', 'easeOut', 'easeInOut'] as const;

/** Every named easing: linear, hold (jump at the next keyframe) and in/out/in-out of each family. */
export const EASING_NAMES = [
  'linear',
  'hold',
  ...DIRECTIONS.flatMap((d) => FAMILIES.map((f) => `${d}${f}` as const)),
] as const;
export type EasingName = (typeof EASING_NAMES)[number];

export const CubicBezierSchema = z.object({
  type: z.literal('cubicBezier'),
  x1: z.number().min(0).max(1),
  y1: z.number().finite(),
  x2: z.number().min(0).max(1),
  y2: z.number().finite(),
});

export const EasingSchema = z.union([z.enum(EASING_NAMES), CubicBezierSchema]);
export type Easing = z.infer<typeof EasingSchema>;
