/**
 * The font families the app ships (from @fontsource on npm) and draws with, in the editor and
 * in the export alike. System fonts are never relied on: they differ between machines.
 */
export const FONT_FAMILIES = {
  /** Body and UI-like text. */
  text: 'Inter',
  /** Friendly rounded display face for captions and titles. */
  display: 'Fredoka',
  /** Colour emoji, listed after the text family so emoji fall back to it. */
  emoji: 'Noto Color Emoji',
} as const;

export const KNOWN_FONT_FAMILIES: readonly string[] = [FONT_FAMILIES.text, FONT_FAMILIES.display];

/** The CSS/Canvas font-family list for a text family: the family first, then colour emoji. */
export function fontStack(family: string): string {
  return `"${family}", "${FONT_FAMILIES.emoji}"`;
}
