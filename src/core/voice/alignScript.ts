import { captionWords } from '../captions/words';
import { alignWords, type WordToAlign } from './alignWords';
import { finishTimes, splitAtPauses, type TimedWord } from './captionSplit';
import { voiceFeatures } from './features';
import { countSyllables, guessLanguage, type VoiceLanguage } from './syllables';

/**
 * "Time to voice": a script (the captions' text, or the lines of a script) timed to a mono
 * recording. Every caption gets a start and an end and every word its timing for the
 * highlighted-word style; a caption too long to read is split where the speech pauses. Pure:
 * the caller decodes the sound (see src/export/audio/decodeVoice.ts).
 */

export interface AlignInput {
  /** Mono PCM samples, -1 to 1. */
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** One entry per caption (the text of a caption, or a line of the script). */
  readonly script: readonly string[];
  /** English or Spanish syllable rules; guessed from the script when absent. */
  readonly language?: VoiceLanguage;
  /** Seconds added to every time: where the sound starts on the project's timeline. */
  readonly offset?: number;
  /** Reading speed the split captions are kept within (absent: general audience). */
  readonly audience?: 'general' | 'children';
}

export interface AlignedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface AlignedCaption {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly words: readonly AlignedWord[];
  /** The script entry this caption comes from (a split entry gives several captions). */
  readonly source: number;
}

export interface AlignmentResult {
  readonly language: VoiceLanguage;
  readonly captions: readonly AlignedCaption[];
  /** Seconds of sound that were aligned. */
  readonly duration: number;
}

/**
 * Word starts come out about 5 ms early on the corpus (the median signed error: the envelope is
 * smoothed over ±40 ms, so speech shows a little before it starts) and are moved by that much.
 */
const ONSET_SHIFT_SECONDS = 0.005;

const round = (t: number): number => Math.round(t * 1000) / 1000;

/**
 * The longest sound timed at once: the search keeps a cost for every word at every 10 ms, so
 * memory grows with words x length (5 minutes of voice, about 750 words, take about 150 MB).
 */
export const MAX_ALIGN_SECONDS = 300;

export class AlignTooLongError extends Error {
  override readonly name = 'AlignTooLongError';
  constructor(seconds: number) {
    super(
      `This recording is ${Math.round(seconds)} s long; Time to voice handles up to ${MAX_ALIGN_SECONDS / 60} minutes at once. Cut it into parts and time each one.`,
    );
  }
}

export function alignScript(input: AlignInput): AlignmentResult {
  const seconds = input.samples.length / Math.max(1, input.sampleRate);
  if (seconds > MAX_ALIGN_SECONDS + 1) throw new AlignTooLongError(seconds);
  const language = input.language ?? guessLanguage(input.script.join(' '));
  const offset = input.offset ?? 0;
  const duration = input.samples.length / Math.max(1, input.sampleRate);
  const features = voiceFeatures(input.samples, input.sampleRate);

  interface ScriptWord {
    readonly text: string;
    readonly line: number;
    readonly syllables: number;
    readonly pauseAfter: boolean;
  }
  const all: ScriptWord[] = [];
  input.script.forEach((line, index) => {
    const words = captionWords(line);
    words.forEach((text, k) =>
      all.push({
        text,
        line: index,
        syllables: countSyllables(text, language),
        pauseAfter: k === words.length - 1 || /[.,;:!?…)"»”]$/u.test(text),
      }),
    );
  });
  // Only spoken words are placed; emoji and punctuation alone take the time of the word before.
  const spoken = all.filter((w) => w.syllables > 0);
  const toAlign: WordToAlign[] = spoken.map((w) => ({ syllables: w.syllables, pauseAfter: w.pauseAfter }));
  const spans = alignWords(features, toAlign);
  const frameSeconds = features.frameSeconds;
  const fits = spans.length === toAlign.length && spans.every((s) => s.end > s.start);

  const timed: (TimedWord & { line: number })[] = [];
  let k = 0;
  let lastEnd = 0;
  all.forEach((w, index) => {
    let start: number;
    let end: number;
    if (w.syllables > 0 && fits) {
      const span = spans[k++] as { start: number; end: number };
      start = Math.max(0, span.start * frameSeconds + ONSET_SHIFT_SECONDS);
      end = Math.min(duration, span.end * frameSeconds);
    } else if (w.syllables > 0) {
      // The sound is too short for the words: share it out evenly rather than fail.
      start = (index / all.length) * duration;
      end = ((index + 1) / all.length) * duration;
    } else {
      start = lastEnd;
      end = lastEnd;
    }
    lastEnd = end;
    timed.push({ text: w.text, start, end, pauseAfter: w.pauseAfter, line: w.line });
  });

  const captions: AlignedCaption[] = [];
  input.script.forEach((_, line) => {
    const words = timed.filter((w) => w.line === line);
    if (words.length === 0) return;
    for (const part of splitAtPauses(words, input.audience ?? 'general')) {
      // A caption shows from where its first word's sound is first heard (a caption a moment
      // early reads better than one late): the shift is undone for it.
      const start = Math.max(0, part.start - ONSET_SHIFT_SECONDS);
      const [first, ...rest] = part.words;
      const words = first === undefined ? [] : [{ ...first, start }, ...rest];
      captions.push({ ...part, start, words, source: line });
    }
  });
  // Each caption stays up until the next one starts or it has been on screen long enough to read.
  const shifted = finishTimes(captions, duration).map((c) => ({
    ...c,
    start: round(c.start + offset),
    end: round(c.end + offset),
    words: c.words.map((w) => ({ text: w.text, start: round(w.start + offset), end: round(w.end + offset) })),
  }));
  return { language, captions: shifted, duration };
}
