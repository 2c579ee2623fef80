import { describe, expect, it } from 'vitest';
import type { ColorKeyframe, NumberKeyframe } from '../../../src/core/schema';
import { sampleColorTrack, sampleNumberTrack } from '../../../src/core/timeline/keyframes';
import { formatColor, mixColors, parseColor } from '../../../src/core/timeline/color';

const n = (time: number, value: number, easing: NumberKeyframe['easing'] = 'linear'): NumberKeyframe => ({
  time,
  value,
  easing,
});
const c = (time: number, value: string, easing: ColorKeyframe['easing'] = 'linear'): ColorKeyframe => ({
  time,
  value,
  easing,
});

describe('sampleNumberTrack', () => {
  const track = [n(1, 100), n(2, 200, 'easeInQuad'), n(4, 0)];

  it('holds the first value before the first keyframe and the last after the last', () => {
    expect(sampleNumberTrack(track, 0, -1)).toBe(100);
    expect(sampleNumberTrack(track, 1, -1)).toBe(100);
    expect(sampleNumberTrack(track, 4, -1)).toBe(0);
    expect(sampleNumberTrack(track, 99, -1)).toBe(0);
  });

  it('hits each keyframe value exactly on its time', () => {
    expect(sampleNumberTrack(track, 2, -1)).toBe(200);
  });

  it("shapes each segment with the easing of the keyframe at the segment's start", () => {
    // 1 -> 2 is linear (first keyframe's easing): halfway is halfway.
    expect(sampleNumberTrack(track, 1.5, -1)).toBeCloseTo(150, 10);
    // 2 -> 4 uses easeInQuad from the keyframe at 2: a quarter of the way at half time.
    expect(sampleNumberTrack(track, 3, -1)).toBeCloseTo(200 - 200 * 0.25, 10);
  });

  it('jumps at the next keyframe with hold', () => {
    const held = [n(0, 0, 'hold'), n(1, 10)];
    expect(sampleNumberTrack(held, 0.99, -1)).toBe(0);
    expect(sampleNumberTrack(held, 1, -1)).toBe(10);
  });

  it('gives the fallback without keyframes', () => {
    expect(sampleNumberTrack(undefined, 1, 42)).toBe(42);
    expect(sampleNumberTrack([], 1, 42)).toBe(42);
  });

  it('finds the right segment in a long track', () => {
    const long = Array.from({ length: 1000 }, (_, i) => n(i, i * 2));
    expect(sampleNumberTrack(long, 500.25, -1)).toBeCloseTo(1000.5, 10);
    expect(sampleNumberTrack(long, 998.5, -1)).toBeCloseTo(1997, 10);
  });

  it('switches instantly at two keyframes on the same time', () => {
    const jump = [n(0, 0), n(1, 10), n(1, 50), n(2, 50)];
    expect(sampleNumberTrack(jump, 0.5, -1)).toBeCloseTo(5, 10);
    expect(sampleNumberTrack(jump, 1, -1)).toBe(50);
  });
});

describe('colours', () => {
  it('parses #rgb, #rrggbb and #rrggbbaa, and formats back', () => {
    expect(formatColor(parseColor('#f80'))).toBe('#ff8800');
    expect(formatColor(parseColor('#FF8800'))).toBe('#ff8800');
    expect(formatColor(parseColor('#ff880080'))).toBe('#ff880080');
    expect(formatColor(parseColor('#ffffffff'))).toBe('#ffffff');
    expect(parseColor('red')).toBeNaN();
    expect(parseColor('#12')).toBeNaN();
    expect(parseColor('#gg0000')).toBeNaN();
  });

  it('mixes per channel, alpha included', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#ff000000', '#ff0000', 0.5)).toBe('#ff000080');
    expect(mixColors('#000', '#fff', 2)).toBe('#ffffff');
  });
});

describe('sampleColorTrack', () => {
  const track = [c(0, '#000'), c(2, '#ff0000', 'easeInQuad'), c(3, '#ff000000')];

  it('holds the end values as written and interpolates between', () => {
    expect(sampleColorTrack(track, -1, '#123456')).toBe('#000');
    expect(sampleColorTrack(track, 0, '#123456')).toBe('#000');
    expect(sampleColorTrack(track, 1, '#123456')).toBe('#800000');
    expect(sampleColorTrack(track, 2.5, '#123456')).toBe('#ff0000bf');
    expect(sampleColorTrack(track, 5, '#123456')).toBe('#ff000000');
  });

  it('gives the fallback without keyframes', () => {
    expect(sampleColorTrack(undefined, 1, '#123456')).toBe('#123456');
  });
});
