/**
 * @napi-rs/canvas, the export's renderer, allocates through mimalloc (its Rust allocator), not
 * glibc's malloc, for the 8 MB of pixels `canvas.data()` hands over every frame (Skia's own
 * copy-on-write of its surface goes through glibc, ffmpeg/mallocTunables.ts). mimalloc gives
 * freed memory back to the system 10 ms later ("purging"). At 60-110 frames a second that is
 * every frame: 2.1 GB purged in the sample's export, each page faulted in and zeroed again by the
 * kernel on the next frame. With purging off the same blocks are reused: no page faults, the same
 * peak memory (246 against 247 MB).
 * Sample, alternating runs (5 each, busy machine): the export process 5.9 against 7.1 CPU-s,
 * wall 9.6 against 10.5 s; 15 s video 3.6 against 4.3 CPU-s.
 *
 * mimalloc reads its settings when the native module is loaded, so they must be in the
 * environment before that: given to an export process when it is started
 * (exportProcessEnvironment), and set by the `kindness` command's launcher (src/cli/bin.ts)
 * before it loads the rest. A value the user set is kept.
 */
export const CANVAS_ALLOCATOR_ENVIRONMENT: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: '-1',
};

/** `env` with the renderer's allocator setting, unless the user made one. */
export function withCanvasAllocatorSetting(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  useCanvasAllocatorSetting(copy);
  return copy;
}

/** Sets it in this process's environment; only effective before @napi-rs/canvas is loaded. */
export function useCanvasAllocatorSetting(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(CANVAS_ALLOCATOR_ENVIRONMENT)) env[name] ??= value;
}
