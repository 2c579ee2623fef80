import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSource } from '../../../scripts/make-yuv-wasm.mjs';
import { rgbaToYuv420p, yuv420pBytes } from '../../../src/export/pixels/rgbaToYuv420p';
import { createYuvKernel, jsKernel, simdKernel } from '../../../src/export/pixels/yuvKernel';

/** A frame of pseudo-random pixels (a fixed seed), with the extremes 0 and 255 among them. */
function noise(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let s = seed >>> 0;
  for (let i = 0; i < rgba.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const v = s >>> 24;
    rgba[i] = v < 16 ? 0 : v > 240 ? 255 : v;
  }
  return rgba;
}

describe('the SIMD yuv420p kernel', () => {
  it('is built from the current rgbaToYuv420p.wat (run node scripts/make-yuv-wasm.mjs after a change)', async () => {
    const wat = readFileSync('src/export/pixels/rgbaToYuv420p.wat', 'utf8');
    const generated = readFileSync('src/export/pixels/rgbaToYuv420pWasm.generated.ts', 'utf8');
    expect(generated).toBe(await generatedSource(wat));
  });

  it('is what this runtime uses (Node has WebAssembly SIMD)', () => {
    expect(createYuvKernel(8, 8, 1).name).toBe('simd');
  });

  // The kernel takes eight pixels at a time, then a last four, then a last two (scalar): 1080 is
  // all eights; 540 and 1084 end on a four; 1078 and 1086 on a four and a two; 6, 4 and 2 have no
  // eight at all.
  it.each([
    [1080, 1920],
    [540, 960],
    [1084, 6],
    [1078, 8],
    [1086, 4],
    [8, 2],
    [6, 4],
    [4, 2],
    [2, 2],
  ])('gives the very bytes of the JavaScript kernel at %ix%i', (width, height) => {
    const simd = simdKernel(width, height, 1);
    if (simd === null) throw new Error('no SIMD kernel');
    const out = simd.buffer();
    for (const seed of [1, 2]) {
      const rgba = noise(width, height, seed);
      simd.convertRows(rgba, out, 0, height);
      expect(Buffer.from(out).equals(Buffer.from(rgbaToYuv420p(rgba, width, height)))).toBe(true);
    }
  });

  it('converts only the rows it is given, leaving the rest of its buffer as it was', () => {
    const [width, height] = [1080, 64];
    const simd = simdKernel(width, height, 2);
    const js = jsKernel(width, height);
    if (simd === null) throw new Error('no SIMD kernel');
    const [before, after] = [noise(width, height, 3), noise(width, height, 4)];
    const a = simd.buffer();
    const b = js.buffer();
    simd.convertRows(before, a, 0, height);
    js.convertRows(before, b, 0, height);
    for (const [from, to] of [
      [10, 20],
      [0, 2],
      [62, 64],
    ] as const) {
      simd.convertRows(after, a, from, to);
      js.convertRows(after, b, from, to);
    }
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('hands out buffers of a yuv420p frame, as many as it was made for', () => {
    const simd = simdKernel(1080, 1920, 3);
    if (simd === null) throw new Error('no SIMD kernel');
    const buffers = [simd.buffer(), simd.buffer(), simd.buffer()];
    expect(buffers.map((b) => b.byteLength)).toEqual(Array(3).fill(yuv420pBytes(1080, 1920)));
    expect(() => simd.buffer()).toThrow(/room for 3/);
    expect(() =>
      simd.convertRows(new Uint8Array(1080 * 1920 * 4), new Uint8Array(yuv420pBytes(1080, 1920)), 0, 2),
    ).toThrow(/buffer of this kernel/);
    expect(() => simd.convertRows(new Uint8Array(1080 * 1920 * 4), buffers[0] as Uint8Array, 1, 3)).toThrow(
      /row pairs/,
    );
  });
});
