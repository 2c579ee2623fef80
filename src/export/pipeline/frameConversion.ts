import type { InputPixFmt } from '../encodeSettings';
import { changedRowSpans } from '../pixels/changedRows';
import { createYuvKernel, type YuvKernel } from '../pixels/yuvKernel';
import { metered } from './stageMeter';

/**
 * The pixel conversion stage: one rendered frame in the formats its encoders take, each made
 * at most once per frame. A frame the renderer reports unchanged comes as the very same RGBA
 * buffer, and gets the very same converted buffer again without converting it twice. A frame
 * that did change is converted only where it differs from the one before (row pairs); the
 * rest is copied from the previous conversion.
 *
 * Converted frames take turns in a few buffers rather than a new one each: the frame before
 * may still be on its way into a pipe, but the pump waits for every encoder to take a frame
 * before it draws the next, so the one two frames back is never in use. Fewer 3 MB allocations
 * mean fewer of the garbage collections that external memory sets off. The conversion itself is
 * the SIMD kernel's where the runtime has WebAssembly SIMD (pixels/yuvKernel.ts).
 */
export class FrameFormats {
  private rgba: Uint8Array | null = null;
  private yuv: Uint8Array | null = null;
  private yuvOf: Uint8Array | null = null;
  private readonly pool: Uint8Array[] = [];
  private turn = 0;
  private readonly kernel: YuvKernel;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.kernel = createYuvKernel(width, height, POOL_SIZE);
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
    const yuv = this.nextBuffer(null);
    this.kernel.convertRows(rgba, yuv, 0, this.height);
    return yuv;
  }

  /** `rgba` converted from `beforeYuv`, the conversion of `before`, redoing only what changed. */
  private convertChanges(before: Uint8Array, beforeYuv: Uint8Array, rgba: Uint8Array): Uint8Array {
    const spans = changedRowSpans(before, rgba, this.width, this.height);
    const yuv = this.nextBuffer(beforeYuv);
    yuv.set(beforeYuv);
    for (const [from, to] of spans) this.kernel.convertRows(rgba, yuv, from, to);
    return yuv;
  }

  /** The buffer whose turn it is (never `inUse`, the conversion being copied from). */
  private nextBuffer(inUse: Uint8Array | null): Uint8Array {
    if (this.pool.length < POOL_SIZE) {
      const fresh = this.kernel.buffer();
      this.pool.push(fresh);
      return fresh;
    }
    this.turn = (this.turn + 1) % POOL_SIZE;
    const next = this.pool[this.turn] as Uint8Array;
    return next === inUse ? this.nextBuffer(inUse) : next;
  }
}

/** Buffers converted frames take turns in: the one being sent, the one before, one spare. */
const POOL_SIZE = 3;
