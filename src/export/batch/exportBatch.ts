import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SafeZoneChoice } from '../../core/captions';
import type { Project } from '../../core/schema';
import type { ReplacePolicy } from '../../node/files';
import { ExportError } from '../errors';
import { discoverFfprobe, type FoundFfmpeg } from '../ffmpeg/discover';
import type { FrameSource, FrameSourceRequest } from '../frameSource';
import { toExportError } from '../pipeline/failures';
import { createPart } from '../pipeline/finishing';
import {
  checkOutputFolder,
  ffmpegWarnings,
  findFfmpeg,
  prepareAudio,
  resolveRange,
  type FfmpegChoice,
  type RangeRequest,
} from '../pipeline/prepare';
import { readabilityReport } from '../readabilityReport';
import { planBatch, type BatchOutputRequest, type RenderGroup } from './batchPlan';
import { startChunkedEncoders, startEncoders } from './encoderStage';
import { jobsFor, planChunks, type Chunk } from '../chunks/chunkPlan';
import { openChunkFrames, parallelChunksAvailable, pumpChunks } from '../chunks/chunkStage';
import { gopFrames } from '../ffmpeg/args';
import type { ExportPreset } from '../presets';
import { finishOutputs } from './finishStage';
import { pumpFrames } from './framePump';
import { EarlyFrameSource, openFrameSource } from './frameSourceStage';
import { failedResult, OutputRun, type BatchOutputResult, type OutputProgress } from './outputRun';
import type { AssetMap } from '../../node/assets';

export type { BatchOutputRequest } from './batchPlan';
export {
  plainFailure,
  type BatchOutputResult,
  type OutputFailure,
  type OutputProgress,
  type OutputState,
} from './outputRun';

/*
 * The export pipeline, one stage a module:
 *   plan (batchPlan, prepare) -> frame source (frameSourceStage) -> pixel conversion
 *   (pipeline/frameConversion, fed by framePump) -> encoders (encoderStage, sharedVideo)
 *   -> finishing (finishStage, pipeline/finishing).
 * A single export is a batch of one output (exportVideo). One AbortSignal, the batch's own,
 * runs through every stage; what a stage started (a renderer, an ffmpeg) is stopped in this
 * file's `finally` blocks whatever happened.
 */

export interface BatchResult {
  readonly outputs: readonly BatchOutputResult[];
  /** Frames drawn by the renderer(s) in all: once per frame per render group. */
  readonly renderedFrames: number;
  /** Frames the renderer found unchanged: sent again without drawing or converting them. */
  readonly reusedFrames: number;
  readonly elapsedSeconds: number;
  readonly ffmpeg: {
    readonly path: string;
    readonly version: string;
    readonly source: FoundFfmpeg['source'];
  } | null;
}

export interface ExportBatchOptions {
  readonly project: Project;
  readonly assets: AssetMap;
  readonly outputs: readonly BatchOutputRequest[];
  readonly range?: RangeRequest;
  readonly ffmpeg?: FfmpegChoice['ffmpeg'];
  readonly ffmpegDiscovery?: FfmpegChoice['ffmpegDiscovery'];
  /** Cancels every output. */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: OutputProgress) => void) | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** Captions, post text and cover beside each video; default true. */
  readonly sidecars?: boolean | undefined;
  /** Read each finished file back with ffprobe and judge it; default true. */
  readonly check?: boolean | undefined;
  /** Whether a file already at an output's (or its sidecars') name may be replaced; default never. */
  readonly replace?: ReplacePolicy | undefined;
  /**
   * Check the captions and end card on rendered frames and add their problems to each output's
   * warnings (see readabilityReport); default false, as the CLI prints them itself.
   */
  readonly readability?: boolean | undefined;
  /** Replaces the project renderer (tests, benchmarks). */
  readonly createFrameSource?:
    ((request: FrameSourceRequest) => FrameSource | Promise<FrameSource>) | undefined;
  /** Report every frame rather than a few times a second (a single export's progress). */
  readonly progressEveryFrame?: boolean | undefined;
  /**
   * Chunks of the range rendered and encoded at once, then joined without re-encoding
   * (video outputs only; a render group with a GIF is made in one pass). Default 'auto':
   * one pass up to 2 cores (see chunks/chunkPlan.ts).
   */
  readonly jobs?: number | 'auto' | undefined;
}

export interface BatchJob {
  /** Resolves when every output is done, cancelled or failed; never rejects. */
  readonly done: Promise<BatchResult>;
  /** Cancels one output (the others carry on), or all of them. */
  cancel(outputId?: string): void;
  /** Why an output did not finish, whole (the result carries its plain parts); null when it did. */
  errorOf(outputId: string): ExportError | null;
}

/**
 * Several outputs from one render: each frame is drawn once per render group (see
 * `planBatch`) and handed to one encoder per output. The hand-over waits for every encoder
 * that took the frame to want more, so the slowest sets the pace and at most a frame or two
 * wait in memory per output. Each output has its own `.part` file, cancel and failure: one
 * going wrong leaves the others running and leaves no partial file behind.
 */
export function startBatch(options: ExportBatchOptions): BatchJob {
  const runs = new Map<string, OutputRun>();
  const startedAt = performance.now();
  const log = options.log ?? ((): void => undefined);
  const emit = (p: OutputProgress): void => {
    try {
      options.onProgress?.(p);
    } catch (err) {
      log(`A progress listener failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  let groups: RenderGroup[] = [];
  let setupError: ExportError | null = null;
  try {
    if (new Set(options.outputs.map((o) => o.id)).size !== options.outputs.length)
      throw new ExportError('write-failed', 'Each output of an export needs its own name.');
    groups = planBatch(options.project, options.outputs);
  } catch (err) {
    setupError = toExportError(err, undefined, () => 0);
  }
  for (const group of groups) {
    for (const planned of group.outputs)
      runs.set(
        planned.request.id,
        new OutputRun(planned, emit, options.progressEveryFrame === true, options.replace ?? 'never'),
      );
  }
  // The batch's one signal: aborted by the caller's, or once no output is left to make.
  const batchAbort = new AbortController();
  const cancel = (id?: string): void => {
    for (const run of runs.values()) if (id === undefined || run.id === id) void run.cancel();
    if (![...runs.values()].some((r) => r.live)) batchAbort.abort();
  };
  const onAbort = (): void => cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const done = (async (): Promise<BatchResult> => {
    let renderedFrames = 0;
    let reusedFrames = 0;
    let ffmpeg: FoundFfmpeg | null = null;
    let early: EarlyFrameSource | null = null;
    try {
      if (setupError !== null) throw setupError;
      if (options.signal?.aborted) cancel();
      ffmpeg = await findFfmpeg(options, () => {
        early ??= openEarly(groups[0], options, log, batchAbort.signal);
      });
      log(`Using ffmpeg ${ffmpeg.version} from ${ffmpeg.source}: ${ffmpeg.path}`);
      const warnings = ffmpegWarnings(ffmpeg);
      for (const run of runs.values()) {
        run.warnings.push(...warnings);
        // Cancelled while ffmpeg was found (the renderer is prepared meanwhile): no file for it.
        if (!run.live) continue;
        // A folder that cannot take one file fails that output only.
        await checkOutputFolder(run.finalPath)
          .then(async () => {
            run.names = await createPart(run.names);
          })
          .catch((err: unknown) => run.fail(toExportError(err, undefined, () => 0)));
      }
      if (options.readability === true) await addReadabilityWarnings(options, [...runs.values()], log);
      const context: GroupContext = {
        options,
        ffmpeg,
        log,
        probe: lazyFfprobe(ffmpeg.path),
        signal: batchAbort.signal,
      };
      for (const group of groups) {
        const active = group.outputs.map((o) => runs.get(o.request.id) as OutputRun).filter((r) => r.live);
        if (active.length === 0) continue;
        const counts = await runGroup(group, active, context, group === groups[0] ? early : null);
        renderedFrames += counts.drawn;
        reusedFrames += counts.reused;
      }
    } catch (err) {
      const failure = toExportError(err, undefined, () => 0);
      if (setupError !== null && runs.size === 0) {
        return {
          outputs: options.outputs.map((o) => failedResult(o, failure)),
          renderedFrames: 0,
          reusedFrames: 0,
          elapsedSeconds: 0,
          ffmpeg: null,
        };
      }
      for (const run of runs.values()) await run.fail(failure);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      // Opened for a group that did not run (no ffmpeg, no output left): freed. (The cast: `early`
      // is set in the probe's callback, which TypeScript's narrowing does not follow.)
      await (early as EarlyFrameSource | null)?.discard();
      // Whatever happened, nothing of an output that did not finish stays on disk.
      await Promise.all([...runs.values()].map((run) => run.settle()));
    }
    return {
      outputs: options.outputs.map((o) => (runs.get(o.id) as OutputRun).result()),
      renderedFrames,
      reusedFrames,
      elapsedSeconds: (performance.now() - startedAt) / 1000,
      ffmpeg: ffmpeg === null ? null : { path: ffmpeg.path, version: ffmpeg.version, source: ffmpeg.source },
    };
  })();
  const errorOf = (id: string): ExportError | null => setupError ?? runs.get(id)?.failure ?? null;
  return { done, cancel, errorOf };
}

/** Each output gets the readability problems for its platform's safe zone (a draft: all of them). */
async function addReadabilityWarnings(
  options: ExportBatchOptions,
  runs: OutputRun[],
  log: (line: string) => void,
) {
  const byZone = new Map<SafeZoneChoice, Promise<string[]>>();
  for (const run of runs) {
    const zone = run.planned.preset.platform ?? 'all';
    if (!byZone.has(zone)) byZone.set(zone, readabilityReport(options.project, options.assets, zone));
    try {
      run.warnings.push(...(await (byZone.get(zone) as Promise<string[]>)));
    } catch (err) {
      // The check is advice: the export goes on without it.
      log(`The readability check failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
  }
}

/** Runs a batch to the end (cancel through `signal`). */
export function exportBatch(options: ExportBatchOptions): Promise<BatchResult> {
  return startBatch(options).done;
}

interface GroupContext {
  readonly options: ExportBatchOptions;
  readonly ffmpeg: FoundFfmpeg;
  readonly log: (line: string) => void;
  readonly probe: () => Promise<string | null>;
  readonly signal: AbortSignal;
}

/**
 * One render group through the stages: its frames are rendered once and fed to its outputs.
 * Returns the frames drawn and reused. Whatever happens, every output of the group is settled
 * (its ffmpeg stopped, its partial file gone) and the frame source destroyed before it returns.
 */
async function runGroup(
  group: RenderGroup,
  runs: OutputRun[],
  ctx: GroupContext,
  early: EarlyFrameSource | null,
): Promise<{ drawn: number; reused: number }> {
  const { options, ffmpeg, log, signal } = ctx;
  const range = resolveRange(options.project, group.fps, options.range);
  const rangeStart = range.first / group.fps;
  const rangeEnd = (range.first + range.count) / group.fps;
  const tempDir = await mkdtemp(path.join(tmpdir(), 'kindness-batch-'));
  let source: FrameSource | null = null;
  let counts = { drawn: 0, reused: 0 };
  try {
    const audioWarnings: string[] = [];
    const needsAudio = runs.some((r) => r.planned.preset.id !== 'gif');
    const audioClips = needsAudio
      ? await prepareAudio(
          { ...options, signal },
          ffmpeg.path,
          tempDir,
          rangeStart,
          rangeEnd,
          log,
          audioWarnings,
        )
      : [];
    const live = runs.filter((r) => r.live);
    for (const run of live) if (run.planned.preset.id !== 'gif') run.warnings.push(...audioWarnings);
    const encoderInput = {
      group,
      runs: live,
      renderedCount: range.count,
      audioClips,
      ffmpeg,
      project: options.project,
      tempDir,
      log,
    };
    const chunks = chunksFor(group, live, range.count, options);
    if (chunks.length > 1) {
      // Each chunk draws in its own renderer: this one would only hold memory meanwhile.
      await early?.discard();
      log(`Exporting in ${chunks.length} chunks at once, joined without re-encoding.`);
      const videos = startChunkedEncoders(encoderInput, chunks);
      const renderInput = {
        project: options.project,
        assets: options.assets,
        width: group.width,
        height: group.height,
        fps: group.fps,
        watermark: group.watermark,
        rangeFirst: range.first,
        createFrameSource: options.createFrameSource,
        log,
      };
      counts = await pumpChunks(chunks, videos, runs, (c, s) => openChunkFrames(renderInput, c, s), signal);
      // The cover is drawn in this thread, once the chunks' renderers are gone.
      if (options.sidecars !== false)
        source = await openGroupSource(group, range.first, options, log, signal);
    } else {
      source = await (early?.take() ?? openGroupSource(group, range.first, options, log, signal));
      startEncoders(encoderInput);
      // ffmpeg's own start-up (0.1-0.2 s) then overlaps the first frame's drawing, which would
      // otherwise hold fluent-ffmpeg's deferred spawn back until the first frame was handed over.
      await Promise.all(live.map((run) => run.running()));
      counts = await pumpFrames(source, runs, range.count, signal);
    }
    await finishOutputs(runs, {
      project: options.project,
      source,
      rangeStart,
      rangeEnd,
      fps: group.fps,
      renderedCount: range.count,
      sidecars: options.sidecars !== false,
      check: options.check !== false,
      replace: options.replace,
      probe: ctx.probe,
    });
  } catch (err) {
    const failure = toExportError(err, signal, (index) => (range.first + index) / group.fps);
    await Promise.all(runs.filter((r) => r.live).map((r) => r.fail(failure)));
  } finally {
    await early?.discard();
    await Promise.all(runs.map((r) => r.settle()));
    try {
      source?.destroy();
    } catch (err) {
      log(`The renderer did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
    }
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
  return counts;
}

/**
 * The first group's frame source, opened while ffmpeg answers its probe (EarlyFrameSource); null
 * when there is no group or its range is not valid (the group then says why, as before).
 */
function openEarly(
  group: RenderGroup | undefined,
  options: ExportBatchOptions,
  log: (line: string) => void,
  signal: AbortSignal,
): EarlyFrameSource | null {
  if (group === undefined) return null;
  let first: number;
  try {
    first = resolveRange(options.project, group.fps, options.range).first;
  } catch {
    return null;
  }
  return new EarlyFrameSource(() => openGroupSource(group, first, options, log, signal));
}

function openGroupSource(
  group: RenderGroup,
  firstFrame: number,
  options: ExportBatchOptions,
  log: (line: string) => void,
  signal: AbortSignal,
): Promise<FrameSource> {
  return openFrameSource(
    {
      width: group.width,
      height: group.height,
      fps: group.fps,
      firstFrame,
      watermark: group.watermark,
      log,
      signal,
    },
    options.project,
    options.assets,
    options.createFrameSource,
  );
}

/**
 * The chunks of a render group's range: one (a single pass) unless more jobs were asked for or
 * auto finds them worth it, and always one with a GIF (its palette is made over the whole clip).
 * Auto chunks only where they are drawn in parallel (worker threads).
 */
function chunksFor(
  group: RenderGroup,
  runs: readonly OutputRun[],
  count: number,
  options: ExportBatchOptions,
): Chunk[] {
  const whole = [{ index: 0, first: 0, count }];
  const requested = options.jobs ?? 'auto';
  if (requested !== 'auto' && !(requested > 1)) return whole;
  if (runs.length === 0 || runs.some((r) => r.planned.preset.id === 'gif')) return whole;
  if (requested === 'auto' && !parallelChunksAvailable(options.createFrameSource)) return whole;
  const gop = gopFrames(group.fps, (runs[0]?.planned.preset as ExportPreset).video.gopSeconds);
  return planChunks(count, jobsFor(requested, count, gop), gop);
}

function lazyFfprobe(ffmpegPath: string): () => Promise<string | null> {
  let found: Promise<string | null> | null = null;
  return () =>
    (found ??= discoverFfprobe({ besideFfmpeg: ffmpegPath }).then(
      (f) => f.path,
      () => null,
    ));
}
