import { availableParallelism } from 'node:os';

/** A part of the exported range, rendered and encoded on its own (frames relative to the range). */
export interface Chunk {
  readonly index: number;
  /** First frame of the chunk within the range. */
  readonly first: number;
  readonly count: number;
}

/**
 * Frames below which a chunk is not worth its own renderer and ffmpeg (starting them costs
 * about a second of CPU): auto never makes chunks shorter than this.
 */
const MIN_AUTO_CHUNK_FRAMES = 150;
/** Auto never runs more chunks than this at once (each holds a renderer in memory). */
const MAX_AUTO_JOBS = 4;

/**
 * How many chunks to run at once when the caller did not say. Measured on 2 cores (see the
 * bench's per-jobs figures): one pass already keeps both cores busy (render on one, x264
 * threads on both), so chunks only add start-up and a join there: 1 up to 2 cores. With more,
 * about one chunk per two cores: each chunk needs a core to render and one for its x264.
 */
export function autoJobs(cores: number = availableParallelism()): number {
  if (cores <= 2) return 1;
  return Math.min(MAX_AUTO_JOBS, Math.floor(cores / 2));
}

/**
 * The jobs to run for `count` frames: what was asked (or auto), never more chunks than whole
 * GOPs, and with auto never chunks shorter than MIN_AUTO_CHUNK_FRAMES.
 */
export function jobsFor(
  requested: number | 'auto',
  count: number,
  gopFrames: number,
  cores?: number,
): number {
  const gops = Math.max(1, Math.floor(count / Math.max(1, gopFrames)));
  if (requested === 'auto') {
    const wanted = autoJobs(cores);
    return Math.max(1, Math.min(wanted, gops, Math.floor(count / MIN_AUTO_CHUNK_FRAMES)));
  }
  return Math.max(1, Math.min(Math.floor(requested), gops));
}

/**
 * Splits `count` frames into `jobs` chunks of nearly equal length whose boundaries fall on GOP
 * boundaries (multiples of `gopFrames`), so the joined file has its keyframes where a single
 * pass puts them: each chunk starts with an IDR frame and every GOP is closed.
 */
export function planChunks(count: number, jobs: number, gopFrames: number): Chunk[] {
  const gop = Math.max(1, Math.floor(gopFrames));
  const gops = Math.ceil(count / gop);
  const n = Math.max(1, Math.min(Math.floor(jobs), gops));
  const chunks: Chunk[] = [];
  let first = 0;
  for (let i = 0; i < n; i++) {
    // GOPs shared out as evenly as they go; the last chunk takes the remainder.
    const end = i === n - 1 ? count : Math.min(count, Math.round(((i + 1) * gops) / n) * gop);
    chunks.push({ index: i, first, count: end - first });
    first = end;
  }
  return chunks.filter((c) => c.count > 0);
}
