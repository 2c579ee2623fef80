import { describe, expect, it } from 'vitest';
import { FrameFormats } from '../../../src/export/pipeline/frameConversion';
import { changedRowSpans } from '../../../src/export/pixels/changedRows';
import { rgbaToYuv420p, yuv420pBytes } from '../../../src/export/pixels/rgbaToYuv420p';

const frame = (grey: number): Uint8Array => new Uint8Array(4 * 2 * 4).fill(grey);

describe('the pixel conversion stage', () => {
  it('hands RGBA encoders the frame as drawn and yuv420p encoders a converted copy', () => {
    const formats = new FrameFormats(4, 2);
    const white = frame(255);
    formats.set(white);
    expect(formats.get('rgba')).toBe(white);
    const yuv = formats.get('yuv420p');
    expect(yuv.byteLength).toBe(yuv420pBytes(4, 2));
    expect([...yuv.subarray(0, 8)]).toEqual(Array(8).fill(235));
  });

  it('converts an unchanged frame (the same buffer again) once, and a new frame again', () => {
    const formats = new FrameFormats(4, 2);
    const white = frame(255);
    formats.set(white);
    const first = formats.get('yuv420p');
    formats.set(white);
    expect(formats.get('yuv420p')).toBe(first);
    formats.set(frame(0));
    const next = formats.get('yuv420p');
    expect(next).not.toBe(first);
    expect(next[0]).toBe(16);
    // The frame before may still be on its way into a pipe: it is never overwritten.
    expect(first[0]).toBe(235);
  });

  it('never overwrites the two frames last handed out (one may still be in a pipe)', () => {
    const formats = new FrameFormats(4, 2);
    const handed: { yuv: Uint8Array; copy: number[] }[] = [];
    for (let k = 0; k < 7; k++) {
      formats.set(frame(k * 30));
      const yuv = formats.get('yuv420p');
      handed.push({ yuv, copy: [...yuv] });
      for (const earlier of handed.slice(-2)) expect([...earlier.yuv]).toEqual(earlier.copy);
    }
  });

  it('gives a frame that changed in places exactly the colours a whole conversion gives it', () => {
    const width = 16;
    const height = 12;
    let seed = 3;
    const noise = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const first = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : noise()));
    const second = first.slice();
    // A caption moving over a still picture: rows 3 and 8..9 change, the rest stays.
    for (const row of [3, 8, 9]) for (let x = 0; x < width * 4; x += 4) second[row * width * 4 + x] = noise();
    const formats = new FrameFormats(width, height);
    formats.set(first);
    formats.get('yuv420p');
    formats.set(second);
    expect([...formats.get('yuv420p')]).toEqual([...rgbaToYuv420p(second, width, height)]);
  });
});

describe('changed rows', () => {
  it('finds the row pairs that differ, neighbours merged', () => {
    const width = 4;
    const height = 10;
    const a = new Uint8Array(width * height * 4);
    const b = a.slice();
    b[1 * width * 4] = 1; // row 1: pair 0..2
    b[2 * width * 4 + 5] = 1; // row 2: pair 2..4, merged with the one before
    b[9 * width * 4 + 15] = 1; // row 9: pair 8..10
    expect(changedRowSpans(a, b, width, height)).toEqual([
      [0, 4],
      [8, 10],
    ]);
    expect(changedRowSpans(a, a.slice(), width, height)).toEqual([]);
  });
});
