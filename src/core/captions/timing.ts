import type { Caption } from '../schema';

/**
 * Per captions array (projects are immutable data): the order of cues by start time, and for
 * each position in that order the latest end among the cues up to it. The second lets a lookup
 * stop as soon as no earlier cue can still be on screen, so overlapping cues cost nothing
 * when there are none.
 */
interface CaptionIndex {
  /** Indices into the array, sorted by start (stable), or null when the array is already sorted. */
  readonly order: readonly number[] | null;
  readonly maxEndUpTo: Float64Array;
}

const indexes = new WeakMap<readonly Caption[], CaptionIndex>();

function indexOf(captions: readonly Caption[]): CaptionIndex {
  let index = indexes.get(captions);
  if (index !== undefined) return index;
  let sorted = true;
  for (let i = 1; i < captions.length; i++) {
    if ((captions[i] as Caption).start < (captions[i - 1] as Caption).start) {
      sorted = false;
      break;
    }
  }
  const order = sorted
    ? null
    : captions
        .map((_, i) => i)
        .sort((a, b) => (captions[a] as Caption).start - (captions[b] as Caption).start);
  const maxEndUpTo = new Float64Array(captions.length);
  let maxEnd = -Infinity;
  for (let k = 0; k < captions.length; k++) {
    const c = captions[order === null ? k : (order[k] as number)] as Caption;
    if (c.end > maxEnd) maxEnd = c.end;
    maxEndUpTo[k] = maxEnd;
  }
  index = { order, maxEndUpTo };
  indexes.set(captions, index);
  return index;
}

/**
 * The caption on screen at t: the cue whose [start, end) holds t. When cues overlap, the one
 * that started last wins (a newer line replaces an older one still running).
 */
export function captionAt(captions: readonly Caption[], t: number): Caption | null {
  if (captions.length === 0) return null;
  const { order, maxEndUpTo } = indexOf(captions);
  const at = (k: number): Caption => captions[order === null ? k : (order[k] as number)] as Caption;
  // Last position whose start <= t.
  let lo = 0;
  let hi = captions.length - 1;
  if (!(at(0).start <= t)) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (at(mid).start <= t) lo = mid;
    else hi = mid - 1;
  }
  for (let k = lo; k >= 0 && (maxEndUpTo[k] as number) > t; k--) {
    const c = at(k);
    if (t < c.end) return c;
  }
  return null;
}

/**
 * Index of the word being spoken at t in a caption with word timings: the word that started
 * last at or before t, while it has not ended. -1 without timings or between words.
 */
export function activeWordIndex(caption: Caption, t: number): number {
  const words = caption.words;
  if (words === undefined || words.length === 0) return -1;
  const first = words[0];
  if (first === undefined || !(first.start <= t)) return -1;
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((words[mid] as { start: number }).start <= t) lo = mid;
    else hi = mid - 1;
  }
  const word = words[lo];
  return word !== undefined && t < word.end ? lo : -1;
}
