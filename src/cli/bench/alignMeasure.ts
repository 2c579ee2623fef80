import { alignScript, type AlignmentResult } from '../../core/voice';
import type { CorpusBackground, CorpusLanguage, CorpusSentence } from './alignCorpus';

/**
 * How close "Time to voice" comes to the truth on the corpus: the error of every word's start,
 * and how far every caption's start and end land from the true pause around its line (0 when
 * inside it). The targets are issue 14's.
 */

export const ALIGN_TARGETS = {
  medianWordStart: 0.12,
  p90WordStart: 0.25,
  captionBoundary: 0.2,
} as const;

export interface AlignFigures {
  readonly sentences: number;
  readonly words: number;
  readonly medianWordStart: number;
  readonly p90WordStart: number;
  /** The largest distance of a caption start or end from its true pause. */
  readonly worstBoundary: number;
  readonly medianBoundary: number;
}

export interface SentenceErrors {
  readonly language: CorpusLanguage;
  readonly background: CorpusBackground;
  readonly wordStart: number[];
  readonly boundary: number[];
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/** Distance from t to the interval [a, b] (0 inside). */
function outside(t: number, a: number, b: number): number {
  return t < a ? a - t : t > b ? t - b : 0;
}

export function sentenceErrors(sentence: CorpusSentence, result: AlignmentResult): SentenceErrors {
  const aligned = result.captions.flatMap((c) => c.words);
  const wordStart = sentence.words.map((w, i) => Math.abs((aligned[i]?.start ?? Infinity) - w.start));
  const boundary: number[] = [];
  const duration = sentence.samples.length / sentence.sampleRate;
  sentence.lines.forEach((_, line) => {
    const words = sentence.words.filter((w) => w.line === line);
    const before = sentence.words.filter((w) => w.line === line - 1).at(-1);
    const after = sentence.words.filter((w) => w.line === line + 1)[0];
    const caption = result.captions.filter((c) => c.source === line);
    const first = caption[0];
    const last = caption.at(-1);
    const firstWord = words[0];
    const lastWord = words.at(-1);
    if (first === undefined || last === undefined || firstWord === undefined || lastWord === undefined) {
      boundary.push(Infinity);
      return;
    }
    // The true pause before the line (from the previous line's last word) and after it.
    boundary.push(outside(first.start, before?.end ?? 0, firstWord.start));
    boundary.push(outside(last.end, lastWord.end, after?.start ?? duration));
  });
  return { language: sentence.language, background: sentence.background, wordStart, boundary };
}

export function alignSentence(sentence: CorpusSentence): AlignmentResult {
  return alignScript({
    samples: sentence.samples,
    sampleRate: sentence.sampleRate,
    script: sentence.lines,
    language: sentence.language,
  });
}

export function figures(errors: readonly SentenceErrors[]): AlignFigures {
  const starts = errors.flatMap((e) => e.wordStart);
  const bounds = errors.flatMap((e) => e.boundary);
  return {
    sentences: errors.length,
    words: starts.length,
    medianWordStart: percentile(starts, 0.5),
    p90WordStart: percentile(starts, 0.9),
    worstBoundary: bounds.reduce((m, b) => Math.max(m, b), 0),
    medianBoundary: percentile(bounds, 0.5),
  };
}

export function meetsTargets(f: AlignFigures): boolean {
  return (
    f.medianWordStart <= ALIGN_TARGETS.medianWordStart &&
    f.p90WordStart <= ALIGN_TARGETS.p90WordStart &&
    f.worstBoundary <= ALIGN_TARGETS.captionBoundary
  );
}

const ms = (s: number): string => `${Math.round(s * 1000)} ms`;

/** The figures per language and background, as the bench prints them. */
export function alignReport(errors: readonly SentenceErrors[]): string {
  const groups: [string, SentenceErrors[]][] = [];
  for (const language of ['en', 'es'] as const) {
    const mine = errors.filter((e) => e.language === language);
    if (mine.length === 0) continue;
    groups.push([`${language} all`, mine]);
    for (const bg of ['clean', 'noise', 'music'] as const)
      groups.push([`${language} ${bg}`, mine.filter((e) => e.background === bg)]);
  }
  const rows = groups.map(([name, list]) => {
    const f = figures(list);
    return `  ${name.padEnd(10)} ${String(f.sentences).padStart(3)} sentences ${String(f.words).padStart(4)} words  word start median ${ms(f.medianWordStart).padStart(6)}  p90 ${ms(f.p90WordStart).padStart(6)}  caption boundary median ${ms(f.medianBoundary).padStart(5)} worst ${ms(f.worstBoundary).padStart(6)}  ${meetsTargets(f) ? 'PASS' : 'MISS'}`;
  });
  return [
    `Time to voice (targets: word start median <= ${ms(ALIGN_TARGETS.medianWordStart)}, p90 <= ${ms(ALIGN_TARGETS.p90WordStart)}, caption boundaries <= ${ms(ALIGN_TARGETS.captionBoundary)} from the true pause)`,
    ...rows,
  ].join('\n');
}
