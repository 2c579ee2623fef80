import { lineDirection } from '../../core/captions/direction';
import { wrapCaption } from '../../core/captions/wrap';
import { captionWords } from '../../core/captions/words';
import { fontStack } from '../../core/fonts';
import type { CaptionFrame } from '../../core/frame/frameState';
import { safeBoxFor } from '../../core/platform/platforms';
import type { CaptionStyle } from '../../core/schema';
import type { MeasureText } from '../backend';

/**
 * For each non-space character (UTF-16 unit) of the caption, in order, the index of the word it
 * belongs to, counting words as word timing does (`captionWords`: Japanese and Chinese split
 * into words). Timings made before that split (one "word" per space-separated run) keep their
 * own count. The wrapped lines hold the same non-space characters in the same order.
 */
function wordOwners(text: string, timed: readonly string[] | null, lines: readonly string[]): number[] {
  const units = captionWords(text);
  const bySpaces = text.split(/\s+/).filter((w) => w !== '');
  const words =
    timed !== null && timed.length !== units.length && timed.length === bySpaces.length ? bySpaces : units;
  const owners: number[] = [];
  words.forEach((word, i) => {
    for (const c of word) if (!/\s/.test(c)) for (let u = 0; u < c.length; u++) owners.push(i);
  });
  const count = lines.reduce((n, line) => n + line.replace(/\s+/g, '').length, 0);
  if (count === owners.length) return owners;
  // Not the same characters (should not happen): one word per space-separated run of the lines.
  const fallback: number[] = [];
  let i = 0;
  for (const line of lines)
    for (const run of line.match(/\S+/g) ?? []) fallback.push(...Array<number>(run.length).fill(i++));
  return fallback;
}

/** Caption look, shared by layout (how much room the effect needs) and drawing. */
export const CAPTION_LOOK = {
  weight: 600,
  maxLines: 2,
  /** Line pitch, in font sizes. */
  lineHeight: 1.3,
  text: '#ffffff',
  /** The word being spoken, when the caption has word timings. */
  highlight: '#ffd84d',
  outline: '#14121f',
  /** Outline width, in font sizes. */
  outlineWidth: 0.2,
  box: 'rgba(20, 18, 31, 0.78)',
  boxPaddingX: 0.35,
  boxRadius: 0.22,
  boxGap: 0.08,
  /** How far a line's box may grow past the line pitch for tall glyphs (Arabic descenders). */
  boxGrowth: 0.25,
  shadow: 'rgba(0, 0, 0, 0.85)',
  shadowBlur: 0.18,
  shadowOffsetY: 0.05,
  /** The big bold preset: heavier, larger letters with a thicker outline. */
  boldWeight: 800,
  boldScale: 1.25,
  boldOutlineWidth: 0.26,
  /** The highlighted-word preset: the spoken word's pill, and the word's ink on it. */
  pill: '#ffd84d',
  pillInk: '#14121f',
  pillPaddingX: 0.16,
  /** Smallest size a long caption may shrink to, as a fraction of the chosen size. */
  minScale: 0.6,
} as const;

export interface CaptionWordBox {
  readonly text: string;
  /** Left edge of the word, in frame pixels. */
  readonly x: number;
  readonly width: number;
  /**
   * Position among the caption's whitespace-separated words, matched against the active word
   * of the word timings (which follow the words of the text, in order).
   */
  readonly index: number;
}

export interface CaptionLineBox {
  readonly text: string;
  readonly x: number;
  /** Vertical centre of the line. */
  readonly y: number;
  readonly width: number;
  readonly words: readonly CaptionWordBox[];
  /**
   * True for a line mixing right-to-left and left-to-right words: it is filled as one run so
   * the canvas shapes it and orders it by the bidi rules (word positions would be guesses).
   */
  readonly singleRun: boolean;
}

export interface CaptionLayout {
  readonly style: CaptionStyle;
  readonly font: string;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly lines: readonly CaptionLineBox[];
  /** True when the text did not fit in two lines even at the smallest size. */
  readonly overflow: boolean;
}

export function captionFont(fontFamily: string, fontSize: number, style: CaptionStyle = 'outline'): string {
  const weight = style === 'bold' ? CAPTION_LOOK.boldWeight : CAPTION_LOOK.weight;
  return `${weight} ${fontSize}px ${fontStack(fontFamily)}`;
}

/** Outline width in pixels of the looks drawn with an outline (0 for the others). */
export function outlineWidth(style: CaptionStyle, fontSize: number): number {
  if (style === 'bold') return CAPTION_LOOK.boldOutlineWidth * fontSize;
  return style === 'outline' || style === 'highlight' ? CAPTION_LOOK.outlineWidth * fontSize : 0;
}

/** Room each look needs around the text so its ink (outline, box, shadow) stays inside the box. */
export function insets(style: CaptionStyle, fontSize: number): { x: number; y: number } {
  switch (style) {
    case 'outline':
    case 'bold': {
      const half = outlineWidth(style, fontSize) / 2 + 2;
      return { x: half, y: half };
    }
    case 'highlight': {
      const half = outlineWidth(style, fontSize) / 2 + 2;
      return { x: Math.max(half, CAPTION_LOOK.pillPaddingX * fontSize + 2), y: half };
    }
    case 'box':
      // Room for a box grown around glyphs taller than the line pitch (see captionView's boxSpan).
      return { x: CAPTION_LOOK.boxPaddingX * fontSize + 2, y: CAPTION_LOOK.boxGrowth * fontSize + 2 };
    case 'shadow': {
      const blur = CAPTION_LOOK.shadowBlur * fontSize;
      return { x: 1.5 * blur + 2, y: 1.5 * blur + CAPTION_LOOK.shadowOffsetY * fontSize + 2 };
    }
  }
}

/**
 * Lays a caption out inside the common safe box of a width x height frame: wrapped by the
 * core's caption maths into at most two centred lines, at the top, middle or bottom of it.
 */
export function layoutCaption(
  caption: CaptionFrame,
  width: number,
  height: number,
  measureText: MeasureText,
): CaptionLayout {
  const safe = safeBoxFor(width, height);
  const style = caption.style;
  const preferred =
    style === 'bold' ? Math.round(caption.fontSize * CAPTION_LOOK.boldScale) : caption.fontSize;
  const inset = insets(style, preferred);
  const family = caption.fontFamily;
  const wrapped = wrapCaption(caption.text, {
    maxWidth: Math.max(1, safe.width - 2 * inset.x),
    maxLines: CAPTION_LOOK.maxLines,
    fontSize: preferred,
    minFontSize: Math.max(1, caption.fontSize * CAPTION_LOOK.minScale),
    measure: (text, size) => measureText(text, captionFont(family, size, style)),
  });
  const fontSize = wrapped.fontSize;
  const font = captionFont(family, fontSize, style);
  const lineHeight = CAPTION_LOOK.lineHeight * fontSize;
  const pitch = caption.style === 'box' ? lineHeight + CAPTION_LOOK.boxGap * fontSize : lineHeight;
  const blockHeight = wrapped.lines.length > 0 ? pitch * (wrapped.lines.length - 1) + lineHeight : 0;
  // Placed by hand: centred on its height, kept on the frame (the safe-zone check warns when it
  // leaves the safe area).
  const top =
    caption.y !== null
      ? Math.min(Math.max(inset.y, caption.y * height - blockHeight / 2), height - inset.y - blockHeight)
      : caption.position === 'top'
        ? safe.y + inset.y
        : caption.position === 'middle'
          ? safe.y + (safe.height - blockHeight) / 2
          : safe.y + safe.height - inset.y - blockHeight;

  const owners = wordOwners(caption.text, caption.words, wrapped.lines);
  let k = 0; // position among the text's non-space characters
  const lines = wrapped.lines.map((text, i): CaptionLineBox => {
    const lineWidth = measureText(text, font);
    const x = safe.x + (safe.width - lineWidth) / 2;
    const direction = lineDirection(text);
    const words: CaptionWordBox[] = [];
    // Runs of characters of the same word (a word the wrap broke shows as a run on each line).
    for (const run of text.matchAll(/\S+/g)) {
      let from = 0;
      const chars = run[0];
      for (let j = 1; j <= chars.length; j++) {
        const owner = owners[k + from] ?? -1;
        if (j < chars.length && (owners[k + j] ?? -1) === owner) continue;
        const at = run.index + from;
        const piece = chars.slice(from, j);
        const before = at > 0 ? measureText(text.slice(0, at), font) : 0;
        const wordWidth = measureText(piece, font);
        // Right-to-left: the first word is at the right end of the line.
        const wordX = direction === 'rtl' ? x + lineWidth - before - wordWidth : x + before;
        words.push({ text: piece, x: wordX, width: wordWidth, index: owner });
        from = j;
      }
      k += chars.length;
    }
    const singleRun = direction === 'mixed';
    return { text, x, y: top + i * pitch + lineHeight / 2, width: lineWidth, words, singleRun };
  });
  return { style: caption.style, font, fontSize, lineHeight, lines, overflow: wrapped.overflow };
}

/**
 * Where a laid-out caption's ink lands, in frame pixels: its lines with the room its look takes
 * around them (outline, box, shadow). This is the box the safe-zone check compares with a
 * platform's safe area.
 */
export function captionInkBox(
  layout: CaptionLayout,
): { x: number; y: number; width: number; height: number } | null {
  if (layout.lines.length === 0) return null;
  const inset = insets(layout.style, layout.fontSize);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const line of layout.lines) {
    left = Math.min(left, line.x - inset.x);
    right = Math.max(right, line.x + line.width + inset.x);
    top = Math.min(top, line.y - layout.lineHeight / 2 - inset.y);
    bottom = Math.max(bottom, line.y + layout.lineHeight / 2 + inset.y);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
