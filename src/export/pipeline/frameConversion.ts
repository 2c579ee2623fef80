import type { InputPixFmt } from '../encodeSettings';
import { changedRowSpans } from '../pixels/changedRows';
import { rgbaToYuv420p, rgbaToYuv420pRows } from '../pixels/rgbaToYuv420p';
import { metered } from './stageMeter';

/**
 * The pixel conversion stage: one rendered frame in the formats its encoders take, each made
 * at most once per frame. A frame the renderer reports unchanged comes as the very same RGBA
 * buffer, and gets the very same converted buffer again without converting it twice. A frame
 * that did change is converted only where it differs from the one before (row pairs); the
 * rest is copied from the previous conversion.
 *
 * Each converted frame is a new buffer: the previous one may still be on its way into a pipe.
 */
export class FrameFormats {
  private rgba: Uint8Array | null = null;
  private yuv: Uint8Array | null = null;
  private yuvOf: Uint8Array | null = null;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

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
          ? rgbaToYuv420p(rgba, this.width, this.height)
          : this.convertChanges(before, beforeYuv, rgba),
      );
      this.yuvOf = rgba;
    }
    return this.yuv;
  }

  /** `rgba` converted from `beforeYuv`, the conversion of `before`, redoing only what changed. */
  private convertChanges(before: Uint8Array, beforeYuv: Uint8Array, rgba: Uint8Array): Uint8Array {
    const { width, height } = this;
    const spans = changedRowSpans(before, rgba, width, height);
    const yuv = beforeYuv.slice();
    for (const [from, to] of spans) rgbaToYuv420pRows(rgba, width, height, yuv, from, to);
    return yuv;
  }
}
