import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProjectSchema, type Caption, type Project } from '../../../src/core/schema';
import {
  MIN_CAPTION_LENGTH,
  MIN_WORD_LENGTH,
  addCaption,
  captionFixFor,
  clearWordTimings,
  createHistory,
  deleteCaption,
  importCaptions,
  placeAppended,
  mergeCaptionWithNext,
  moveCaption,
  record,
  retimeCaption,
  setCaptionSettings,
  setCaptionStyle,
  setCaptionText,
  setWordStart,
  splitCaption,
  timeWordsEvenly,
  undo,
} from '../../../src/core/edit';
import { checkCaption, parseSrt } from '../../../src/core/captions';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A 10 s video with two captions: 1 to 3 s and 5 to 7 s. Frozen, so any mutation throws. */
function sample(captions?: unknown[]): Project {
  return deepFreeze(
    ProjectSchema.parse({
      format: 'kindness-studio',
      version: 1,
      scenes: [
        { id: 'a', duration: 4 },
        { id: 'b', duration: 6 },
      ],
      captions: captions ?? [
        { id: 'one', start: 1, end: 3, text: 'Be kind to each other' },
        { id: 'two', start: 5, end: 7, text: 'Every day' },
      ],
    }),
  );
}

const spans = (p: Project) => p.captions.map((c) => [c.start, c.end]);
const valid = (p: Project) => expect(ProjectSchema.safeParse(p).success).toBe(true);

describe('adding captions', () => {
  it('adds a caption at the playhead for the default length, in time order, with a fresh id', () => {
    const { project, captionId } = addCaption(sample(), 8);
    expect(captionId).not.toBe('');
    expect(spans(project)).toEqual([
      [1, 3],
      [5, 7],
      [8, 10],
    ]);
    expect(project.captions[2]).toMatchObject({ id: captionId, text: 'New caption', style: 'outline' });
    valid(project);
  });

  it('stops a new caption at the next one, and starts it after a caption the playhead is inside', () => {
    expect(spans(addCaption(sample(), 4).project)[1]).toEqual([4, 5]);
    const inside = addCaption(sample(), 2);
    expect(spans(inside.project)).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
    ]);
  });

  it('adds nothing where there is no room for even the shortest caption', () => {
    const packed = sample([
      { id: 'x', start: 0, end: 5, text: 'A' },
      { id: 'y', start: 5.05, end: 10, text: 'B' },
    ]);
    const result = addCaption(packed, 5.02);
    expect(result.captionId).toBe('');
    expect(result.project).toBe(packed);
  });

  it('at the very end of the video, takes the time just before the playhead', () => {
    const { project } = addCaption(sample(), 10);
    expect(spans(project)[2]).toEqual([8, 10]);
  });
});

describe('editing a caption', () => {
  it('sets the text; empty text is refused (delete the caption instead)', () => {
    const p = sample();
    expect(setCaptionText(p, 'one', 'Hello').captions[0]?.text).toBe('Hello');
    expect(setCaptionText(p, 'one', '   ')).toBe(p);
    expect(setCaptionText(p, 'nope', 'x')).toBe(p);
  });

  it('retimes edges, stopping at the neighbours and keeping the shortest length', () => {
    const p = sample();
    expect(spans(retimeCaption(p, 'one', { end: 6 }))[0]).toEqual([1, 5]);
    expect(spans(retimeCaption(p, 'two', { start: 0 }))[1]).toEqual([3, 7]);
    expect(spans(retimeCaption(p, 'two', { end: 20 }))[1]).toEqual([5, 10]);
    expect(spans(retimeCaption(p, 'one', { start: 2.95 }))[0]).toEqual([2.8, 3]);
    const dragged = retimeCaption(p, 'one', { start: 9 });
    expect(spans(dragged)[0]).toEqual([3 - MIN_CAPTION_LENGTH, 3]);
    expect(spans(retimeCaption(p, 'one', { end: 0 }))[0]).toEqual([1, 1 + MIN_CAPTION_LENGTH]);
  });

  it('moves a whole caption, keeping its length, between its neighbours', () => {
    const p = sample();
    expect(spans(moveCaption(p, 'one', 2))[0]).toEqual([2, 4]);
    expect(spans(moveCaption(p, 'one', 4.5))[0]).toEqual([3, 5]);
    expect(spans(moveCaption(p, 'two', 9))[1]).toEqual([8, 10]);
    expect(moveCaption(p, 'one', 1)).toBe(p);
  });

  it('never makes cues overlap, whatever edits come in (property)', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('move'),
        id: fc.constantFrom('one', 'two'),
        t: fc.double({ min: -5, max: 15, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('start'),
        id: fc.constantFrom('one', 'two'),
        t: fc.double({ min: -5, max: 15, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('end'),
        id: fc.constantFrom('one', 'two'),
        t: fc.double({ min: -5, max: 15, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('add'),
        id: fc.constant(''),
        t: fc.double({ min: 0, max: 10, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 20 }), (edits) => {
        let p = sample();
        for (const e of edits) {
          if (e.kind === 'move') p = moveCaption(p, e.id, e.t);
          else if (e.kind === 'start') p = retimeCaption(p, e.id, { start: e.t });
          else if (e.kind === 'end') p = retimeCaption(p, e.id, { end: e.t });
          else p = addCaption(p, e.t).project;
        }
        p.captions.forEach((c, i) => {
          expect(c.end - c.start).toBeGreaterThanOrEqual(MIN_CAPTION_LENGTH - 1e-9);
          expect(c.start).toBeGreaterThanOrEqual(0);
          const next = p.captions[i + 1];
          if (next) expect(c.end).toBeLessThanOrEqual(next.start + 1e-9);
        });
        valid(p);
      }),
      { numRuns: 200 },
    );
  });

  it('sets the style of one caption and the shared caption settings', () => {
    const p = sample();
    expect(setCaptionStyle(p, 'two', 'box').captions[1]?.style).toBe('box');
    expect(setCaptionStyle(p, 'two', 'outline')).toBe(p);
    const moved = setCaptionSettings(p, { position: 'top', fontSize: 999 });
    expect(moved.captionSettings).toMatchObject({ position: 'top', fontSize: 160 });
    expect(setCaptionSettings(p, { position: 'bottom' })).toBe(p);
  });

  it('deletes a caption', () => {
    expect(deleteCaption(sample(), 'one').captions.map((c) => c.id)).toEqual(['two']);
  });
});

describe('split and merge', () => {
  it('splits at a time into back-to-back captions, sharing the words in proportion', () => {
    const { project, captionId } = splitCaption(sample(), 'one', 2);
    expect(spans(project)).toEqual([
      [1, 2],
      [2, 3],
      [5, 7],
    ]);
    expect(project.captions.map((c) => c.text)).toEqual(['Be kind to', 'each other', 'Every day']);
    expect(project.captions[1]?.id).toBe(captionId);
    valid(project);
  });

  it('splits text without spaces (Japanese) between characters', () => {
    const p = sample([{ id: 'jp', start: 0, end: 4, text: 'みんなにやさしく' }]);
    const { project } = splitCaption(p, 'jp', 2);
    expect(project.captions.map((c) => c.text)).toEqual(['みんなに', 'やさしく']);
  });

  it('splits a word-timed caption at the word being spoken', () => {
    const timed = timeWordsEvenly(sample(), 'one');
    const words = timed.captions[0]?.words ?? [];
    const thirdStart = words[2]?.start ?? 0;
    const { project } = splitCaption(timed, 'one', thirdStart + 0.01);
    expect(project.captions[0]?.text).toBe('Be kind to');
    expect(project.captions[1]?.text).toBe('each other');
    expect(project.captions[1]?.words?.[0]?.start).toBe(project.captions[1]?.start);
    valid(project);
  });

  it('refuses a split that would leave a part too short', () => {
    const p = sample();
    expect(splitCaption(p, 'one', 1.05).project).toBe(p);
    expect(splitCaption(p, 'one', 4).project).toBe(p);
  });

  it('merges a caption with the next one', () => {
    const merged = mergeCaptionWithNext(sample(), 'one');
    expect(merged.captions).toHaveLength(1);
    expect(merged.captions[0]).toMatchObject({
      id: 'one',
      start: 1,
      end: 7,
      text: 'Be kind to each other Every day',
    });
    expect(mergeCaptionWithNext(merged, 'one')).toBe(merged);
  });

  it('split then merge gives the caption back', () => {
    const split = splitCaption(sample(), 'one', 2.2).project;
    expect(mergeCaptionWithNext(split, 'one').captions[0]).toMatchObject(sample().captions[0] as Caption);
  });
});

describe('word timing', () => {
  it('times words over the caption in proportion to their length, back to back', () => {
    const p = timeWordsEvenly(sample(), 'one');
    const words = p.captions[0]?.words ?? [];
    expect(words.map((w) => w.text)).toEqual(['Be', 'kind', 'to', 'each', 'other']);
    expect(words[0]?.start).toBe(1);
    expect(words[4]?.end).toBe(3);
    for (let i = 1; i < words.length; i++) expect(words[i]?.start).toBe(words[i - 1]?.end);
    const length = (i: number) => (words[i]?.end ?? 0) - (words[i]?.start ?? 0);
    expect(length(1)).toBeGreaterThan(length(0));
    valid(p);
  });

  it('moves a word boundary, keeping both words at least the minimum', () => {
    const p = timeWordsEvenly(sample(), 'two');
    const moved = setWordStart(p, 'two', 1, 5.5);
    expect(moved.captions[1]?.words?.map((w) => [w.start, w.end])).toEqual([
      [5, 5.5],
      [5.5, 7],
    ]);
    const squeezed = setWordStart(p, 'two', 1, 0);
    expect(squeezed.captions[1]?.words?.[0]?.end).toBe(5 + MIN_WORD_LENGTH);
    expect(setWordStart(p, 'two', 0, 6)).toBe(p);
  });

  it('keeps word timings in step when the caption is retimed or moved', () => {
    const p = timeWordsEvenly(sample(), 'two');
    const moved = moveCaption(p, 'two', 7);
    expect(moved.captions[1]?.words?.[0]?.start).toBe(7);
    expect(moved.captions[1]?.words?.[1]?.end).toBe(9);
    const stretched = retimeCaption(p, 'two', { end: 9 });
    expect(stretched.captions[1]?.words?.[1]?.end).toBe(9);
  });

  it('spreads word timings again when the words change, and can remove them', () => {
    const p = timeWordsEvenly(sample(), 'two');
    const edited = setCaptionText(p, 'two', 'Every single day');
    expect(edited.captions[1]?.words?.map((w) => w.text)).toEqual(['Every', 'single', 'day']);
    expect(clearWordTimings(edited, 'two').captions[1]?.words).toBeUndefined();
  });
});

describe('import', () => {
  const file = '1\n00:00:00,500 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n';
  const parsed = parseSrt(file);
  const incoming = parsed.ok ? parsed.captions : [];

  it('replaces every caption, or appends with fresh ids, and one undo brings the old ones back', () => {
    const p = sample();
    const replaced = importCaptions(p, incoming, 'replace');
    expect(replaced.captions.map((c) => c.text)).toEqual(['Hello', 'World']);
    // "Hello" (0.5-2 s) would overlap "Be kind" (1-3 s): the added ones move, together, to
    // start where the last caption ends (7 s), keeping their rhythm.
    const appended = importCaptions(p, incoming, 'append');
    expect(appended.captions.map((c) => [c.text, c.start, c.end])).toEqual([
      ['Be kind to each other', 1, 3],
      ['Every day', 5, 7],
      ['Hello', 7, 8.5],
      ['World', 9.5, 10.5],
    ]);
    expect(new Set(appended.captions.map((c) => c.id)).size).toBe(4);
    valid(appended);
    const history = record(createHistory(p), replaced, { label: 'Import captions' });
    expect(undo(history).present).toBe(p);
  });
});

describe('adding captions to the ones there', () => {
  const cue = (
    id: string,
    start: number,
    end: number,
    words?: { start: number; end: number; text: string }[],
  ) => ({ id, start, end, text: id, style: 'outline' as const, ...(words ? { words } : {}) });

  it('keeps their times when nothing overlaps', () => {
    const placed = placeAppended([cue('a', 0, 2)], [cue('b', 2, 3), cue('c', 4, 5)]);
    expect(placed.shift).toBe(0);
    expect(placed.captions.map((c) => [c.start, c.end])).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });

  it('moves all of them, word timings too, past the last caption when one overlaps', () => {
    const words = [
      { start: 1, end: 1.5, text: 'Hi' },
      { start: 1.5, end: 2, text: 'there' },
    ];
    const placed = placeAppended([cue('a', 0, 2), cue('b', 6, 8)], [cue('x', 1, 2, words), cue('y', 9, 10)]);
    expect(placed.shift).toBe(7);
    expect(placed.captions.map((c) => [c.start, c.end])).toEqual([
      [8, 9],
      [16, 17],
    ]);
    expect(placed.captions[0]?.words).toEqual([
      { start: 8, end: 8.5, text: 'Hi' },
      { start: 8.5, end: 9, text: 'there' },
    ]);
  });
});

describe('one-click readability fixes', () => {
  const codes = (p: Project, id: string, audience: 'general' | 'children' = 'general') =>
    checkCaption(p.captions.find((c) => c.id === id) as Caption, { audience }).map((i) => i.code);

  it('a caption that goes by too fast is shown longer until it reads well', () => {
    const p = sample([{ id: 'fast', start: 0, end: 1, text: 'Kindness is a choice you make every day' }]);
    expect(codes(p, 'fast')).toContain('too-fast');
    const fixed = captionFixFor('too-fast')?.apply(p, 'fast') ?? p;
    expect(codes(fixed, 'fast')).toEqual([]);
  });

  it('uses the slower children profile when the video is for children', () => {
    const p = setCaptionSettings(
      sample([{ id: 'c', start: 0, end: 2, text: 'Kindness is a choice you make' }]),
      { audience: 'children' },
    );
    expect(codes(p, 'c', 'general')).toEqual([]);
    expect(codes(p, 'c', 'children')).toContain('too-fast');
    const fixed = captionFixFor('too-fast')?.apply(p, 'c') ?? p;
    expect(codes(fixed, 'c', 'children')).toEqual([]);
  });

  it('starts a caption earlier when the end of the video leaves no room to show it longer', () => {
    const p = sample([{ id: 'end', start: 9, end: 10, text: 'Kindness is a choice you make' }]);
    const fixed = captionFixFor('too-fast')?.apply(p, 'end') ?? p;
    expect(fixed.captions[0]?.end).toBe(10);
    expect(codes(fixed, 'end')).toEqual([]);
  });

  it('a caption too short is shown for a second; one too long or too wordy is split', () => {
    const short = sample([{ id: 's', start: 0, end: 0.5, text: 'Hi' }]);
    expect(codes(short, 's')).toEqual(['too-short']);
    expect(codes(captionFixFor('too-short')?.apply(short, 's') ?? short, 's')).toEqual([]);
    const long = sample([{ id: 'l', start: 0, end: 9, text: 'Say something kind today' }]);
    expect(codes(long, 'l')).toEqual(['too-long']);
    const split = captionFixFor('too-long')?.apply(long, 'l') ?? long;
    expect(split.captions).toHaveLength(2);
    expect(split.captions.flatMap((c) => codes(split, c.id))).toEqual([]);
  });

  it('low contrast gets a box behind the text; a caption ending before it starts has no fix', () => {
    const p = sample();
    expect(captionFixFor('low-contrast')?.apply(p, 'one').captions[0]?.style).toBe('box');
    expect(captionFixFor('ends-before-start')).toBeNull();
  });
});
