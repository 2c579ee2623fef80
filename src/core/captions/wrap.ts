import { graphemes } from './graphemes';

export interface WrapOptions {
  /** Widest a line may be, in pixels. */
  readonly maxWidth: number;
  /** Most lines the caption may take (2 keeps captions readable). */
  readonly maxLines?: number;
  /** Preferred font size in pixels. */
  readonly fontSize: number;
  /** Smallest font size the caption may shrink to before it is reported as overflowing. */
  readonly minFontSize: number;
  /** Width of `text` at `fontSize`, in pixels (from the renderer's real fonts). */
  readonly measure: (text: string, fontSize: number) => number;
}

export interface WrappedCaption {
  readonly lines: string[];
  readonly fontSize: number;
  /** True when even at the smallest size the text needs more lines (or is wider) than allowed. */
  readonly overflow: boolean;
}

export const DEFAULT_MAX_CAPTION_LINES = 2;
/** How much the font shrinks per attempt, as a fraction of the preferred size. */
const SHRINK_STEP = 0.05;

/** Characters of scripts written without spaces (Han, kana, Hangul is spaced so it is not here). */
export const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Kinsoku: characters that may not start a line (closing marks, small kana, prolonged sound). */
const NO_LINE_START = new Set([
  ...'、。，．・：；？！‼⁇⁈⁉ー～…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
  ...'」』）］｝〕〉》】〙〗〟’”｠»)]},.!?:;%',
]);
/** Kinsoku: characters that may not end a line (opening marks). */
export const NO_LINE_END = new Set([...'「『（［｛〔〈《【〘〖〝‘“｟«([{']);

/** One unbreakable piece of a line, and whether a space separates it from the piece before. */
interface Piece {
  readonly text: string;
  readonly spaced: boolean;
}

/**
 * Splits a space-separated word into pieces a line may break between: Japanese and Chinese
 * text breaks between characters (no spaces there), keeping kinsoku (a closing mark stays with
 * the character before it, an opening mark with the one after). Latin, Arabic and emoji runs
 * stay whole, so Arabic keeps its joined letters.
 */
export function breakPieces(word: string): string[] {
  if (!UNSPACED_SCRIPT.test(word)) return [word];
  const pieces: string[] = [];
  let run = '';
  let glueNext = false;
  for (const g of graphemes(word)) {
    const unspaced = UNSPACED_SCRIPT.test(g);
    const previousUnspaced = run !== '' && UNSPACED_SCRIPT.test([...run].at(-1) ?? '');
    const mayBreakBefore = run !== '' && !glueNext && !NO_LINE_START.has(g) && (unspaced || previousUnspaced);
    if (mayBreakBefore) {
      pieces.push(run);
      run = '';
    }
    run += g;
    glueNext = NO_LINE_END.has(g);
  }
  if (run !== '') pieces.push(run);
  return pieces;
}

function paragraphPieces(paragraph: string): Piece[] {
  const pieces: Piece[] = [];
  for (const word of paragraph.split(/\s+/)) {
    if (word === '') continue;
    breakPieces(word).forEach((text, i) => pieces.push({ text, spaced: i === 0 }));
  }
  return pieces;
}

/**
 * Greedy wrap of one paragraph at one size, between words and (in Japanese and Chinese)
 * between characters. A piece wider than a line is broken between graphemes, so an emoji or
 * an accented letter is never cut in half. Returns whether every line fits the width (a single
 * grapheme wider than the line cannot).
 */
function wrapParagraph(
  paragraph: string,
  fontSize: number,
  maxWidth: number,
  measure: WrapOptions['measure'],
  lines: string[],
): boolean {
  let fits = true;
  let line = '';
  for (const piece of paragraphPieces(paragraph)) {
    const word = piece.text;
    if (line !== '') {
      const candidate = line + (piece.spaced ? ' ' : '') + word;
      if (measure(candidate, fontSize) <= maxWidth) {
        line = candidate;
        continue;
      }
      lines.push(line);
      line = '';
    }
    if (measure(word, fontSize) <= maxWidth) {
      line = word;
      continue;
    }
    // Break the long word: fill each line with as many graphemes as fit (at least one).
    for (const g of graphemes(word)) {
      const candidate = line + g;
      if (line === '' || measure(candidate, fontSize) <= maxWidth) {
        if (line === '' && measure(g, fontSize) > maxWidth) fits = false;
        line = candidate;
      } else {
        lines.push(line);
        line = g;
      }
    }
  }
  if (line !== '') lines.push(line);
  return fits;
}

function wrapAt(text: string, fontSize: number, opts: WrapOptions): { lines: string[]; fits: boolean } {
  const lines: string[] = [];
  let fits = true;
  for (const paragraph of text.split('\n')) {
    if (!wrapParagraph(paragraph, fontSize, opts.maxWidth, opts.measure, lines)) fits = false;
  }
  return { lines, fits };
}

/**
 * Lays a caption out in at most `maxLines` lines of `maxWidth`: at the preferred size if it
 * fits, otherwise at the largest smaller size (down to `minFontSize`) that fits. If nothing
 * fits, the lines at the smallest size come back with `overflow` set so the UI can warn.
 * Explicit line breaks in the text are kept.
 */
export function wrapCaption(text: string, opts: WrapOptions): WrappedCaption {
  const maxLines = opts.maxLines ?? DEFAULT_MAX_CAPTION_LINES;
  const trimmed = text.trim();
  const minSize = Math.min(opts.minFontSize, opts.fontSize);
  if (trimmed === '') return { lines: [], fontSize: opts.fontSize, overflow: false };
  const step = Math.max(1, Math.round(opts.fontSize * SHRINK_STEP));
  for (let size = opts.fontSize; size > minSize; size -= step) {
    const { lines, fits } = wrapAt(trimmed, size, opts);
    if (fits && lines.length <= maxLines) return { lines, fontSize: size, overflow: false };
  }
  const { lines, fits } = wrapAt(trimmed, minSize, opts);
  return { lines, fontSize: minSize, overflow: !fits || lines.length > maxLines };
}
