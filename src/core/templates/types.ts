import type { ProjectInput } from '../schema';
import type { BundledSafetyDirectory } from '../safety/directory';

/** The six #CreateKindness themes the templates are modelled on. */
export const TEMPLATE_THEMES = [
  { id: 'block-the-bullies', label: 'Block the Bullies' },
  { id: 'why-would-you', label: 'Why Would You…' },
  { id: 'hold-on-to', label: 'I Want to Hold On To' },
  { id: 'walk-away', label: 'Walk Away' },
  { id: 'power-of-words', label: 'Power of Words' },
  { id: 'what-we-dont-see', label: "What We Don't See" },
] as const;
export type TemplateTheme = (typeof TEMPLATE_THEMES)[number]['id'];

/** A story template: its listing and the pure function that builds its project. */
export interface TemplateDefinition {
  readonly id: string;
  readonly title: string;
  readonly theme: TemplateTheme;
  /** One line for the start screen. */
  readonly description: string;
  /** The moment that shows the template best (seconds): the start screen's poster frame. */
  readonly keyFrame: number;
  build(directory: BundledSafetyDirectory): ProjectInput;
}
