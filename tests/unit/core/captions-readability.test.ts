import { describe, expect, it } from 'vitest';
import type { Caption } from '../../../src/core/schema';
import { CAPTION_LIMITS, checkCaption } from '../../../src/core/captions/readability';

const cue = (text: string, start: number, end: number): Caption => ({
  id: 'c',
  start,
  end,
  text,
  style: 'outline',
});
const codes = (c: Caption, opts?: Parameters<typeof checkCaption>[1]) =>
  checkCaption(c, opts).map((i) => i.code);

describe('checkCaption', () => {
  it('finds nothing wrong with a short, well-timed caption', () => {
    expect(checkCaption(cue('Be kind online 💛', 0, 2))).toEqual([]);
  });

  it('warns when the caption needs more than two lines', () => {
    const text =
      'Behind every username there is a real person with real feelings, so think before you post anything';
    const issues = checkCaption(cue(text, 0, 7));
    expect(issues.map((i) => i.code)).toContain('too-many-lines');
    expect(issues.find((i) => i.code === 'too-many-lines')?.message).toMatch(/3 lines.*at most 2/);
  });

  it('warns about a line longer than 42 characters in the laid-out lines', () => {
    const lines = ['This line is definitely longer than forty-two characters', 'short'];
    expect(codes(cue(lines.join(' '), 0, 5), { lines })).toContain('line-too-long');
    expect(codes(cue('fine', 0, 2), { lines: ['fine'] })).toEqual([]);
  });

  it('warns when the caption goes by faster than people read', () => {
    // 36 characters in 2 s = 18 per second: over 17.
    const text = 'Kindness is free, sprinkle it around';
    expect(text.length).toBe(36);
    const issues = checkCaption(cue(text, 0, 2));
    expect(issues.map((i) => i.code)).toEqual(['too-fast']);
    expect(issues[0]?.message).toMatch(/18 characters per second.*about 17.*2\.1 s/);
  });

  it('uses the slower reading speed for a children audience', () => {
    // 30 characters in 2 s = 15 per second: fine for adults, too fast for children (13).
    const text = 'Be a friend, not a bystander!!';
    expect(codes(cue(text, 0, 2))).toEqual([]);
    expect(codes(cue(text, 0, 2), { audience: 'children' })).toEqual(['too-fast']);
  });

  it('warns about captions too brief or too long on screen', () => {
    expect(codes(cue('Hi', 0, 0.5))).toEqual(['too-short']);
    expect(codes(cue('Hi', 0, 8))).toEqual(['too-long']);
    expect(codes(cue('Hi', 0, CAPTION_LIMITS.minSeconds))).toEqual([]);
    expect(codes(cue('Hi', 0, CAPTION_LIMITS.maxSeconds))).toEqual([]);
  });

  it('explains a caption that ends before it starts', () => {
    expect(codes(cue('Hi', 3, 2))).toEqual(['ends-before-start']);
  });

  it('counts an emoji as one character', () => {
    // 17 family emoji in 1 s: exactly the limit, not 7 code points each.
    expect(codes(cue('👨‍👩‍👧‍👦'.repeat(17), 0, 1))).toEqual([]);
  });

  it('keeps the limits in one place with their source', () => {
    expect(CAPTION_LIMITS).toMatchObject({
      maxLines: 2,
      maxCharsPerLine: 42,
      maxCharsPerSecond: 17,
      maxCharsPerSecondChildren: 13,
      minSeconds: 1,
      maxSeconds: 7,
    });
    expect(CAPTION_LIMITS.source).toMatch(/PLATFORM_SPECS/);
  });
});
