import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakPieces, wrapCaption } from '../../../src/core/captions/wrap';
import { graphemes } from '../../../src/core/captions/graphemes';

/** A monospaced stand-in for the renderer's fonts: every grapheme is half the font size wide. */
const measure = (text: string, fontSize: number) => graphemes(text).length * fontSize * 0.5;
/** 20 px a character at 40 px: `chars` characters fit a line. */
const opts = (chars: number) => ({
  maxWidth: chars * 20,
  fontSize: 40,
  minFontSize: 40,
  maxLines: 9,
  measure,
});

const NO_LINE_START = [...'、。，！？」』）ーっャ'];

describe('wrapping text in any script', () => {
  it('breaks Japanese without spaces between characters', () => {
    const r = wrapCaption('やさしさはひろがる', opts(4));
    expect(r.lines).toEqual(['やさしさ', 'はひろが', 'る']);
    expect(r.overflow).toBe(false);
  });

  it('breaks Chinese between characters too', () => {
    expect(wrapCaption('善良的话语能温暖人心', opts(5)).lines).toEqual(['善良的话语', '能温暖人心']);
  });

  it('never starts a line with a closing mark (kinsoku): it stays with the character before', () => {
    // The line would break right before 「。」; the full stop moves down with 「ね」.
    const r = wrapCaption('やさしいね。ありがとう', opts(5));
    expect(r.lines[0]).toBe('やさしい');
    expect(r.lines[1]?.startsWith('ね。')).toBe(true);
  });

  it('never ends a line with an opening bracket', () => {
    const r = wrapCaption('ことば「ありがとう」', opts(4));
    for (const line of r.lines) expect(line.endsWith('「')).toBe(false);
    expect(r.lines.join('')).toBe('ことば「ありがとう」');
  });

  it('keeps Latin words whole inside Japanese text and breaks around them', () => {
    expect(breakPieces('私はkindnessが好き')).toEqual(['私', 'は', 'kindness', 'が', '好', 'き']);
  });

  it('keeps an Arabic word whole so its letters stay joined, and wraps Arabic at spaces', () => {
    expect(breakPieces('اللطف')).toEqual(['اللطف']);
    const r = wrapCaption('كن لطيفا مع الجميع', opts(9));
    expect(r.lines).toEqual(['كن لطيفا', 'مع الجميع']);
  });

  it('keeps emoji whole in mixed text', () => {
    const r = wrapCaption('Be kind 💜 やさしく 👩‍👩‍👧 كن لطيفا', opts(8));
    expect(r.lines.join(' ').replace(/ /g, '')).toBe('Bekind💜やさしく👩‍👩‍👧كنلطيفا');
    for (const line of r.lines) expect(graphemes(line).length).toBeLessThanOrEqual(8);
    expect(r.lines.some((line) => line.includes('👩‍👩‍👧'))).toBe(true);
  });

  it('keeps every character, in order, and no line starts with a closing mark (property)', () => {
    const alphabet = fc.constantFrom(...'あいうえおかきくけこ漢字善良', ...NO_LINE_START, '「');
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 3, max: 8 }),
        (chars, width) => {
          const text = chars.join('');
          const r = wrapCaption(text, opts(width));
          expect(r.lines.join('')).toBe(text);
          // Kinsoku holds unless the marks run longer than a line (then they are cut to fit).
          r.lines.forEach((line, i) => {
            if (i === 0 || graphemes(r.lines[i - 1] ?? '').length >= width) return;
            expect(NO_LINE_START.includes([...line][0] ?? '')).toBe(false);
          });
        },
      ),
    );
  });
});
