/**
 * glibc's allocator returns a freed block of 8 MB (one raw 1080x1920 frame) to the system and
 * page-faults a fresh one in for the next frame, in ffmpeg's demuxer for every frame it reads
 * from our pipe. These settings keep such blocks in the process instead. Measured on two cores:
 * about 10-20% less CPU for an export. Other C libraries ignore the variable.
 */
export const FRAME_FRIENDLY_GLIBC_TUNABLES = [
  'glibc.malloc.mmap_threshold=33554432',
  'glibc.malloc.trim_threshold=536870912',
  'glibc.malloc.top_pad=67108864',
].join(':');

/**
 * `current` (a GLIBC_TUNABLES value, or none) with our setting in front. glibc lets a later entry
 * win, so a setting the user made for the same tunable is kept.
 */
export function withFrameFriendlyMalloc(current: string | undefined): string {
  if (current === undefined || current === '') return FRAME_FRIENDLY_GLIBC_TUNABLES;
  if (userTunables(current) !== current) return current;
  return `${FRAME_FRIENDLY_GLIBC_TUNABLES}:${current}`;
}

/** What is left of a GLIBC_TUNABLES value without our setting in front ('' when nothing). */
function userTunables(value: string): string {
  if (value === FRAME_FRIENDLY_GLIBC_TUNABLES) return '';
  const ours = `${FRAME_FRIENDLY_GLIBC_TUNABLES}:`;
  return value.startsWith(ours) ? value.slice(ours.length) : value;
}

/**
 * fluent-ffmpeg starts ffmpeg with this process's environment, so the setting goes there. The
 * CLI calls this before exporting; a host that starts a separate export process gives that
 * process the setting from its start instead (exportProcessEnvironment).
 */
export function useFrameFriendlyMalloc(env: NodeJS.ProcessEnv = process.env): void {
  env.GLIBC_TUNABLES = withFrameFriendlyMalloc(env.GLIBC_TUNABLES);
}

/**
 * The environment for any other tool we run (the decode check, probes, the sound remux): without
 * our setting, which only suits a process fed whole frames. It kept the decode check of a 10 min
 * video at 187 MB instead of 101 MB (freed memory is never given back under it). A setting the
 * user made is kept.
 */
export function toolEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const value = env.GLIBC_TUNABLES;
  if (value === undefined) return env;
  const theirs = userTunables(value);
  if (theirs === value) return env;
  const rest = { ...env };
  if (theirs === '') delete rest.GLIBC_TUNABLES;
  else rest.GLIBC_TUNABLES = theirs;
  return rest;
}
