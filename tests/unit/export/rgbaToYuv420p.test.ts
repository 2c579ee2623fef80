import { describe, expect, it } from 'vitest';
import { rgbaToYuv420p, yuv420pBytes } from '../../../src/export/pixels/rgbaToYuv420p';

/** BT.709, limited range, from the definition (floating point). */
function reference(r: number, g: number, b: number): [number, number, number] {
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return [16 + (219 * y) / 255, 128 + (224 * (b - y)) / 1.8556 / 255, 128 + (224 * (r - y)) / 1.5748 / 255];
}

/** The inverse: what a player shows for these Y, Cb, Cr (full-range RGB, unclamped). */
function toRgb(y: number, u: number, v: number): [number, number, number] {
  const luma = ((y - 16) * 255) / 219;
  const cb = ((u - 128) * 255) / 224;
  const cr = ((v - 128) * 255) / 224;
  const r = luma + 1.5748 * cr;
  const b = luma + 1.8556 * cb;
  const g = (luma - 0.2126 * r - 0.0722 * b) / 0.7152;
  return [r, g, b];
}

function solid(width: number, height: number, [r, g, b]: readonly number[]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([r as number, g as number, b as number, 255], i * 4);
  return rgba;
}

/** Y of the first pixel, U and V of the first block. */
function firstYuv(yuv: Uint8Array, width: number, height: number): [number, number, number] {
  const u = width * height;
  const v = u + (width / 2) * (height / 2);
  return [yuv[0] as number, yuv[u] as number, yuv[v] as number];
}

describe('RGBA to yuv420p (BT.709, tv range)', () => {
  it.each([
    ['black', [0, 0, 0], [16, 128, 128]],
    ['white', [255, 255, 255], [235, 128, 128]],
    ['red', [255, 0, 0], [63, 102, 240]],
    ['green', [0, 255, 0], [173, 42, 26]],
    ['blue', [0, 0, 255], [32, 240, 118]],
    ['mid grey', [128, 128, 128], [126, 128, 128]],
  ] as const)('gives %s the BT.709 studio-range values', (_name, rgb, yuv) => {
    expect(firstYuv(rgbaToYuv420p(solid(2, 2, rgb), 2, 2), 2, 2)).toEqual(yuv);
  });

  it('is within rounding of the definition for any colour', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let k = 0; k < 500; k++) {
      const rgb = [next(), next(), next()] as const;
      const got = firstYuv(rgbaToYuv420p(solid(2, 2, rgb), 2, 2), 2, 2);
      const want = reference(...rgb);
      for (let c = 0; c < 3; c++)
        expect(Math.abs((got[c] as number) - (want[c] as number))).toBeLessThanOrEqual(0.51);
    }
  });

  it('comes back to the same colour through a player within 2 levels', () => {
    for (const rgb of [
      [255, 204, 51],
      [58, 63, 107],
      [255, 214, 224],
      [12, 200, 90],
    ] as const) {
      const [y, u, v] = firstYuv(rgbaToYuv420p(solid(2, 2, rgb), 2, 2), 2, 2);
      const back = toRgb(y, u, v);
      for (let c = 0; c < 3; c++)
        expect(Math.abs((back[c] as number) - (rgb[c] as number))).toBeLessThanOrEqual(2);
    }
  });

  it('keeps full-resolution luma and averages each 2x2 block for colour, planes in Y, U, V order', () => {
    // 4x2: a black/white checker on the left block, red on the right block.
    const rgba = new Uint8Array(4 * 2 * 4);
    const px = (x: number, y: number, rgb: readonly number[]): void =>
      rgba.set([...rgb, 255], (y * 4 + x) * 4);
    px(0, 0, [0, 0, 0]);
    px(1, 0, [255, 255, 255]);
    px(0, 1, [255, 255, 255]);
    px(1, 1, [0, 0, 0]);
    for (const [x, y] of [
      [2, 0],
      [3, 0],
      [2, 1],
      [3, 1],
    ] as const)
      px(x, y, [255, 0, 0]);
    const yuv = rgbaToYuv420p(rgba, 4, 2);
    expect(yuv.byteLength).toBe(yuv420pBytes(4, 2));
    expect([...yuv]).toEqual([16, 235, 63, 63, 235, 16, 63, 63, 128, 102, 128, 240]);
  });

  it('writes into a buffer it is given, so a frame needs no new memory', () => {
    const out = new Uint8Array(yuv420pBytes(2, 2));
    expect(rgbaToYuv420p(solid(2, 2, [255, 255, 255]), 2, 2, out)).toBe(out);
    expect([...out]).toEqual([235, 235, 235, 235, 128, 128]);
  });

  it('refuses sizes yuv420p cannot hold and buffers of the wrong length', () => {
    expect(() => rgbaToYuv420p(new Uint8Array(3 * 2 * 4), 3, 2)).toThrow(/even/);
    expect(() => rgbaToYuv420p(new Uint8Array(10), 2, 2)).toThrow(/bytes of RGBA/);
  });
});
