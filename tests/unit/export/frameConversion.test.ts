import { describe, expect, it } from 'vitest';
import { FrameFormats } from '../../../src/export/pipeline/frameConversion';
import { yuv420pBytes } from '../../../src/export/pixels/rgbaToYuv420p';

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
});
