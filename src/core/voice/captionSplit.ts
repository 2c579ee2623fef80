import { CAPTION_LIMITS, checkCaption } from '../captions/readability';
import { joinCaptionWords } from '../captions/words';

/**
 * Captions from timed words: a caption too long to read (more lines than fit, longer than
 * viewers keep reading) is split where the speech pauses, and every caption is then kept on
 * screen long enough to be read, without running into the next one. The limits are the core's
 * (CAPTION_LIMITS), the same the readability check warns about.
 */

export interface TimedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The script has punctuation after this word (a natural place to split). */
  readonly pauseAfter: boolean;
}

export interface TimedCaption {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly words: readonly { text: string; start: number; end: number }[];
}

/** The problems a split can solve: too much text for the lines, too long on screen. */
const SPLIT_FIXES = new Set(['too-many-lines', 'too-long']);

function needsSplit(words: readonly TimedWord[], audience: 'general' | 'children'): boolean {
  if (words.length < 2) return false;
  const first = words[0] as TimedWord;
  const last = words[words.length - 1] as TimedWord;
  const issues = checkCaption(
    {
      id: 'x',
      start: first.start,
      end: Math.max(last.end, first.start + 0.001),
      text: joinCaptionWords(words.map((w) => w.text)),
      style: 'outline',
    },
    { audience },
  );
  return issues.some((i) => SPLIT_FIXES.has(i.code));
}

/**
 * Where to split: the longest pause between two words, helped by punctuation before it and by
 * halves of similar length (a split at the second word leaves a lonely word on screen).
 */
function bestSplit(words: readonly TimedWord[]): number {
  let best = 1;
  let bestScore = -Infinity;
  const total = words.length;
  for (let j = 1; j < total; j++) {
    const before = words[j - 1] as TimedWord;
    const pause = Math.max(0, (words[j] as TimedWord).start - before.end);
    const balance = 1 - Math.abs(j / total - 0.5) * 2;
    const score = pause + (before.pauseAfter ? 0.15 : 0) + 0.1 * balance;
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return best;
}

function asCaption(words: readonly TimedWord[]): TimedCaption {
  const first = words[0] as TimedWord;
  const last = words[words.length - 1] as TimedWord;
  return {
    text: joinCaptionWords(words.map((w) => w.text)),
    start: first.start,
    end: last.end,
    words: words.map((w) => ({ text: w.text, start: w.start, end: w.end })),
  };
}

/** One caption, or several split at the speech's pauses until each fits the limits. */
export function splitAtPauses(words: readonly TimedWord[], audience: 'general' | 'children'): TimedCaption[] {
  if (words.length === 0) return [];
  if (!needsSplit(words, audience)) return [asCaption(words)];
  const at = bestSplit(words);
  return [...splitAtPauses(words.slice(0, at), audience), ...splitAtPauses(words.slice(at), audience)];
}

/** Seconds a caption stays after its last word (capped by the next caption). */
const HOLD_AFTER_SPEECH = 0.25;
/** Shortest word the highlight shows (matches the editor's MIN_WORD_LENGTH). */
const MIN_WORD = 0.04;

/**
 * Final times: each caption ends a moment after its last word, later when it needs longer to be
 * read (the minimum time on screen, the reading speed), never after the next caption starts or
 * the sound ends. Words fill their caption without gaps, so the highlight does not flicker off
 * between two words.
 */
export function finishTimes<C extends TimedCaption>(captions: readonly C[], duration: number): C[] {
  return captions.map((c, i) => {
    const next = captions[i + 1];
    const limit = next === undefined ? Math.max(duration, c.end) : Math.max(c.end, next.start);
    const chars = [...c.text.replace(/\s+/g, ' ').trim()].length;
    const read = Math.max(CAPTION_LIMITS.minSeconds, chars / CAPTION_LIMITS.maxCharsPerSecond);
    const end = Math.min(limit, Math.max(c.end + HOLD_AFTER_SPEECH, c.start + read));
    const words: { text: string; start: number; end: number }[] = [];
    let at = c.start;
    c.words.forEach((w, k) => {
      const latest = end - MIN_WORD * (c.words.length - k);
      const start = Math.min(latest, Math.max(at, w.start));
      words.push({ text: w.text, start, end: start });
      at = start + MIN_WORD;
    });
    words.forEach((w, k) => (w.end = k + 1 < words.length ? (words[k + 1]?.start ?? end) : end));
    return { ...c, end, words };
  });
}
