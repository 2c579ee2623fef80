import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { SafeZoneChoice } from '../../core/captions';
import type { Project } from '../../core/schema';
import type { ReplacePolicy } from '../../node/files';
import { ffmpegFeaturesFor, rawFrameBytes, type EncodeSettings, type InputPixFmt } from '../encodeSettings';
import { type Encoder } from '../encoder/encoder';
import { createFluentEncoder } from '../encoder/fluentEncoder';
import { ExportError, isDiskFull, type ExportErrorKind } from '../errors';
import { CANCELLED_MESSAGE, toExportError } from '../pipeline/failures';
import {
  createPart,
  discardPartial,
  moveIntoPlace,
  placeCopy,
  reserveOutputNames,
  writeOutputSidecars,
  type FinishedFileCheck,
  type OutputNames,
} from '../pipeline/finishing';
import { FrameFormats } from '../pipeline/frameConversion';
import {
  checkOutputFolder,
  ffmpegWarnings,
  findFfmpeg,
  prepareAudio,
  resolveRange,
  type FfmpegChoice,
  type RangeRequest,
} from '../pipeline/prepare';
import {
  buildFfmpegInvocation,
  buildGifInvocation,
  buildRemuxInvocation,
  toArgList,
  type FfmpegInvocation,
} from '../ffmpeg/args';
import { runTool } from '../ffmpeg/runTool';
import { discoverFfprobe, type FoundFfmpeg } from '../ffmpeg/discover';
import { readabilityReport } from '../readabilityReport';
import { FrameRenderError, type FrameSource, type FrameSourceRequest } from '../frameSource';
import type { ExportPreset, OutputPresetId } from '../presets';
import { createProjectFrameSource } from '../projectFrameSource';
import { postText } from '../sidecars/postText';
import { checkOutput } from '../verify/checkOutput';
import { decodeProblem } from '../verify/decodeCheck';
import type { OutputReport } from '../verify/outputReport';
import {
  planBatch,
  presetIdOf,
  type BatchOutputRequest,
  type PlannedOutput,
  type RenderGroup,
} from './batchPlan';

export type { BatchOutputRequest } from './batchPlan';

/** Adding the sound to a copied video takes seconds; this only guards against a hung ffmpeg. */
const REMUX_TIMEOUT_MS = 10 * 60_000;

export type OutputState = 'waiting' | 'running' | 'saving' | 'checking' | 'done' | 'cancelled' | 'failed';

export interface OutputProgress {
  readonly id: string;
  readonly state: OutputState;
  /** Frames handed to this output's encoder. */
  readonly frame: number;
  readonly totalFrames: number;
  /** 0..100; 100 once the file is saved. */
  readonly percent: number;
  /** Seconds left at the render's pace so far; null until it is known. */
  readonly etaSeconds: number | null;
}

export interface OutputFailure {
  readonly kind: ExportErrorKind;
  /** One or two plain sentences. */
  readonly message: string;
  /** The technical part (ffmpeg's last lines), for a collapsible log. */
  readonly detail: string;
}

export interface BatchOutputResult {
  readonly id: string;
  readonly preset: OutputPresetId;
  readonly state: 'done' | 'cancelled' | 'failed';
  readonly outputPath: string;
  readonly sidecars: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  readonly durationSeconds: number;
  readonly warnings: readonly string[];
  readonly error: OutputFailure | null;
  /** The file read back and held against its platform's limits (done outputs, when checked). */
  readonly report: OutputReport | null;
}

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
  readonly assets: ReadonlyMap<string, Uint8Array>;
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
  const cancel = (id?: string): void => {
    for (const run of runs.values()) if (id === undefined || run.id === id) void run.cancel();
  };
  const onAbort = (): void => cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const done = (async (): Promise<BatchResult> => {
    let renderedFrames = 0;
    let reusedFrames = 0;
    let ffmpeg: FoundFfmpeg | null = null;
    try {
      if (setupError !== null) throw setupError;
      if (options.signal?.aborted) cancel();
      ffmpeg = await findFfmpeg(options);
      log(`Using ffmpeg ${ffmpeg.version} from ${ffmpeg.source}: ${ffmpeg.path}`);
      const warnings = ffmpegWarnings(ffmpeg);
      for (const run of runs.values()) {
        run.warnings.push(...warnings);
        // A folder that cannot take one file fails that output only.
        await checkOutputFolder(run.finalPath)
          .then(async () => {
            run.names = await createPart(run.names);
          })
          .catch((err: unknown) => run.fail(toExportError(err, undefined, () => 0)));
      }
      if (options.readability === true) await addReadabilityWarnings(options, [...runs.values()], log);
      const context: GroupContext = { options, ffmpeg, log, probe: lazyFfprobe(ffmpeg.path) };
      for (const group of groups) {
        const active = group.outputs.map((o) => runs.get(o.request.id) as OutputRun).filter((r) => r.live);
        if (active.length === 0) continue;
        const counts = await runGroup(group, active, context);
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
}

/** Renders one group's frames once and feeds them to its outputs; returns the frames drawn and reused. */
async function runGroup(
  group: RenderGroup,
  runs: OutputRun[],
  ctx: GroupContext,
): Promise<{ drawn: number; reused: number }> {
  const { options, ffmpeg, log } = ctx;
  const range = resolveRange(options.project, group.fps, options.range);
  const rangeStart = range.first / group.fps;
  const rangeEnd = (range.first + range.count) / group.fps;
  const tempDir = await mkdtemp(path.join(tmpdir(), 'kindness-batch-'));
  let source: FrameSource | null = null;
  let drawn = 0;
  let reused = 0;
  try {
    const audioWarnings: string[] = [];
    const needsAudio = runs.some((r) => r.planned.preset.id !== 'gif');
    const audioClips = needsAudio
      ? await prepareAudio(options, ffmpeg.path, tempDir, rangeStart, rangeEnd, log, audioWarnings)
      : [];
    const create =
      options.createFrameSource ??
      ((request) => createProjectFrameSource(options.project, options.assets, request));
    source = await create({
      width: group.width,
      height: group.height,
      fps: group.fps,
      firstFrame: range.first,
      watermark: group.watermark,
      log,
    });
    if (source.width !== group.width || source.height !== group.height) {
      throw new Error(
        `the renderer made ${source.width}x${source.height} frames, not ${group.width}x${group.height}`,
      );
    }
    const frameBytes = group.width * group.height * 4;
    const encoderFor = (
      label: string,
      invocation: ReturnType<typeof buildFfmpegInvocation>,
      pixFmt: InputPixFmt,
    ): Encoder => {
      log(`ffmpeg (${label}) ${toArgList(invocation).join(' ')}`);
      return createFluentEncoder({
        ffmpegPath: ffmpeg.path,
        invocation,
        frameBytes: rawFrameBytes(pixFmt, group.width, group.height),
        onLogLine: (line) => log(`ffmpeg (${label}): ${line}`),
      });
    };
    const live = runs.filter((r) => r.live);
    for (const run of live) if (run.planned.preset.id !== 'gif') run.warnings.push(...audioWarnings);
    // Outputs whose video settings are identical (TikTok, Reels and Shorts today) share one
    // video encode; each then gets its own audio and metadata around a copy of that video.
    for (const members of sameVideo(live)) {
      if (members.length === 1) {
        const run = members[0] as OutputRun;
        const invocation = invocationFor(run, group, range.count, audioClips, ffmpeg, options.project);
        run.begin(range.count, encoderFor(run.id, invocation, run.pixFmt), ffmpeg.path, log);
        continue;
      }
      const first = members[0] as OutputRun;
      const videoFile = path.join(tempDir, `video-${first.id}.mp4`);
      const invocation = buildFfmpegInvocation({
        ...encodeSettingsFor(first, group, range.count, [], ffmpeg, options.project),
        metadata: { title: '', comment: '', description: '' },
        faststart: false,
        outputPath: videoFile,
      });
      const label = members.map((m) => m.id).join('+');
      const shared = new SharedVideo(encoderFor(label, invocation, 'yuv420p'), videoFile);
      for (const run of members) {
        const settings = encodeSettingsFor(run, group, range.count, audioClips, ffmpeg, options.project);
        run.beginShared(range.count, shared, buildRemuxInvocation(settings, videoFile), ffmpeg.path, log);
      }
    }

    const pace = { startedAt: performance.now(), done: 0 };
    const formats = new FrameFormats(group.width, group.height);
    let previous: Uint8Array | null = null;
    for (let i = 0; i < range.count; i++) {
      const live = runs.filter((r) => r.live);
      if (live.length === 0) break;
      const wanting = live.filter((r) => i % r.planned.step === 0);
      if (wanting.length === 0) continue;
      let pixels: Uint8Array;
      try {
        const drawnPixels = source.renderFrame(i);
        drawn++;
        if (drawnPixels === null) reused++;
        pixels = drawnPixels ?? (previous as Uint8Array);
        if (pixels === null) throw new Error('the first frame was reported unchanged');
        if (pixels.byteLength !== frameBytes)
          throw new Error(`expected ${frameBytes} bytes of pixels, got ${pixels.byteLength}`);
      } catch (err) {
        throw new FrameRenderError(i, err);
      }
      previous = pixels;
      formats.set(pixels);
      pace.done = i + 1;
      const elapsed = (performance.now() - pace.startedAt) / 1000;
      const eta = pace.done >= 10 || elapsed >= 1 ? (elapsed / pace.done) * (range.count - pace.done) : null;
      await Promise.all(wanting.map((r) => r.write(i, formats, eta)));
      // Let the event loop turn so finished frames' native buffers are freed (flat memory).
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }

    const finishing = runs.filter((r) => r.live);
    await Promise.all(
      finishing.map(async (run) => {
        if (!(await run.save())) return;
        if (run.planned.preset.id !== 'gif' && options.sidecars !== false && source !== null) {
          const sidecars = await writeOutputSidecars({
            project: options.project,
            videoPath: run.finalPath,
            rangeStart,
            rangeEnd,
            fps: group.fps,
            platform: run.planned.preset.platform,
            renderPng: source.renderPng?.bind(source),
            replace: options.replace,
          });
          run.sidecars.push(...sidecars.files);
          run.warnings.push(...sidecars.warnings);
        } else if (run.planned.preset.platform !== null) {
          run.warnings.push(...postText(options.project.post, run.planned.preset.platform).warnings);
        }
        if (options.check !== false) await run.check(await ctx.probe(), range.count);
        run.finish();
      }),
    );
  } catch (err) {
    const failure = toExportError(err, undefined, (index) => (range.first + index) / group.fps);
    await Promise.all(runs.filter((r) => r.live).map((r) => r.fail(failure)));
  } finally {
    await Promise.all(runs.map((r) => r.settle()));
    try {
      source?.destroy();
    } catch (err) {
      log(`The renderer did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
    }
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
  return { drawn, reused };
}

function invocationFor(
  run: OutputRun,
  group: RenderGroup,
  renderedCount: number,
  audioClips: EncodeSettings['audioClips'],
  ffmpeg: FoundFfmpeg,
  project: Project,
): ReturnType<typeof buildFfmpegInvocation> {
  const { planned } = run;
  const source = { width: group.width, height: group.height };
  if (planned.preset.id === 'gif') {
    return buildGifInvocation({
      source,
      width: planned.width,
      height: planned.height,
      fps: planned.fps,
      frameCount: Math.ceil(renderedCount / planned.step),
      maxColors: planned.preset.maxColors,
      bayerScale: planned.preset.bayerScale,
      loop: planned.preset.loop,
      outputPath: run.partPath,
    });
  }
  return buildFfmpegInvocation(encodeSettingsFor(run, group, renderedCount, audioClips, ffmpeg, project));
}

function encodeSettingsFor(
  run: OutputRun,
  group: RenderGroup,
  renderedCount: number,
  audioClips: EncodeSettings['audioClips'],
  ffmpeg: FoundFfmpeg,
  project: Project,
): EncodeSettings {
  const { planned } = run;
  const source = { width: group.width, height: group.height };
  const preset = planned.preset as ExportPreset;
  const post = postText(project.post, preset.platform);
  return {
    width: planned.width,
    height: planned.height,
    source,
    inputPixFmt: run.pixFmt,
    fps: planned.fps,
    frameCount: renderedCount,
    video: preset.video,
    audio: preset.audio,
    faststart: preset.faststart,
    audioClips,
    metadata: { title: project.title, comment: post.text, description: post.text },
    outputPath: run.partPath,
    features: ffmpegFeaturesFor(ffmpeg.version),
  };
}

/** Video outputs with identical video settings, grouped (GIFs each stand alone). */
function sameVideo(runs: readonly OutputRun[]): OutputRun[][] {
  const groups = new Map<string, OutputRun[]>();
  for (const run of runs) {
    const p = run.planned;
    const key =
      p.preset.id === 'gif'
        ? `gif:${run.id}`
        : JSON.stringify([p.width, p.height, p.fps, (p.preset as ExportPreset).video]);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()];
}

/**
 * One video encode feeding several outputs. It takes each frame once, however many outputs
 * share it, and is stopped when every one of them has been cancelled or has failed.
 */
class SharedVideo {
  private readonly sink: Writable;
  private readonly members = new Set<OutputRun>();
  private lastFrame = -1;
  private lastWrite: Promise<void> = Promise.resolve();
  private finishing: Promise<boolean> | null = null;
  private readonly sameFiles = new Map<string, Promise<string | ExportError>>();

  constructor(
    readonly encoder: Encoder,
    readonly file: string,
  ) {
    this.sink = encoder.start();
    this.sink.on('error', () => undefined);
  }

  join(run: OutputRun): void {
    this.members.add(run);
  }

  /** Hands frame `index` over once, whichever member asks first. */
  write(index: number, frame: FrameFormats): Promise<void> {
    if (index === this.lastFrame) return this.lastWrite;
    this.lastFrame = index;
    this.lastWrite = writeWithDrain(this.sink, frame.get('yuv420p'));
    return this.lastWrite;
  }

  /** Ends the input and waits for the video file; false when the encode failed or was stopped. */
  finish(): Promise<boolean> {
    this.finishing ??= (async () => {
      await endSink(this.sink);
      return this.encoder.finished.then(
        () => true,
        () => false,
      );
    })();
    return this.finishing;
  }

  /**
   * The finished file of one member: this video with its sound and metadata. Members whose
   * files would be identical (TikTok and Reels today: the same video, audio and post text)
   * share one run, made once beside the video and copied under each name.
   */
  withSound(remux: FfmpegInvocation, ffmpegPath: string): Promise<string | ExportError> {
    const key = JSON.stringify(toArgList({ ...remux, output: '' }));
    let made = this.sameFiles.get(key);
    if (made === undefined) {
      const file = this.file.replace(/\.mp4$/, `-${this.sameFiles.size}.mp4`);
      made = addSound({ ...remux, output: file }, ffmpegPath).then((failure) => failure ?? file);
      this.sameFiles.set(key, made);
    }
    return made;
  }

  /** A member left (cancelled, failed): with none left, the encode stops. */
  async leave(run: OutputRun): Promise<void> {
    this.members.delete(run);
    if ([...this.members].some((m) => m.live)) return;
    this.sink.destroy();
    await this.encoder.abort();
  }
}

/** Copies the video and adds a member's sound and metadata; an ExportError when that failed. */
async function addSound(remux: FfmpegInvocation, ffmpegPath: string): Promise<ExportError | null> {
  try {
    const result = await runTool(ffmpegPath, toArgList(remux), REMUX_TIMEOUT_MS);
    if (result.code === 0) return null;
    return new ExportError(
      isDiskFull(null, result.stderr.split('\n')) ? 'disk-full' : 'ffmpeg-failed',
      'ffmpeg could not add the sound to the video.',
      result.stderr.trim().split('\n').slice(-6).join('\n'),
    );
  } catch (err) {
    return new ExportError('ffmpeg-failed', 'ffmpeg could not add the sound to the video.', String(err));
  }
}

function writeWithDrain(sink: Writable, pixels: Uint8Array): Promise<void> {
  if (sink.destroyed || sink.writableEnded) return Promise.resolve();
  if (sink.write(pixels)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

function endSink(sink: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    if (sink.destroyed || sink.writableFinished) return resolve();
    sink.once('close', () => resolve());
    sink.once('finish', () => resolve());
    sink.end();
  });
}

function lazyFfprobe(ffmpegPath: string): () => Promise<string | null> {
  let found: Promise<string | null> | null = null;
  return () =>
    (found ??= discoverFfprobe({ besideFfmpeg: ffmpegPath }).then(
      (f) => f.path,
      () => null,
    ));
}

function failedResult(request: BatchOutputRequest, error: ExportError): BatchOutputResult {
  return {
    id: request.id,
    preset: presetIdOf(request),
    state: 'failed',
    outputPath: reserveOutputNames(request.outputPath).finalPath,
    sidecars: [],
    width: 0,
    height: 0,
    fps: 0,
    frames: 0,
    durationSeconds: 0,
    warnings: [],
    error: plainFailure(error),
    report: null,
  };
}

/** The message's first line for the creator; the rest (ffmpeg's own words) goes to the detail. */
export function plainFailure(error: ExportError): OutputFailure {
  const [first = '', ...rest] = error.message.split('\n');
  const detail = [...rest, error.detail].filter((l) => l.trim() !== '').join('\n');
  return { kind: error.kind, message: first, detail };
}

/** One output's life: encoder, `.part` file, progress, cancel and failure. */
class OutputRun {
  readonly id: string;
  names: OutputNames;
  /** What this output's encoder reads: frames converted before the pipe, or RGBA for a GIF's palette. */
  readonly pixFmt: InputPixFmt;
  readonly warnings: string[] = [];
  readonly sidecars: string[] = [];
  private state: OutputState = 'waiting';
  private encoder: Encoder | null = null;
  private sink: Writable | null = null;
  /** Set when this output's video comes from an encode it shares with others. */
  private shared: { video: SharedVideo; remux: FfmpegInvocation; ffmpegPath: string } | null = null;
  private sent = 0;
  private total: number;
  private eta: number | null = null;
  private error: ExportError | null = null;
  private report: OutputReport | null = null;
  private cleanup: Promise<void> = Promise.resolve();
  private lastEmit = 0;
  /** The ffmpeg that made it, which also decodes it once more before it is called done. */
  private ffmpegPath: string | null = null;
  /** Aborted on cancel or failure: stops the decode check at once. */
  private readonly stopped = new AbortController();

  constructor(
    readonly planned: PlannedOutput,
    private readonly emit: (p: OutputProgress) => void,
    private readonly everyFrame: boolean,
    private readonly replace: ReplacePolicy,
  ) {
    this.id = planned.request.id;
    this.names = reserveOutputNames(planned.request.outputPath);
    this.pixFmt = planned.preset.id === 'gif' ? 'rgba' : 'yuv420p';
    this.total = 0;
  }

  get finalPath(): string {
    return this.names.finalPath;
  }

  get partPath(): string {
    return this.names.partPath;
  }

  /** Why it did not finish; null while it may still, and once it did. */
  get failure(): ExportError | null {
    return this.state === 'done' ? null : this.error;
  }

  /** Still wanted: not cancelled, not failed, not finished. */
  get live(): boolean {
    return this.state === 'waiting' || this.state === 'running' || this.state === 'saving';
  }

  begin(renderedCount: number, encoder: Encoder, ffmpegPath: string, log: (line: string) => void): void {
    this.total = Math.ceil(renderedCount / this.planned.step);
    this.encoder = encoder;
    this.ffmpegPath = ffmpegPath;
    this.state = 'running';
    const sink = encoder.start();
    this.sink = sink;
    // ffmpeg closing its input shows up here; `finished` says whether it failed.
    sink.on('error', () => undefined);
    encoder.finished.catch((err: unknown) => {
      if (this.live) void this.fail(toExportError(err, undefined, () => 0));
    });
    if (encoder.pid !== undefined) log(`ffmpeg for ${this.id} started (pid ${encoder.pid}).`);
    this.progress(true);
  }

  beginShared(
    renderedCount: number,
    video: SharedVideo,
    remux: FfmpegInvocation,
    ffmpegPath: string,
    log: (line: string) => void,
  ): void {
    this.total = renderedCount;
    this.state = 'running';
    this.shared = { video, remux, ffmpegPath };
    this.ffmpegPath = ffmpegPath;
    video.join(this);
    video.encoder.finished.catch((err: unknown) => {
      if (this.live) void this.fail(toExportError(err, undefined, () => 0));
    });
    log(`${this.id} shares its video encode; its own file is made by ${toArgList(remux).join(' ')}`);
    this.progress(true);
  }

  /** Hands one frame over; resolves when the encoder wants more (or is gone). */
  write(index: number, frame: FrameFormats, eta: number | null): Promise<void> {
    if (this.shared !== null) {
      if (!this.live) return Promise.resolve();
      this.sent++;
      this.eta = eta;
      this.progress(false);
      return this.shared.video.write(index, frame);
    }
    const sink = this.sink;
    if (sink === null || !this.live || sink.destroyed || sink.writableEnded) return Promise.resolve();
    this.sent++;
    this.eta = eta;
    this.progress(false);
    if (sink.write(frame.get(this.pixFmt))) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        sink.off('drain', done);
        sink.off('close', done);
        resolve();
      };
      sink.on('drain', done);
      sink.on('close', done);
    });
  }

  /** Ends the input, waits for ffmpeg and renames the file; false when it did not get there. */
  async save(): Promise<boolean> {
    if (this.shared !== null) return this.saveShared(this.shared);
    const sink = this.sink;
    const encoder = this.encoder;
    if (!this.live || sink === null || encoder === null) return false;
    this.state = 'saving';
    this.progress(true);
    await new Promise<void>((resolve) => {
      if (sink.destroyed) return resolve();
      sink.once('close', () => resolve());
      sink.once('finish', () => resolve());
      sink.end();
    });
    try {
      await encoder.finished;
    } catch {
      return false; // failed or cancelled: `fail`/`cancel` clean up
    }
    if (!this.live) return false;
    return this.moveIntoPlace();
  }

  /** The finished `.part` file takes its final name; a failure (a full disk, say) fails the output. */
  private async moveIntoPlace(): Promise<boolean> {
    try {
      await moveIntoPlace(
        this.names,
        this.planned.preset.id === 'gif' ? 'GIF' : 'video',
        this.replace,
        this.decodeCheck(),
      );
    } catch (err) {
      await this.fail(toExportError(err, undefined, () => 0));
      return false;
    }
    return true;
  }

  private async saveShared(shared: NonNullable<OutputRun['shared']>): Promise<boolean> {
    if (!this.live) return false;
    this.state = 'saving';
    this.progress(true);
    if (!(await shared.video.finish()) || !this.live) return false;
    const made = await shared.video.withSound(shared.remux, shared.ffmpegPath);
    if (made instanceof ExportError) {
      await this.fail(made);
      return false;
    }
    if (!this.live) return false;
    try {
      await placeCopy(made, this.names, 'video', this.replace, this.decodeCheck());
    } catch (err) {
      await this.fail(toExportError(err, undefined, () => 0));
      return false;
    }
    return true;
  }

  /** Decodes the finished file to the end before it takes its name (see decodeCheck.ts). */
  private decodeCheck(): FinishedFileCheck | undefined {
    const ffmpegPath = this.ffmpegPath;
    if (ffmpegPath === null) return undefined;
    return async (file) => {
      const problem = await decodeProblem(ffmpegPath, file, this.stopped.signal);
      // Cancelled while it was read back: it must not take its name now.
      return this.live ? problem : (problem ?? 'the export was cancelled');
    };
  }

  async check(ffprobePath: string | null, renderedCount: number): Promise<void> {
    if (ffprobePath === null) {
      this.warnings.push('ffprobe was not found, so the file was not checked against the platform limits.');
      return;
    }
    this.state = 'checking';
    this.progress(true);
    const frames = Math.ceil(renderedCount / this.planned.step);
    this.report = await checkOutput(ffprobePath, this.finalPath, {
      preset: this.planned.preset,
      width: this.planned.width,
      height: this.planned.height,
      fps: this.planned.fps,
      frames,
      durationSeconds: frames / this.planned.fps,
    });
  }

  finish(): void {
    this.state = 'done';
    this.sent = this.total;
    this.progress(true);
  }

  cancel(): Promise<void> {
    if (!this.live) return this.cleanup;
    this.state = 'cancelled';
    this.error = new ExportError('cancelled', CANCELLED_MESSAGE);
    this.cleanup = this.stop();
    this.progress(true);
    return this.cleanup;
  }

  fail(error: ExportError): Promise<void> {
    if (!this.live) return this.cleanup;
    this.state = error.kind === 'cancelled' ? 'cancelled' : 'failed';
    this.error = error;
    this.cleanup = this.stop();
    this.progress(true);
    return this.cleanup;
  }

  /** Waits for any cleanup; an output left half-way (an unexpected error) is failed first. */
  async settle(): Promise<void> {
    if (this.state === 'saving' || this.state === 'running' || this.state === 'checking') {
      if (this.state === 'checking') this.state = 'done';
      else await this.fail(new ExportError('render-failed', 'The export stopped unexpectedly.'));
    }
    if (this.state === 'waiting') await this.fail(new ExportError('cancelled', CANCELLED_MESSAGE));
    await this.cleanup;
  }

  private async stop(): Promise<void> {
    this.stopped.abort();
    if (this.shared !== null) await this.shared.video.leave(this);
    this.sink?.destroy();
    if (this.encoder !== null) await this.encoder.abort();
    await discardPartial(this.names);
  }

  private progress(force: boolean): void {
    const now = performance.now();
    if (!force && !this.everyFrame && now - this.lastEmit < 100 && this.sent < this.total) return;
    this.lastEmit = now;
    const total = Math.max(1, this.total);
    this.emit({
      id: this.id,
      state: this.state,
      frame: this.sent,
      totalFrames: this.total,
      percent: this.state === 'done' ? 100 : Math.min(99, (this.sent / total) * 100),
      etaSeconds: this.state === 'running' ? this.eta : this.state === 'done' ? 0 : null,
    });
  }

  result(): BatchOutputResult {
    const final = this.state === 'done' ? 'done' : this.state === 'cancelled' ? 'cancelled' : 'failed';
    return {
      id: this.id,
      preset: presetIdOf(this.planned.request),
      state: final,
      outputPath: this.finalPath,
      sidecars: [...this.sidecars],
      width: this.planned.width,
      height: this.planned.height,
      fps: this.planned.fps,
      frames: this.total,
      durationSeconds: this.total / this.planned.fps,
      warnings: [...this.warnings],
      error:
        final === 'done'
          ? null
          : plainFailure(this.error ?? new ExportError('render-failed', 'The export stopped.')),
      report: this.report,
    };
  }
}
