import { z } from 'zod';
import { ColorSchema, IdSchema } from './primitives';
import { ElementSchema } from './elements';

export const SolidBackgroundSchema = z.object({ type: z.literal('solid'), color: ColorSchema });

/** Linear gradient at `angle` degrees (0 = top to bottom, 90 = left to right). */
export const GradientBackgroundSchema = z.object({
  type: z.literal('gradient'),
  angle: z.number().finite().default(0),
  stops: z
    .array(z.object({ offset: z.number().min(0).max(1), color: ColorSchema }))
    .min(2)
    .max(16),
});

export const BackgroundSchema = z.discriminatedUnion('type', [
  SolidBackgroundSchema,
  GradientBackgroundSchema,
]);
export type Background = z.infer<typeof BackgroundSchema>;

export const TRANSITION_KINDS = ['cut', 'crossfade', 'slide', 'wipe'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/**
 * How this scene hands over to the next one. The transition overlaps the end of this scene
 * and the start of the next, so it does not change the total duration.
 */
export const TransitionSchema = z.object({
  kind: z.enum(TRANSITION_KINDS).default('cut'),
  duration: z.number().min(0).max(5).default(0),
  /** Direction the incoming scene moves in, for slide and wipe. */
  direction: z.enum(['left', 'right', 'up', 'down']).default('left'),
});
export type Transition = z.infer<typeof TransitionSchema>;

/** One storyboard panel. */
export const SceneSchema = z.object({
  id: IdSchema,
  name: z.string().max(200).default(''),
  duration: z.number().finite().min(0.1).max(600),
  background: BackgroundSchema.default({ type: 'solid', color: '#101018' }),
  notes: z.string().max(20000).default(''),
  transition: TransitionSchema.default({ kind: 'cut', duration: 0, direction: 'left' }),
  elements: z.array(ElementSchema).max(5000).default([]),
});
export type Scene = z.infer<typeof SceneSchema>;
