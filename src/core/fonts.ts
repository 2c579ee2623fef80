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

/**
 * Faces for scripts the Latin faces lack, from Google's Noto (via @fontsource). They come after
 * the chosen family so Latin keeps its look and Arabic, Japanese and Chinese still get glyphs.
 * Japanese comes before Chinese so shared Han characters take the Japanese forms consistently.
 */
export const SCRIPT_FONT_FAMILIES = {
  arabic: 'Noto Sans Arabic',
  japanese: 'Noto Sans JP',
  chinese: 'Noto Sans SC',
} as const;

/** The weights shipped for the script faces: body text (400), captions (600) and bold (700). */
export const SCRIPT_FONT_WEIGHTS: readonly number[] = [400, 600, 700];

export const KNOWN_FONT_FAMILIES: readonly string[] = [FONT_FAMILIES.text, FONT_FAMILIES.display];

/**
 * The CSS/Canvas font-family list for a text family: the family first, then the script faces,
 * then colour emoji, so mixed text (Latin + Arabic + Japanese + emoji) draws with the same
 * shipped fonts in the preview and in the export.
 */
export function fontStack(family: string): string {
  const chain = [
    family,
    SCRIPT_FONT_FAMILIES.arabic,
    SCRIPT_FONT_FAMILIES.japanese,
    SCRIPT_FONT_FAMILIES.chinese,
  ];
  return [...chain, FONT_FAMILIES.emoji].map((name) => `"${name}"`).join(', ');
}
