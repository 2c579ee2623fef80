import { describe, expect, it } from 'vitest';
import type { Caption } from '../../../src/core/schema';
import { activeWordIndex, captionAt } from '../../../src/core/captions/timing';

const cue = (id: string, start: number, end: number, words?: Caption['words']): Caption => ({
  id,
  start,
  end,
  text: id,
  style: 'outline',
  words,
});

describe('captionAt', () => {
  const captions = [cue('a', 0, 1), cue('b', 1, 2.5), cue('c', 4, 6)];

  it('finds the cue on screen, the end being exclusive', () => {
    expect(captionAt(captions, 0)?.id).toBe('a');
    expect(captionAt(captions, 1)?.id).toBe('b');
    expect(captionAt(captions, 2.49)?.id).toBe('b');
    expect(captionAt(captions, 5.5)?.id).toBe('c');
  });

  it('shows nothing in a gap, before the first or after the last cue', () => {
    expect(captionAt(captions, 3)).toBeNull();
    expect(captionAt(captions, -1)).toBeNull();
    expect(captionAt(captions, 6)).toBeNull();
    expect(captionAt([], 1)).toBeNull();
  });

  it('lets the cue that started last win where cues overlap', () => {
    const overlapping = [cue('long', 0, 10), cue('short', 2, 3), cue('later', 5, 6)];
    expect(captionAt(overlapping, 2.5)?.id).toBe('short');
    expect(captionAt(overlapping, 4)?.id).toBe('long'); // the short one has ended, the long one still runs
    expect(captionAt(overlapping, 5.5)?.id).toBe('later');
    expect(captionAt(overlapping, 8)?.id).toBe('long');
  });

  it('copes with cues that are not in time order', () => {
    const unsorted = [cue('c', 4, 6), cue('a', 0, 1), cue('b', 1, 2.5)];
    expect(captionAt(unsorted, 0.5)?.id).toBe('a');
    expect(captionAt(unsorted, 2)?.id).toBe('b');
    expect(captionAt(unsorted, 4)?.id).toBe('c');
  });
});

describe('activeWordIndex', () => {
  const c = cue('w', 0, 3, [
    { start: 0, end: 0.5, text: 'You' },
    { start: 0.5, end: 1, text: 'are' },
    { start: 1.5, end: 2.5, text: 'enough' },
  ]);

  it('gives the word being spoken', () => {
    expect(activeWordIndex(c, 0)).toBe(0);
    expect(activeWordIndex(c, 0.5)).toBe(1);
    expect(activeWordIndex(c, 2)).toBe(2);
  });

  it('gives -1 between words, after the last and without word timing', () => {
    expect(activeWordIndex(c, 1.2)).toBe(-1);
    expect(activeWordIndex(c, 2.7)).toBe(-1);
    expect(activeWordIndex(cue('x', 0, 1), 0.5)).toBe(-1);
  });
});
