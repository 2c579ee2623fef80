import type { InputPixFmt } from '../encodeSettings';
import { rgbaToYuv420p } from '../pixels/rgbaToYuv420p';
import { metered } from './stageMeter';

/**
 * The pixel conversion stage: one rendered frame in the formats its encoders take, each made
 * at most once per frame. A frame the renderer reports unchanged comes as the very same RGBA
 * buffer, and gets the very same converted buffer again without converting it twice.
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
      this.yuv = metered('convert', () => rgbaToYuv420p(rgba, this.width, this.height));
      this.yuvOf = rgba;
    }
    return this.yuv;
  }
}
