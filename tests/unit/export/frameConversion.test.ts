import { describe, expect, it } from 'vitest';
import { FrameFormats } from '../../../src/export/pipeline/frameConversion';
import { changedRowSpans, spansWithout } from '../../../src/export/pixels/changedRows';
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

  it('never overwrites the frame last handed out (it may still be on its way into a pipe)', () => {
    const formats = new FrameFormats(4, 2);
    const handed: { yuv: Uint8Array; copy: number[] }[] = [];
    for (let k = 0; k < 7; k++) {
      formats.set(frame(k * 30));
      const yuv = formats.get('yuv420p');
      handed.push({ yuv, copy: [...yuv] });
      for (const earlier of handed.slice(-2)) expect([...earlier.yuv]).toEqual(earlier.copy);
    }
  });

  it('gives every frame of a long run of partial changes exactly its whole conversion', () => {
    // Two buffers take turns, and each is brought up to date by copying only the rows the
    // frame before changed: a wrong row in that bookkeeping would show up a frame or two later.
    const width = 8;
    const height = 16;
    let seed = 11;
    // xorshift32: exact in 32-bit integers, unlike a multiply that overflows a double.
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const formats = new FrameFormats(width, height);
    let rgba = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : random(256)));
    for (let step = 0; step < 200; step++) {
      if (step > 0 && random(5) !== 0) {
        // A new frame: a few bands of rows change (sometimes none, sometimes all).
        rgba = rgba.slice();
        const bands = random(4);
        for (let b = 0; b < bands; b++) {
          const from = random(height);
          const to = Math.min(height, from + 1 + random(height / 2));
          for (let i = from * width * 4; i < to * width * 4; i++) if (i % 4 !== 3) rgba[i] = random(256);
        }
      }
      // Otherwise the very same buffer again: an unchanged frame.
      formats.set(rgba);
      expect([...formats.get('yuv420p')], `frame ${step}`).toEqual([...rgbaToYuv420p(rgba, width, height)]);
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

describe('spans without others', () => {
  it('leaves the rows of the first list that the second does not cover', () => {
    expect(
      spansWithout(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [2, 4],
          [8, 22],
          [26, 28],
        ],
      ),
    ).toEqual([
      [0, 2],
      [4, 8],
      [22, 26],
      [28, 30],
    ]);
    expect(spansWithout([[0, 10]], [])).toEqual([[0, 10]]);
    expect(spansWithout([[4, 6]], [[0, 10]])).toEqual([]);
    expect(spansWithout([], [[0, 10]])).toEqual([]);
    expect(
      spansWithout(
        [
          [0, 4],
          [6, 8],
        ],
        [[4, 6]],
      ),
    ).toEqual([
      [0, 4],
      [6, 8],
    ]);
  });
});
