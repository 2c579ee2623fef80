import { z } from 'zod';

/**
 * Characters: a group whose `expression` and `mouth` choose which of its parts show. A part
 * (at any depth inside the character, not inside a nested character) with `showFor` is drawn
 * only while the character's choice is one it lists; parts without it always show.
 */

/** Faces a character can make (the order the inspector lists them in). */
export const EXPRESSIONS = ['happy', 'sad', 'worried', 'surprised', 'angry', 'calm'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/**
 * Mouth shapes for talking, the Preston Blair / Rhubarb Lip Sync set:
 * A closed (M, B, P); B slightly open, teeth together (most consonants: K, S, T, EE);
 * C open (EH, AE); D wide open (AA, AH); E rounded (AO, ER, O); F puckered (OO, UW, W);
 * rest: relaxed and closed, between words (drawn to suit the expression).
 */
export const VISEMES = ['rest', 'A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Viseme = (typeof VISEMES)[number];

export const ExpressionSchema = z.enum(EXPRESSIONS);
export const VisemeSchema = z.enum(VISEMES);

/** Which choices of its character a part shows for; a missing list means "any". */
export const PartConditionSchema = z.strictObject({
  expression: z.array(ExpressionSchema).min(1).max(EXPRESSIONS.length).optional(),
  mouth: z.array(VisemeSchema).min(1).max(VISEMES.length).optional(),
});
export type PartCondition = z.infer<typeof PartConditionSchema>;

/** The discrete properties of a character: they switch at a keyframe and hold, never blend. */
export const CHOICE_PROPERTIES = ['expression', 'mouth'] as const;
export type ChoiceProperty = (typeof CHOICE_PROPERTIES)[number];
export type ChoiceValue<P extends ChoiceProperty> = P extends 'expression' ? Expression : Viseme;

export interface ChoiceOption<V extends string = string> {
  readonly value: V;
  readonly label: string;
  /** A few words on when to use it (a tooltip in the inspector). */
  readonly hint: string;
}

/** What the inspector shows for each choice property: its label and its options, in order. */
export const CHOICE_OPTIONS: {
  readonly expression: { readonly label: string; readonly options: readonly ChoiceOption<Expression>[] };
  readonly mouth: { readonly label: string; readonly options: readonly ChoiceOption<Viseme>[] };
} = {
  expression: {
    label: 'Expression',
    options: [
      { value: 'happy', label: 'Happy', hint: 'Smiling, bright eyes' },
      { value: 'sad', label: 'Sad', hint: 'Drooping brows, a tear' },
      { value: 'worried', label: 'Worried', hint: 'Raised inner brows, a wavy mouth' },
      { value: 'surprised', label: 'Surprised', hint: 'Wide eyes, raised brows' },
      { value: 'angry', label: 'Angry', hint: 'Lowered brows, a tight mouth' },
      { value: 'calm', label: 'Calm', hint: 'Soft closed eyes, a gentle smile' },
    ],
  },
  mouth: {
    label: 'Mouth',
    options: [
      { value: 'rest', label: 'Rest', hint: 'Relaxed and closed, between words (suits the expression)' },
      { value: 'A', label: 'A · M B P', hint: 'Lips closed: M, B, P' },
      { value: 'B', label: 'B · K S T', hint: 'Slightly open, teeth together: most consonants, EE' },
      { value: 'C', label: 'C · EH AE', hint: 'Open: EH, AE' },
      { value: 'D', label: 'D · AA AH', hint: 'Wide open: AA, AH' },
      { value: 'E', label: 'E · O ER', hint: 'Rounded: O, ER' },
      { value: 'F', label: 'F · OO W', hint: 'Puckered: OO, U, W' },
    ],
  },
};

/** The options of one choice property, for a select in the inspector. */
export function choiceOptions<P extends ChoiceProperty>(
  property: P,
): readonly ChoiceOption<ChoiceValue<P>>[] {
  return CHOICE_OPTIONS[property].options as readonly ChoiceOption<ChoiceValue<P>>[];
}

/** Whether `value` is one of the choices of `property` (for values from a UI or a voice track). */
export function isChoiceValue<P extends ChoiceProperty>(
  property: P,
  value: unknown,
): value is ChoiceValue<P> {
  return (
    typeof value === 'string' &&
    (property === 'expression'
      ? (EXPRESSIONS as readonly string[]).includes(value)
      : (VISEMES as readonly string[]).includes(value))
  );
}
