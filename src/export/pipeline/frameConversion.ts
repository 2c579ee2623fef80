import type { InputPixFmt } from '../encodeSettings';
import { changedRowSpans, spansWithout, type RowSpan } from '../pixels/changedRows';
import { createYuvKernel, type YuvKernel } from '../pixels/yuvKernel';
import { metered } from './stageMeter';

/**
 * The pixel conversion stage: one rendered frame in the formats its encoders take, each made
 * at most once per frame. A frame the renderer reports unchanged comes as the very same RGBA
 * buffer, and gets the very same converted buffer again without converting it twice. A frame
 * that did change is converted only where it differs from the one before (row pairs).
 *
 * Converted frames take turns in two buffers: the frame before may still be on its way into a
 * pipe, so the new one goes into the other buffer, which holds an older conversion. That one
 * differs from the frame before only in the rows the frame before changed, so only those rows
 * are copied across (less the rows about to be converted anyway), not the whole 3 MB. Fewer and
 * smaller copies mean less memory traffic beside the encoder, and no 3 MB allocation per frame
 * means fewer of the garbage collections external memory sets off. The conversion itself is the
 * SIMD kernel's where the runtime has WebAssembly SIMD (pixels/yuvKernel.ts).
 */
export class FrameFormats {
  private rgba: Uint8Array | null = null;
  /** The conversion handed out last, and the RGBA frame it was made from. */
  private yuv: Uint8Array | null = null;
  private yuvOf: Uint8Array | null = null;
  /** The other buffer, and the rows where it differs from `yuv` ('all' before it holds a frame). */
  private spare: Uint8Array | null = null;
  private spareStale: readonly RowSpan[] | 'all' = 'all';
  private readonly kernel: YuvKernel;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.kernel = createYuvKernel(width, height, BUFFERS);
  }

  /** The frame now being handed out (RGBA, as drawn). */
  set(rgba: Uint8Array): void {
    this.rgba = rgba;
  }

  get(format: InputPixFmt): Uint8Array {
    const rgba = this.rgba;
    if (rgba === null) throw new Error('no frame yet');
    if (format === 'rgba') return rgba;
    if (this.yuvOf !== rgba || this.yuv === null) {
      const before = this.yuvOf;
      const beforeYuv = this.yuv;
      this.yuv = metered('convert', () =>
        before === null || beforeYuv === null
          ? this.convertWhole(rgba)
          : this.convertChanges(before, beforeYuv, rgba),
      );
      this.yuvOf = rgba;
    }
    return this.yuv;
  }

  private convertWhole(rgba: Uint8Array): Uint8Array {
    const yuv = this.kernel.buffer();
    this.kernel.convertRows(rgba, yuv, 0, this.height);
    return yuv;
  }

  /** `rgba` converted into the spare buffer, from `beforeYuv` (the conversion of `before`). */
  private convertChanges(before: Uint8Array, beforeYuv: Uint8Array, rgba: Uint8Array): Uint8Array {
    const changed = changedRowSpans(before, rgba, this.width, this.height);
    const yuv = this.spare ?? this.kernel.buffer();
    if (this.spareStale === 'all') yuv.set(beforeYuv);
    else
      for (const [from, to] of spansWithout(this.spareStale, changed))
        this.copyRows(beforeYuv, yuv, from, to);
    for (const [from, to] of changed) this.kernel.convertRows(rgba, yuv, from, to);
    // The frame before's buffer becomes the spare: it differs from this one where rows changed.
    this.spare = beforeYuv;
    this.spareStale = changed;
    return yuv;
  }

  /** Rows `from`..`to` (even) of one yuv420p frame into another: Y, then their U and V rows. */
  private copyRows(source: Uint8Array, target: Uint8Array, from: number, to: number): void {
    const { width, height } = this;
    target.set(source.subarray(from * width, to * width), from * width);
    const chromaWidth = width >> 1;
    const chromaPlane = (width >> 1) * (height >> 1);
    for (const plane of [width * height, width * height + chromaPlane]) {
      const start = plane + (from >> 1) * chromaWidth;
      const end = plane + (to >> 1) * chromaWidth;
      target.set(source.subarray(start, end), start);
    }
  }
}

/** Converted frames take turns in two buffers: the one being sent and the one being made. */
const BUFFERS = 2;
