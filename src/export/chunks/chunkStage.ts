import type { AssetData, AssetMap } from '../../node/assets';
import { usedPictureIds } from '../../core/load';
import type { Project } from '../../core/schema';
import type { OutputRun } from '../batch/outputRun';
import type { SharedVideo } from '../batch/sharedVideo';
import { openFrameSource, type CreateFrameSource } from '../batch/frameSourceStage';
import { writeWithDrain } from '../pipeline/sink';
import { inThreadChunkFrames, type ChunkFrames } from './chunkFrames';
import type { Chunk } from './chunkPlan';
import { childChunkFrames, chunkWorkerScript } from './childChunkFrames';
import { rawFrameBytes } from '../encodeSettings';

/** What the chunks of one render group are drawn from. */
export interface ChunkRenderInput {
  readonly project: Project;
  readonly assets: AssetMap;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly watermark: string | null;
  /** The range's first frame on the project timeline. */
  readonly rangeFirst: number;
  /** A synthetic frame source (tests, benchmarks): drawn in this thread. */
  readonly createFrameSource: CreateFrameSource | undefined;
  readonly log: (line: string) => void;
}

/** Whether chunks can be drawn in parallel here (processes of their own), rather than in turns in this thread. */
export function parallelChunksAvailable(createFrameSource: CreateFrameSource | undefined): boolean {
  return createFrameSource === undefined && chunkWorkerScript() !== null;
}

/**
 * The frame source stage of a chunked export: chunk `chunk`'s frames, from a process of its own
 * when the built renderer is there, else from a frame source in this thread.
 */
export async function openChunkFrames(
  input: ChunkRenderInput,
  chunk: Chunk,
  signal: AbortSignal,
): Promise<ChunkFrames> {
  const request = {
    width: input.width,
    height: input.height,
    fps: input.fps,
    firstFrame: input.rangeFirst + chunk.first,
    watermark: input.watermark,
  };
  const script = input.createFrameSource === undefined ? chunkWorkerScript() : null;
  if (script !== null) {
    // It only needs the pictures (the sound is mixed by ffmpeg from files).
    // A large picture stays a spooled file: the child reads it by path.
    const pictures = new Map<string, AssetData>();
    for (const id of usedPictureIds(input.project)) {
      const data = input.assets.get(id);
      if (data !== undefined) pictures.set(id, data);
    }
    return childChunkFrames(
      script,
      { project: input.project, assets: pictures, request, count: chunk.count },
      chunk.first,
      rawFrameBytes('yuv420p', input.width, input.height),
      input.log,
    );
  }
  const source = await openFrameSource(
    { ...request, log: input.log, signal },
    input.project,
    input.assets,
    input.createFrameSource,
  );
  return inThreadChunkFrames(source, chunk.first);
}

/**
 * Draws every chunk and hands its frames to its encoder in each video, all chunks at once.
 * Each chunk waits for its encoders to want more, so at most a frame or two per chunk wait in
 * memory. The first failure stops every chunk; whatever happens, every chunk's renderer is
 * freed before it returns. Returns the frames drawn and the ones found unchanged.
 */
export async function pumpChunks(
  chunks: readonly Chunk[],
  videos: readonly SharedVideo[],
  runs: readonly OutputRun[],
  open: (chunk: Chunk, signal: AbortSignal) => Promise<ChunkFrames>,
  signal: AbortSignal,
): Promise<{ drawn: number; reused: number }> {
  const total = chunks.reduce((sum, c) => sum + c.count, 0);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) stop.abort();
  const startedAt = performance.now();
  let drawn = 0;
  let reused = 0;
  let failure: unknown = null;
  const runChunk = async (chunk: Chunk): Promise<void> => {
    let frames: ChunkFrames | null = null;
    const stopFrames = (): void => void frames?.destroy();
    stop.signal.addEventListener('abort', stopFrames, { once: true });
    try {
      if (stop.signal.aborted) return;
      frames = await open(chunk, stop.signal);
      const sinks = videos.map((v) => v.sinkOf(chunk.index));
      let previous: Uint8Array | null = null;
      for (let i = 0; i < chunk.count; i++) {
        if (stop.signal.aborted || !runs.some((r) => r.live)) return;
        const frame = await frames.next();
        drawn++;
        if (frame === previous) reused++;
        previous = frame;
        await Promise.all(sinks.map((sink) => writeWithDrain(sink, frame)));
        const elapsed = (performance.now() - startedAt) / 1000;
        const eta = drawn >= 10 || elapsed >= 1 ? (elapsed / drawn) * (total - drawn) : null;
        for (const run of runs) run.counted(eta);
      }
    } catch (err) {
      failure ??= err;
      stop.abort();
    } finally {
      stop.signal.removeEventListener('abort', stopFrames);
      await frames?.destroy();
    }
  };
  try {
    await Promise.all(chunks.map(runChunk));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (failure !== null) throw failure;
  return { drawn, reused };
}
