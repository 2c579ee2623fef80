import { Readable } from 'node:stream';
import type { FrameSource } from './frameSource';

export interface FramePumpOptions {
  readonly frameCount: number;
  /** Called after each frame is handed on, with the number handed on so far. */
  readonly onFrame?: ((framesDone: number) => void) | undefined;
}

/** How many frames may wait between the renderer and ffmpeg. */
const FRAMES_BUFFERED = 2;

export class FrameRenderError extends Error {
  override readonly name = 'FrameRenderError';
  constructor(
    readonly frameIndex: number,
    readonly reason: unknown,
  ) {
    super(
      `frame ${frameIndex} could not be drawn: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  }
}

/**
 * A Readable of raw frames, rendered only when the consumer asks for more (its highWaterMark
 * is two frames). Demand, not a loop, drives the renderer: the event loop turns between frames
 * and native pixel buffers are freed, so memory stays flat however long the video is.
 * A frame the source reports unchanged is sent again from the previous buffer.
 */
export function createFramePump(source: FrameSource, options: FramePumpOptions): Readable {
  const frameBytes = source.width * source.height * 4;
  let next = 0;
  let previous: Uint8Array | null = null;
  return new Readable({
    highWaterMark: frameBytes * FRAMES_BUFFERED,
    read() {
      if (next >= options.frameCount) {
        this.push(null);
        return;
      }
      let pixels: Uint8Array | null;
      try {
        pixels = source.renderFrame(next) ?? previous;
        if (pixels === null) throw new Error('the first frame was reported unchanged');
        if (pixels.byteLength !== frameBytes) {
          throw new Error(`expected ${frameBytes} bytes of pixels, got ${pixels.byteLength}`);
        }
      } catch (err) {
        this.destroy(new FrameRenderError(next, err));
        return;
      }
      previous = pixels;
      next++;
      this.push(pixels);
      options.onFrame?.(next);
    },
  });
}
