import type { FrameSource } from '../frameSource';
import { FrameRenderError } from '../frameSource';
import { FrameFormats } from '../pipeline/frameConversion';

/**
 * The frames of one chunk, converted to yuv420p (BT.709, tv range), in order. A chunk's frames
 * come from its own renderer: in a worker thread (workerChunkFrames) or, where no worker can be
 * started, in this thread from a FrameSource (this file).
 */
export interface ChunkFrames {
  /**
   * The next frame of the chunk. Calling it again says the frame before has been written
   * everywhere (its buffer may be reused). An unchanged frame comes back as the very same array.
   * Rejects with a FrameRenderError (index within the range) when a frame cannot be drawn.
   */
  next(): Promise<Uint8Array>;
  /** Frees the renderer; safe to call twice, and while a frame is on its way. */
  destroy(): Promise<void>;
}

/** A chunk's frames drawn in this thread (synthetic sources, hosts without the worker file). */
export function inThreadChunkFrames(source: FrameSource, rangeFirst: number): ChunkFrames {
  const formats = new FrameFormats(source.width, source.height);
  const frameBytes = source.width * source.height * 4;
  let previous: Uint8Array | null = null;
  let index = 0;
  return {
    next() {
      const i = index++;
      try {
        const drawn = source.renderFrame(i);
        const pixels = drawn ?? previous;
        if (pixels === null) throw new Error('the first frame was reported unchanged');
        if (pixels.byteLength !== frameBytes)
          throw new Error(`expected ${frameBytes} bytes of pixels, got ${pixels.byteLength}`);
        previous = pixels;
        formats.set(pixels);
        return Promise.resolve(formats.get('yuv420p'));
      } catch (err) {
        return Promise.reject(new FrameRenderError(rangeFirst + i, err));
      }
    },
    destroy() {
      source.destroy();
      return Promise.resolve();
    },
  };
}
