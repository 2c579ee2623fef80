import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/fredoka/500.css';
import '@fontsource/fredoka/600.css';
import '@fontsource/fredoka/700.css';
import '@fontsource/noto-color-emoji/index.css';
// Arabic, Japanese and Chinese: every subset is declared with its unicode-range, so the browser
// fetches only the files holding characters the project uses (see ensureGlyphs).
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/600.css';
import '@fontsource/noto-sans-jp/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/600.css';
import '@fontsource/noto-sans-sc/700.css';
import { ref } from 'vue';
import { FONT_FAMILIES, SCRIPT_FONT_FAMILIES, SCRIPT_FONT_WEIGHTS } from '../../core/fonts';
import { ensureColourEmoji, type EmojiSource } from './colourEmoji';
import { inRanges, parseUnicodeRange, type CodeRange } from './unicodeRange';

/**
 * The same font files the exporter registers (from @fontsource), bundled with the UI. Canvas
 * text only uses a font once it is loaded, so the faces are loaded before the first draw, and
 * every later load (an emoji subset, say) bumps `fontsVersion` so the canvases redraw.
 */
export const fontsVersion = ref(0);
/** Where the preview's colour emoji come from (see colourEmoji.ts). */
export const emojiSource = ref<EmojiSource>('bundled');

const FACES = [
  `400 32px "${FONT_FAMILIES.text}"`,
  `600 32px "${FONT_FAMILIES.text}"`,
  `700 32px "${FONT_FAMILIES.text}"`,
  `500 32px "${FONT_FAMILIES.display}"`,
  `600 32px "${FONT_FAMILIES.display}"`,
  `700 32px "${FONT_FAMILIES.display}"`,
];

export async function loadStudioFonts(): Promise<void> {
  document.fonts.addEventListener('loadingdone', () => {
    fontsVersion.value++;
  });
  // A face that fails to load is drawn with a fallback rather than blocking the studio.
  await Promise.allSettled([
    ...FACES.map((face) => document.fonts.load(face)),
    document.fonts.load(`32px "${FONT_FAMILIES.emoji}"`, '💜🙂'),
  ]);
  emojiSource.value = await ensureColourEmoji();
}

const requested = new Set<string>();
/** The faces whose subset files are fetched on demand: the same the Node export registers. */
const FACES_FOR_GLYPHS = [
  `32px "${FONT_FAMILIES.emoji}"`,
  `700 32px "${FONT_FAMILIES.text}"`,
  ...Object.values(SCRIPT_FONT_FAMILIES).flatMap((family) =>
    SCRIPT_FONT_WEIGHTS.map((weight) => `${weight} 32px "${family}"`),
  ),
];

/** What each Latin family's subset files cover, read from their @font-face rules. */
function coverage(family: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  document.fonts.forEach((face) => {
    if (face.family.replace(/["']/g, '') === family) ranges.push(...parseUnicodeRange(face.unicodeRange));
  });
  return ranges;
}
let latinRanges: CodeRange[][] | null = null;
/**
 * Whether both Latin families have this character (curly quotes, dashes, accented letters):
 * then no text falls back to a script or emoji face for it, and those faces' files are not
 * fetched. Text in either family falls back through the same chain in the export, so a
 * character only one of them has still asks for the script faces.
 */
function bothLatinFacesHave(code: number): boolean {
  latinRanges ??= [coverage(FONT_FAMILIES.text), coverage(FONT_FAMILIES.display)];
  return latinRanges.every((ranges) => inRanges(ranges, code));
}

/**
 * Asks the browser for the font files that draw these characters. Emoji and non-Latin text
 * come in subset files loaded on demand, and a canvas does not ask for them by itself; when they
 * arrive, `fontsVersion` changes and the canvases redraw.
 */
export function ensureGlyphs(texts: Iterable<string>): void {
  let latin = '';
  let other = '';
  for (const text of texts) {
    for (const char of text) {
      // Basic Latin and Latin-1 are in the files loaded at start.
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x100 || requested.has(char)) continue;
      requested.add(char);
      if (bothLatinFacesHave(code)) latin += char;
      else other += char;
    }
  }
  if (latin !== '') for (const face of FACES) void document.fonts.load(face, latin).catch(() => {});
  if (other !== '') {
    for (const face of FACES_FOR_GLYPHS) void document.fonts.load(face, other).catch(() => {});
  }
}
