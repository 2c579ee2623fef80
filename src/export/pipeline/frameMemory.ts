import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives a drawn frame's memory back before the next frame is drawn.
 *
 * Every frame read from the canvas is a new 8 MB native buffer (`canvas.data()`). V8 frees it
 * only once a collection has found it dead and the event loop has turned (N-API finalizers run
 * then). Until both happen, each new frame lands in memory the kernel has to fault in and zero:
 * on these virtual machines that cost 2 to 20 ms a frame in the kernel alone. A collection of the
 * young generation (0.35-0.5 ms: the frame's buffer object is young) and one turn of
 * the event loop let the next frame reuse the same memory. Measured in `kindness bench` on the
 * sample: the export's own CPU fell from 17.1 to 12.3 ms a frame (readback 6.7 to 5.4, the rest
 * of the process 5.1 to 2.5, fewer full collections).
 *
 * `drawn` false: the frame was reported unchanged and its pixels reused, so nothing was read and
 * there is nothing to give back; only the event loop turns (the 15 s bench video, a fifth of
 * whose frames are unchanged: 3.14 against 3.18 CPU-s, 5 alternating pairs).
 */
export async function releaseFrameMemory(drawn = true): Promise<void> {
  if (drawn) collectYoungGeneration();
  await new Promise((resolve) => setImmediate(resolve));
}

type Collect = (options: { type: 'minor' | 'major' }) => void;

let collector: Collect | null | undefined;

/** A young-generation collection, where the runtime lets us start one; otherwise nothing. */
export function collectYoungGeneration(): boolean {
  collector ??= youngCollector();
  if (collector === null) return false;
  collector({ type: 'minor' });
  return true;
}

/**
 * V8's `gc` function without starting Node with --expose-gc, so it works in every process that
 * exports, also one started without the export flags (`node dist/cli/kindness.js`, the tests):
 * the flag is set for one new context, which hands its `gc` back, and cleared again so no other
 * context gets it. Jest's leak detector does the same.
 */
function youngCollector(): Collect | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    return null;
  }
}
