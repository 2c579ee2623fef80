import type { Caption, CaptionStyle, Project } from '../schema';
import type { AlignedCaption } from '../voice';
import { MAX_CAPTIONS, MAX_CAPTION_TEXT, MIN_CAPTION_LENGTH, MIN_WORD_LENGTH } from './captions';
import { nextId, usedIds } from './ids';

/**
 * "Time to voice" as one edit: the aligned captions replace the captions they were made from
 * (the project's own captions, or the lines of a script), with ordinary times and word timings
 * that can be corrected by hand afterwards. One command, so one undo step brings back the
 * captions as they were.
 */

export interface ApplyAlignmentOptions {
  /**
   * Where the script came from: 'captions' (the project's captions, in time order, one per
   * script entry: each keeps its id and style, its extra pieces when split take the style too),
   * or 'script' (new captions replace all of them, in `style`).
   */
  readonly from: 'captions' | 'script';
  /** The look of captions made from a script (default: the highlighted-word style). */
  readonly style?: CaptionStyle;
}

const round = (t: number): number => Math.round(t * 1000) / 1000;

/** Word timings kept inside their caption, in order, each at least MIN_WORD_LENGTH long. */
function wordsInside(caption: AlignedCaption, start: number, end: number): Caption['words'] {
  const count = caption.words.length;
  if (count === 0 || count * MIN_WORD_LENGTH > end - start + 1e-9) return undefined;
  const words: NonNullable<Caption['words']> = [];
  let at = start;
  caption.words.forEach((w, k) => {
    const latest = end - MIN_WORD_LENGTH * (count - k);
    const s = round(Math.min(latest, Math.max(at, w.start)));
    words.push({ text: w.text.slice(0, 200), start: s, end: s });
    at = s + MIN_WORD_LENGTH;
  });
  words.forEach(
    (w, k) => (w.end = k + 1 < words.length ? (words[k + 1] as { start: number }).start : round(end)),
  );
  return words.slice(0, 200);
}

export function applyAlignment(
  project: Project,
  aligned: readonly AlignedCaption[],
  options: ApplyAlignmentOptions,
): Project {
  if (aligned.length === 0) return project;
  const sources = [...project.captions].sort((a, b) => a.start - b.start);
  const taken = usedIds(project);
  const reused = new Set<number>();
  if (options.from === 'captions') for (const c of project.captions) taken.add(c.id);
  const captions: Caption[] = [];
  let last = 0;
  for (const piece of aligned.slice(0, MAX_CAPTIONS)) {
    const source = options.from === 'captions' ? sources[piece.source] : undefined;
    const start = round(Math.max(last, piece.start));
    const end = round(Math.max(start + MIN_CAPTION_LENGTH, piece.end));
    const id = source !== undefined && !reused.has(piece.source) ? source.id : nextId('cap', taken);
    reused.add(piece.source);
    const caption: Caption = {
      id,
      start,
      end,
      text: piece.text.slice(0, MAX_CAPTION_TEXT),
      style: source?.style ?? options.style ?? 'highlight',
    };
    const words = wordsInside(piece, start, end);
    if (words !== undefined) caption.words = words;
    captions.push(caption);
    last = end;
  }
  // Captions of the project that the script did not cover (none when it came from them all) stay.
  const kept =
    options.from === 'captions' ? sources.filter((_, i) => !aligned.some((a) => a.source === i)) : [];
  return { ...project, captions: [...captions, ...kept].sort((a, b) => a.start - b.start) };
}
