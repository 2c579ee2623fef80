import { FrameRenderError, type FrameSource } from '../frameSource';
import { FrameFormats } from '../pipeline/frameConversion';
import { releaseFrameMemory } from '../pipeline/frameMemory';
import type { OutputRun } from './outputRun';

/** What the frame pump reports: frames drawn, and how many of them the renderer found unchanged. */
export interface PumpCounts {
  readonly drawn: number;
  readonly reused: number;
}

/**
 * Renders frames 0..count-1 of the range once each and hands each to the outputs that take it
 * (an output with a frame step takes every step-th). The hand-over waits for every encoder that
 * took the frame to want more, so the slowest sets the pace and at most a frame or two wait in
 * memory per output. Stops early when the signal aborts or no output is left.
 */
export async function pumpFrames(
  source: FrameSource,
  runs: readonly OutputRun[],
  count: number,
  signal: AbortSignal,
): Promise<PumpCounts> {
  const frameBytes = source.width * source.height * 4;
  const formats = new FrameFormats(source.width, source.height);
  const startedAt = performance.now();
  let drawn = 0;
  let reused = 0;
  let previous: Uint8Array | null = null;
  for (let i = 0; i < count; i++) {
    if (signal.aborted) break;
    const live = runs.filter((r) => r.live);
    if (live.length === 0) break;
    const wanting = live.filter((r) => i % r.planned.step === 0);
    if (wanting.length === 0) continue;
    let pixels: Uint8Array;
    let fresh = false;
    try {
      const drawnPixels = source.renderFrame(i);
      drawn++;
      if (drawnPixels === null) reused++;
      fresh = drawnPixels !== null;
      pixels = drawnPixels ?? (previous as Uint8Array);
      if (pixels === null) throw new Error('the first frame was reported unchanged');
      if (pixels.byteLength !== frameBytes)
        throw new Error(`expected ${frameBytes} bytes of pixels, got ${pixels.byteLength}`);
    } catch (err) {
      throw new FrameRenderError(i, err);
    }
    previous = pixels;
    formats.set(pixels);
    const done = i + 1;
    const elapsed = (performance.now() - startedAt) / 1000;
    const eta = done >= 10 || elapsed >= 1 ? (elapsed / done) * (count - done) : null;
    await Promise.all(wanting.map((r) => r.write(i, formats, eta)));
    // The next frame reuses this one's memory instead of faulting in fresh pages (flat memory).
    await releaseFrameMemory(fresh);
  }
  return { drawn, reused };
}
