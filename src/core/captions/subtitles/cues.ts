import type { Caption } from '../../schema';

/** A caption placed on the exported video's own timeline (seconds from its first frame). */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Word timings on the same shifted timeline, when the caption has them. */
  readonly words?: readonly CueWord[];
}

export interface CueWord {
  readonly start: number;
  readonly text: string;
}

/**
 * The captions heard in [rangeStart, rangeEnd) of the project, shifted so the range starts at
 * 0 and clipped to it, in time order. Cues left with no time on screen are dropped.
 */
export function cuesForRange(captions: readonly Caption[], rangeStart = 0, rangeEnd = Infinity): Cue[] {
  const length = rangeEnd - rangeStart;
  return captions
    .map((c) => {
      const cue = {
        start: Math.max(0, c.start - rangeStart),
        end: Math.min(length, c.end - rangeStart),
        text: c.text,
      };
      if (c.words === undefined || c.words.length === 0) return cue;
      const words = c.words.map((w) => ({
        start: Math.min(cue.end, Math.max(cue.start, w.start - rangeStart)),
        text: w.text,
      }));
      return { ...cue, words };
    })
    .filter((c) => c.end > c.start && c.text.trim() !== '')
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Cue text as lines: no carriage returns, no blank lines (a blank line ends a cue). */
export function cueLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
