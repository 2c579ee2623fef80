import { describe, expect, it } from 'vitest';
import { inRanges, parseUnicodeRange } from '../../../src/app/render/unicodeRange';

describe('parseUnicodeRange', () => {
  it('reads single points, spans and wildcards, as @fontsource writes them', () => {
    const ranges = parseUnicodeRange('U+0000-00FF,U+0131, U+2000-206F,U+4??');
    expect(ranges).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x2000, 0x206f],
      [0x400, 0x4ff],
    ]);
    expect(inRanges(ranges, 0x2019)).toBe(true); // a curly apostrophe
    expect(inRanges(ranges, 0x132)).toBe(false);
    expect(inRanges(ranges, 0x1f49c)).toBe(false); // 💜
  });

  it('leaves out what it cannot read, so it never claims a character', () => {
    expect(parseUnicodeRange('')).toEqual([]);
    expect(parseUnicodeRange('U+00FF-0000, latin, U+ZZZ')).toEqual([]);
  });
});
