import type { VoiceFeatures } from './features';

/**
 * Places the script's words on the voice by dynamic programming over 10 ms frames. Each word
 * takes a stretch of frames, in order, with silence allowed between words. A placement costs:
 * - speech left between words, and silence inside a word (a word may hold a short stop, so
 *   that costs less);
 * - a word much shorter or longer than its syllables predict at this speaker's rate;
 * - a word holding more or fewer syllable nuclei than its syllables;
 * - a word boundary on a loud frame (words meet in the valleys of the envelope);
 * - a pause where the script has no punctuation (a little: pauses go to commas and full stops
 *   when the voice leaves the choice open).
 * The cheapest placement of all words is found exactly, in time proportional to
 * words x frames x the longest word.
 */

export interface WordToAlign {
  readonly syllables: number;
  /** A pause after this word is expected (punctuation, the end of a caption). */
  readonly pauseAfter: boolean;
}

export interface AlignedSpan {
  /** First frame of the word and the frame after its last. */
  readonly start: number;
  readonly end: number;
}

// Weights, per 10 ms frame or per word, tuned on the espeak-ng corpus (src/cli/bench/alignCorpus.ts).
const SPEECH_IN_GAP = 1;
const SILENCE_IN_WORD = 0.5;
const DURATION = 4;
const NUCLEI = 1.2;
const BOUNDARY = 1.5;
/** Per silent frame of a pause after a word without punctuation. */
const UNEXPECTED_PAUSE = 0.2;
/** Frames of lead-in every word is given beyond its syllables (consonants around the vowels). */
const WORD_BASE = 0.4;

export function alignWords(features: VoiceFeatures, words: readonly WordToAlign[]): AlignedSpan[] {
  const T = features.speech.length;
  const N = words.length;
  if (N === 0) return [];
  const { speech, loudness } = features;

  // The speaker's rate: frames of speech per syllable (plus a base per word).
  let speechFrames = 0;
  for (let t = 0; t < T; t++) speechFrames += speech[t] as number;
  const totalUnits = words.reduce((sum, w) => sum + w.syllables + WORD_BASE, 0);
  const perUnit = Math.max(6, Math.min(40, speechFrames / Math.max(1, totalUnits)));

  // Prefix sums, so any stretch's silence and nuclei are two lookups.
  const silence = new Float64Array(T + 1);
  const speechSum = new Float64Array(T + 1);
  for (let t = 0; t < T; t++) {
    silence[t + 1] = (silence[t] as number) + 1 - (speech[t] as number);
    speechSum[t + 1] = (speechSum[t] as number) + (speech[t] as number);
  }
  const nucleiUpTo = new Int32Array(T + 1);
  for (const n of features.nuclei) nucleiUpTo[n + 1] = 1;
  for (let t = 0; t < T; t++) nucleiUpTo[t + 1] = (nucleiUpTo[t + 1] as number) + (nucleiUpTo[t] as number);

  // gap[i][t]: the cheapest way to place words 0..i-1 and stand in a pause at frame t, ready
  // for word i. wordEnd[i][t]: word i ends just before frame t.
  const INF = Number.POSITIVE_INFINITY;
  // Float32 and Int16 keep a 5-minute voice of 750 words near 150 MB.
  const gap = new Float32Array((N + 1) * (T + 1)).fill(INF);
  const fromWord = new Uint8Array((N + 1) * (T + 1)); // 1: the gap starts here (a word ended)
  const wordLength = new Int16Array(N * (T + 1)); // 0: the word cannot end here
  const at = (i: number, t: number): number => i * (T + 1) + t;

  gap[at(0, 0)] = 0;
  for (let t = 1; t <= T; t++)
    gap[at(0, t)] = (gap[at(0, t - 1)] as number) + SPEECH_IN_GAP * (speech[t - 1] as number);

  // Where each word is expected to end if the speaker kept one pace: the frame by which that
  // share of all speech has been heard. Words are searched within BAND of it (3 s plus a tenth of
  // the sound), which keeps a long recording fast without limiting a short one.
  const band = Math.round(300 + 0.1 * T);
  const expectedEnd = new Int32Array(N);
  {
    let units = 0;
    let t = 0;
    words.forEach((w, i) => {
      units += w.syllables + WORD_BASE;
      const target = (units / Math.max(1e-9, totalUnits)) * (speechSum[T] as number);
      while (t < T && (speechSum[t] as number) < target) t++;
      expectedEnd[i] = t;
    });
  }

  const wordCost = new Float64Array(T + 1);
  for (let i = 0; i < N; i++) {
    const word = words[i] as WordToAlign;
    const expected = perUnit * (word.syllables + WORD_BASE);
    const shortest = Math.max(4, Math.floor(expected * 0.35));
    const longest = Math.min(T, Math.ceil(expected * 2.6) + 10, 32000);
    wordCost.fill(INF);
    // The duration cost of every length this word may take, once (Math.log in the loop is slow).
    const durationCost = new Float64Array(longest + 1);
    for (let d = shortest; d <= longest; d++) durationCost[d] = DURATION * Math.log(d / expected) ** 2;
    const lastEnd = Math.min(T, (expectedEnd[i] as number) + band);
    for (let e = Math.max(shortest, (expectedEnd[i] as number) - band); e <= lastEnd; e++) {
      let best = INF;
      let bestStart = -1;
      const boundaryEnd = BOUNDARY * (loudness[e - 1] as number);
      for (let d = shortest; d <= longest && d <= e; d++) {
        const s = e - d;
        const before = gap[at(i, s)] as number;
        if (before === INF) continue;
        const nuclei = (nucleiUpTo[e] as number) - (nucleiUpTo[s] as number);
        const cost =
          before +
          SILENCE_IN_WORD * ((silence[e] as number) - (silence[s] as number)) +
          (durationCost[d] as number) +
          NUCLEI * Math.abs(nuclei - word.syllables) +
          BOUNDARY * (loudness[s] as number) +
          boundaryEnd;
        if (cost < best) {
          best = cost;
          bestStart = s;
        }
      }
      wordCost[e] = best;
      wordLength[i * (T + 1) + e] = bestStart < 0 ? 0 : e - bestStart;
    }
    // The pause after word i, up to the start of word i+1.
    const quiet = word.pauseAfter || i === N - 1 ? 0 : UNEXPECTED_PAUSE;
    for (let t = 0; t <= T; t++) {
      const ended = wordCost[t] as number;
      const carried =
        t === 0
          ? INF
          : (gap[at(i + 1, t - 1)] as number) +
            SPEECH_IN_GAP * (speech[t - 1] as number) +
            quiet * (1 - (speech[t - 1] as number));
      if (ended <= carried) {
        gap[at(i + 1, t)] = ended;
        fromWord[at(i + 1, t)] = 1;
      } else {
        gap[at(i + 1, t)] = carried;
      }
    }
  }

  // No placement fits (far more words than sound): the caller shares the sound out instead.
  if (!Number.isFinite(gap[at(N, T)] as number)) return [];
  // Walk back from the end of the sound.
  const spans: AlignedSpan[] = new Array<AlignedSpan>(N);
  let t = T;
  for (let i = N; i > 0; i--) {
    while (t > 0 && fromWord[at(i, t)] !== 1) t--;
    const length = wordLength[(i - 1) * (T + 1) + t] as number;
    const start = length > 0 ? t - length : -1;
    spans[i - 1] = { start: Math.max(0, start), end: t };
    t = Math.max(0, start);
  }
  return spans;
}
