import { describe, expect, it } from 'vitest';
import { ProjectSchema, type Project } from '../../../src/core/schema';
import { applyAlignment, createHistory, record, setWordStart, undo } from '../../../src/core/edit';
import type { AlignedCaption } from '../../../src/core/voice';

function project(): Project {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's', duration: 10, background: { type: 'solid', color: '#222233' } }],
    captions: [
      { id: 'a', start: 1, end: 3, text: 'Be kind', style: 'box' },
      { id: 'b', start: 5, end: 7, text: 'every day' },
    ],
  });
}

const aligned: AlignedCaption[] = [
  {
    text: 'Be kind',
    start: 0.42,
    end: 1.5,
    source: 0,
    words: [
      { text: 'Be', start: 0.42, end: 0.7 },
      { text: 'kind', start: 0.7, end: 1.5 },
    ],
  },
  {
    text: 'every day',
    start: 2.1,
    end: 3.2,
    source: 1,
    words: [
      { text: 'every', start: 2.1, end: 2.6 },
      { text: 'day', start: 2.6, end: 3.2 },
    ],
  },
];

describe('applyAlignment (Time to voice as one edit)', () => {
  it("writes the captions' and words' times, keeping each caption's id and look", () => {
    const next = applyAlignment(project(), aligned, { from: 'captions' });
    expect(next.captions.map((c) => [c.id, c.start, c.end, c.style])).toEqual([
      ['a', 0.42, 1.5, 'box'],
      ['b', 2.1, 3.2, 'outline'],
    ]);
    expect(next.captions[1]?.words).toEqual([
      { text: 'every', start: 2.1, end: 2.6 },
      { text: 'day', start: 2.6, end: 3.2 },
    ]);
  });

  it('is one undo step, and its timings can be corrected by hand afterwards', () => {
    const before = project();
    let history = createHistory(before);
    history = record(history, applyAlignment(before, aligned, { from: 'captions' }), {
      label: 'Time to voice',
    });
    const corrected = setWordStart(history.present, 'a', 1, 0.8);
    expect(corrected.captions[0]?.words?.[1]?.start).toBe(0.8);
    expect(undo(history).present).toBe(before);
  });

  it('captions from a script replace the old ones, in the highlighted-word style', () => {
    const next = applyAlignment(project(), aligned, { from: 'script' });
    expect(next.captions).toHaveLength(2);
    expect(next.captions.every((c) => c.style === 'highlight')).toBe(true);
    expect(new Set(next.captions.map((c) => c.id)).size).toBe(2);
    expect(ProjectSchema.safeParse(next).success).toBe(true);
  });
});
