/**
 * User-perceived characters (grapheme clusters): an emoji with skin tone or a family emoji is
 * one character, never split. One segmenter is created on first use and shared; it holds no
 * per-call state.
 */
let segmenter: Intl.Segmenter | null = null;

function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** The graphemes of a string, in order. */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const s of graphemeSegmenter().segment(text)) out.push(s.segment);
  return out;
}

/** How many characters a reader sees in the text. */
export function graphemeCount(text: string): number {
  let n = 0;
  // Plain ASCII is one grapheme per code unit (CR LF aside): skip the segmenter for it.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  for (const _ of graphemeSegmenter().segment(text)) n++;
  return n;
}
