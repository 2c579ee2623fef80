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

/**
 * Greedy word wrap of one paragraph at one size. A word wider than a line is broken between
 * graphemes, so an emoji or an accented letter is never cut in half. Returns whether every
 * line fits the width (a single grapheme wider than the line cannot).
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
  for (const word of paragraph.split(/\s+/)) {
    if (word === '') continue;
    if (line !== '') {
      const candidate = line + ' ' + word;
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
