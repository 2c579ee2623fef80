import { describe, expect, it } from 'vitest';
import { wrapCaption } from '../../../src/core/captions/wrap';
import { graphemes } from '../../../src/core/captions/graphemes';

/** A monospaced stand-in for the renderer's fonts: every grapheme is half the font size wide. */
const measure = (text: string, fontSize: number) => graphemes(text).length * fontSize * 0.5;

describe('wrapCaption', () => {
  it('keeps a short caption on one line at the preferred size', () => {
    expect(wrapCaption('Be kind', { maxWidth: 500, fontSize: 40, minFontSize: 20, measure })).toEqual({
      lines: ['Be kind'],
      fontSize: 40,
      overflow: false,
    });
  });

  it('wraps at word boundaries into two lines', () => {
    // 20 px per character: 12 characters a line at 240 px.
    const r = wrapCaption('words can hurt or heal', {
      maxWidth: 240,
      fontSize: 40,
      minFontSize: 20,
      measure,
    });
    expect(r).toEqual({ lines: ['words can', 'hurt or heal'], fontSize: 40, overflow: false });
  });

  it('shrinks the font until the caption fits in two lines', () => {
    const text = 'every word you type lands on a real person';
    const r = wrapCaption(text, { maxWidth: 240, fontSize: 40, minFontSize: 10, measure });
    expect(r.overflow).toBe(false);
    expect(r.fontSize).toBeLessThan(40);
    expect(r.lines.length).toBeLessThanOrEqual(2);
    expect(r.lines.join(' ')).toBe(text);
    for (const line of r.lines) expect(measure(line, r.fontSize)).toBeLessThanOrEqual(240);
    // The largest size that fits was chosen: one step bigger would not.
    expect(
      wrapCaption(text, { maxWidth: 240, fontSize: r.fontSize + 2, minFontSize: r.fontSize + 2, measure })
        .overflow,
    ).toBe(true);
  });

  it('reports overflow at the smallest size when the text still does not fit', () => {
    const text = 'this caption is far too long to ever fit into two short lines on screen';
    const r = wrapCaption(text, { maxWidth: 200, fontSize: 40, minFontSize: 30, measure });
    expect(r.overflow).toBe(true);
    expect(r.fontSize).toBe(30);
    expect(r.lines.length).toBeGreaterThan(2);
    expect(r.lines.join(' ')).toBe(text);
  });

  it('honours maxLines', () => {
    const r = wrapCaption('one two three', {
      maxWidth: 60,
      maxLines: 3,
      fontSize: 20,
      minFontSize: 20,
      measure,
    });
    expect(r).toEqual({ lines: ['one', 'two', 'three'], fontSize: 20, overflow: false });
  });

  it('breaks a word longer than the line', () => {
    const r = wrapCaption('supercalifragilistic', {
      maxWidth: 100,
      maxLines: 3,
      fontSize: 20,
      minFontSize: 20,
      measure,
    });
    expect(r.lines).toEqual(['supercalif', 'ragilistic']);
    expect(r.overflow).toBe(false);
  });

  it('never splits an emoji, even inside a long run of them', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${family}👍🏽${family}👍🏽${family}👍🏽`;
    // 10 px per grapheme: two emoji per 20 px line.
    const r = wrapCaption(text, { maxWidth: 20, maxLines: 10, fontSize: 20, minFontSize: 20, measure });
    expect(r.lines).toEqual([`${family}👍🏽`, `${family}👍🏽`, `${family}👍🏽`]);
    expect(r.lines.join('')).toBe(text);
  });

  it('keeps explicit line breaks', () => {
    const r = wrapCaption('hello\nfriend', { maxWidth: 1000, fontSize: 20, minFontSize: 20, measure });
    expect(r.lines).toEqual(['hello', 'friend']);
  });

  it('gives no lines for empty text', () => {
    expect(wrapCaption('   ', { maxWidth: 100, fontSize: 20, minFontSize: 10, measure })).toEqual({
      lines: [],
      fontSize: 20,
      overflow: false,
    });
  });
});
