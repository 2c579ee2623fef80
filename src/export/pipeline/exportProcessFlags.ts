import { withFrameFriendlyMalloc } from '../ffmpeg/mallocTunables';
import { withCanvasAllocatorSetting } from './canvasAllocator';

/**
 * Node flags for a process that exports (the export worker, a chunk renderer, the bench's
 * export, the CLI through its bin line).
 *
 * V8 sizes the old generation from the live JavaScript heap, which stays near 16 MB in an export
 * (the frames are native memory). With so small a limit, and an 8 MB readback buffer coming and
 * going every frame, it started a full collection every few frames once an export ran for more
 * than a few seconds: 389 of them in the 60 s bench video, a third of the export process's CPU
 * (25.8 against 15.4 CPU-s; wall 34.5 against 28.2 s). A larger initial old generation only
 * moves where collections start; the heap still grows only as needed (peak 259 against 261 MB).
 * It can only be given when the process starts.
 *
 * `--single-threaded-gc`: the export collects its young generation after every frame
 * (frameMemory.ts), a heap of a few MB. By default V8 splits each collection over helper
 * threads, which on two cores take turns with x264's threads for a job too small to share.
 * Collecting on the export's own thread: node 6.8 against 6.3 CPU-s and 10.2 against 9.5 s wall
 * on the sample, 4.25 against 4.0 CPU-s on the 15 s bench video (alternating runs, 8 each).
 * `--single-threaded` (no background compiling either) was no better.
 */
export const EXPORT_PROCESS_FLAGS: readonly string[] = [
  '--initial-old-space-size=64',
  '--single-threaded-gc',
];

/** `execArgv` plus the export flags it does not already have. */
export function withExportProcessFlags(execArgv: readonly string[]): string[] {
  const names = new Set(execArgv.map((flag) => flag.split('=')[0]));
  return [...execArgv, ...EXPORT_PROCESS_FLAGS.filter((flag) => !names.has(flag.split('=')[0]))];
}

/**
 * The environment for a process that exports: the caller's, with both allocators of the export
 * process told to keep freed blocks of a frame's size. The process frees and allocates 8 MB
 * twice a frame: Skia's copy-on-write of its surface goes through glibc's malloc, which otherwise
 * maps each block fresh and unmaps it once freed (ffmpeg/mallocTunables.ts; sample, alternating
 * runs: 9.16 against 9.32 s wall, 6.15 against 6.3 CPU-s in the export process), and the pixels
 * `canvas.data()` hands over go through the renderer's own allocator (canvasAllocator.ts). Either
 * way the kernel faults in and zeroes 8 MB of new pages every frame. Both allocators read their
 * settings only when they start, so they go into the environment the process is started with.
 *
 * glibc's is not on the CLI's bin line: npm's Windows shims cannot read an assignment whose value
 * holds `=`, and would stop every `kindness` command there.
 */
export function exportProcessEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...withCanvasAllocatorSetting(env), GLIBC_TUNABLES: withFrameFriendlyMalloc(env.GLIBC_TUNABLES) };
}
