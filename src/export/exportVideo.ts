import path from 'node:path';
import type { Project } from '../core/schema';
import { reserveNames, type ReplacePolicy, type Reservation } from '../node/files';
import { startBatch } from './batch/exportBatch';
import { ExportError, fileErrorMessage, isDiskFull } from './errors';
import type { FoundFfmpeg } from './ffmpeg/discover';
import type { FrameSource, FrameSourceRequest } from './frameSource';
import { CANCELLED_MESSAGE } from './pipeline/failures';
import { checkOutputFolder, type FfmpegChoice, type RangeRequest } from './pipeline/prepare';
import type { ExportPreset, PresetId } from './presets';

import { sidecarPaths } from './sidecars/writeSidecars';
import type { AssetMap } from '../node/assets';

export { CANCELLED_MESSAGE } from './pipeline/failures';

export interface ExportProgress {
  /** Frames rendered and handed to ffmpeg. */
  readonly frame: number;
  readonly totalFrames: number;
  /** 0..100; 100 only once the video file is complete. */
  readonly percent: number;
  /** Seconds left at the pace so far; null before the first frame. */
  readonly etaSeconds: number | null;
  /** Frames per second so far. */
  readonly fps: number;
}

export interface ExportVideoOptions {
  readonly project: Project;
  /** Asset files by id (the container's `assets/`): images and audio. */
  readonly assets: AssetMap;
  /** The finished video's path; `NAME.part` is written first. */
  readonly outputPath: string;
  readonly preset: PresetId | ExportPreset;
  /** Part of the timeline to export, in seconds; the whole video by default. */
  readonly range?: RangeRequest;
  /** An ffmpeg path the user chose, or one already found (skips the search). */
  readonly ffmpeg?: FfmpegChoice['ffmpeg'];
  /** Where else to look for ffmpeg (environment, bundled binary); tests narrow it. */
  readonly ffmpegDiscovery?: FfmpegChoice['ffmpegDiscovery'];
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: ExportProgress) => void) | undefined;
  /** Plain lines about what happens (which ffmpeg, skipped audio, ffmpeg warnings). */
  readonly log?: ((line: string) => void) | undefined;
  /** Write captions (SRT, VTT), post text and cover beside the video; default true. */
  readonly sidecars?: boolean | undefined;
  /** Whether files already at the video's or its sidecars' names may be replaced; default never. */
  readonly replace?: ReplacePolicy | undefined;
  /** Replaces the project renderer (tests, benchmarks). */
  readonly createFrameSource?:
    ((request: FrameSourceRequest) => FrameSource | Promise<FrameSource>) | undefined;
  /**
   * Chunks rendered and encoded at once, joined without re-encoding; default 'auto' (one pass
   * on 2 cores or fewer). See ExportBatchOptions.jobs.
   */
  readonly jobs?: number | 'auto' | undefined;
}

export interface ExportResult {
  readonly outputPath: string;
  /** Files written beside the video (captions, post text, cover). */
  readonly sidecars: readonly string[];
  readonly frames: number;
  readonly durationSeconds: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly ffmpeg: {
    readonly path: string;
    readonly version: string;
    readonly source: FoundFfmpeg['source'];
  };
  /** Things the creator should know (left-out audio, post-text limits, ...). */
  readonly warnings: readonly string[];
  readonly elapsedSeconds: number;
  /** Frames that did not change and were sent again without drawing them. */
  readonly reusedFrames: number;
}

/** The one output of a single export, by this id in the batch that makes it. */
const OUTPUT_ID = 'video';

/**
 * Renders the project and encodes it with ffmpeg into `outputPath`, through `NAME.part`
 * renamed only when ffmpeg succeeds. A single export is a batch of one output: the same
 * pipeline (plan, render, convert, encode, finish) as the export dialog's batches, so the two
 * cannot drift apart. Once it has started, everything it started is undone on cancel or
 * failure (ffmpeg killed and waited for, `.part` and temporary files deleted).
 * Rejects only with ExportError.
 */
export async function exportVideo(options: ExportVideoOptions): Promise<ExportResult> {
  const startedAt = performance.now();
  if (options.signal?.aborted) throw new ExportError('cancelled', CANCELLED_MESSAGE);
  const replace = options.replace ?? 'never';
  const outputPath = path.resolve(options.outputPath);
  await checkOutputFolder(outputPath);
  // Stale reservations are taken over by reserveNames; stale temp files are cleared by the
  // batch's finishing stage (createPart) before ffmpeg writes.
  const reservation = await reserveOutputNames(outputPath, options.sidecars !== false, replace);
  try {
    return await runSingleExport(options, replace, startedAt);
  } finally {
    await reservation.release();
  }
}

async function runSingleExport(
  options: ExportVideoOptions,
  replace: ReplacePolicy,
  startedAt: number,
): Promise<ExportResult> {
  if (options.signal?.aborted) throw new ExportError('cancelled', CANCELLED_MESSAGE);
  const progress = progressReporter(options.onProgress, options.log);
  const job = startBatch({
    replace,
    project: options.project,
    assets: options.assets,
    outputs: [{ id: OUTPUT_ID, preset: options.preset, outputPath: options.outputPath }],
    range: options.range,
    ffmpeg: options.ffmpeg,
    ffmpegDiscovery: options.ffmpegDiscovery,
    signal: options.signal,
    log: options.log,
    sidecars: options.sidecars,
    // A single export reports no platform check (the export dialog's batches do).
    check: false,
    createFrameSource: options.createFrameSource,
    jobs: options.jobs,
    progressEveryFrame: true,
    onProgress: (p) => {
      if (p.state === 'running' && p.frame > 0) progress.frame(p.frame, p.totalFrames);
      else if (p.state === 'done') progress.done(p.totalFrames);
    },
  });
  const result = await job.done;
  const output = result.outputs[0];
  if (output === undefined || output.state !== 'done' || result.ffmpeg === null) {
    if (options.signal?.aborted || output?.state === 'cancelled') {
      throw new ExportError('cancelled', CANCELLED_MESSAGE);
    }
    throw (
      job.errorOf(OUTPUT_ID) ??
      new ExportError(output?.error?.kind ?? 'render-failed', output?.error?.message ?? 'The export failed.')
    );
  }
  return {
    outputPath: output.outputPath,
    sidecars: output.sidecars,
    frames: output.frames,
    durationSeconds: output.durationSeconds,
    width: output.width,
    height: output.height,
    fps: output.fps,
    ffmpeg: result.ffmpeg,
    warnings: output.warnings,
    elapsedSeconds: (performance.now() - startedAt) / 1000,
    reusedFrames: result.reusedFrames,
  };
}

/**
 * Reserves the video's name and its sidecars' together, so two exports never write one file and
 * (unless `replace` says so) no file already there is replaced; the refusal names the file.
 */
async function reserveOutputNames(
  outputPath: string,
  sidecars: boolean,
  replace: ReplacePolicy,
): Promise<Reservation> {
  const names = [outputPath, ...(sidecars ? sidecarPaths(outputPath) : [])];
  const result = await reserveNames(names, { replace }).catch((err: unknown) => {
    throw new ExportError(
      isDiskFull(err) ? 'disk-full' : 'write-failed',
      fileErrorMessage(err, 'The video cannot be saved', outputPath),
    );
  });
  if (result.ok) return result.reservation;
  throw new ExportError(
    'write-failed',
    result.reason === 'exists'
      ? `The video was not made: "${result.path}" already exists and would be replaced. Choose another name, or allow replacing it.`
      : `The video was not made: another export is writing "${result.path}" right now. Choose another name, or wait until it is done.`,
  );
}

/** The single export's progress: the output's, with the pace in frames per second. */
function progressReporter(
  onProgress: ExportVideoOptions['onProgress'],
  log: ExportVideoOptions['log'],
): { frame: (n: number, total: number) => void; done: (total: number) => void } {
  let firstAt: number | null = null;
  let lastFps = 0;
  const emit = (p: ExportProgress): void => {
    if (onProgress === undefined) return;
    try {
      onProgress(p);
    } catch (err) {
      log?.(`A progress listener failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return {
    frame(n, total) {
      const now = performance.now();
      firstAt ??= now;
      const seconds = (now - firstAt) / 1000;
      // Measured from the first frame: setup time is not rendering pace.
      const fps = n > 1 && seconds > 0 ? (n - 1) / seconds : 0;
      lastFps = fps;
      emit({
        frame: n,
        totalFrames: total,
        // ffmpeg still holds a few frames when the last is handed over: 100 means saved.
        percent: Math.min(99, (n / total) * 100),
        // The pace of the first few frames (fonts loading, caches warming) says little.
        etaSeconds: fps > 0 && (n >= 10 || seconds >= 1) ? (total - n) / fps : null,
        fps,
      });
    },
    done(total) {
      emit({ frame: total, totalFrames: total, percent: 100, etaSeconds: 0, fps: lastFps });
    },
  };
}
