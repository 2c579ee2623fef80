import { NO_LINE_END, UNSPACED_SCRIPT } from './wrap';

/**
 * The words of a caption, as word-by-word timing and highlighting count them. Text with spaces
 * splits at the spaces (punctuation stays with its word, "kind," is one word). Japanese and
 * Chinese are written without spaces, so a run of them is split into words by the platform's
 * word segmenter (Intl.Segmenter, in Node and Chromium alike): やさしさは、すぐに届く gives
 * やさしさ / は、/ すぐ / に / 届く, punctuation kept with the word before it (an opening
 * bracket with the word after it).
 */
export function captionWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    if (!UNSPACED_SCRIPT.test(token)) words.push(token);
    else words.push(...segmentUnspaced(token));
  }
  return words;
}

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Kana means Japanese; Han alone is read as Chinese (the segmenters differ in their dictionaries). */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

function segmentUnspaced(token: string): string[] {
  const units: string[] = [];
  let pending = ''; // opening marks waiting for the word after them
  for (const part of wordSegmenter(KANA.test(token) ? 'ja' : 'zh').segment(token)) {
    const s = part.segment;
    if (part.isWordLike === true) {
      units.push(pending + s);
      pending = '';
    } else if ([...s].every((c) => NO_LINE_END.has(c)) || units.length === 0) {
      pending += s;
    } else {
      units[units.length - 1] += s;
    }
  }
  if (pending !== '') {
    if (units.length === 0) units.push(pending);
    else units[units.length - 1] += pending;
  }
  return units;
}

/**
 * Words put back together as text: a space between two words, except between two words of a
 * script written without spaces (Japanese, Chinese), which join directly.
 */
export function joinCaptionWords(words: readonly string[]): string {
  let text = '';
  for (const word of words) {
    if (text === '') {
      text = word;
      continue;
    }
    text += spaceBetween(text, word) + word;
  }
  return text;
}

/** What goes between two words: nothing between Japanese or Chinese, a space otherwise. */
export function spaceBetween(before: string, after: string): string {
  const last = [...before].at(-1) ?? '';
  const first = [...after][0] ?? '';
  return UNSPACED_SCRIPT.test(last) && UNSPACED_SCRIPT.test(first) ? '' : ' ';
}
