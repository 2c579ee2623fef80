import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Project } from '../core/schema';
import { projectDuration } from '../core/timeline/timeline';
import {
  removeStaleLeftovers,
  reserveNames,
  reserveTempFile,
  type ReplacePolicy,
  type Reservation,
  type TempFile,
} from '../node/files';
import {
  ExportRangeError,
  exportFps,
  exportSize,
  ffmpegFeaturesFor,
  frameRange,
  planAudio,
  type AudioClipPlan,
  type EncodeSettings,
} from './encodeSettings';
import { EncoderError, EncoderInputClosedError, type Encoder } from './encoder/encoder';
import { createFluentEncoder } from './encoder/fluentEncoder';
import { DISK_FULL_MESSAGE, ExportError, fileErrorMessage, isDiskFull } from './errors';
import { analyzeAudio } from './audio/analyzeAudio';
import { buildFfmpegInvocation, toArgList } from './ffmpeg/args';
import {
  discoverFfmpeg,
  FfmpegNotFoundError,
  type DiscoverOptions,
  type FoundFfmpeg,
} from './ffmpeg/discover';
import { createFramePump, FrameRenderError } from './framePump';
import type { FrameSource, FrameSourceRequest } from './frameSource';
import { PRESETS, type ExportPreset, type PresetId } from './presets';
import { createProjectFrameSource } from './projectFrameSource';
import { postText } from './sidecars/postText';
import { sidecarPaths, writeSidecars } from './sidecars/writeSidecars';

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
  readonly assets: ReadonlyMap<string, Uint8Array>;
  /** The finished video's path; `NAME.part` is written first. */
  readonly outputPath: string;
  readonly preset: PresetId | ExportPreset;
  /** Part of the timeline to export, in seconds; the whole video by default. */
  readonly range?: { readonly from?: number | undefined; readonly to?: number | undefined } | undefined;
  /** An ffmpeg path the user chose, or one already found (skips the search). */
  readonly ffmpeg?: string | FoundFfmpeg | null | undefined;
  /** Where else to look for ffmpeg (environment, bundled binary); tests narrow it. */
  readonly ffmpegDiscovery?: Omit<DiscoverOptions, 'configuredPath'> | undefined;
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

export const CANCELLED_MESSAGE = 'The export was cancelled. No video was saved.';

/**
 * Renders the project and encodes it with ffmpeg into `outputPath`, through `NAME.part`
 * renamed only when ffmpeg succeeds. Once it has started, everything it started is undone on
 * cancel or failure (ffmpeg killed and waited for, `.part` and temporary files deleted).
 * Rejects only with ExportError.
 */
export async function exportVideo(options: ExportVideoOptions): Promise<ExportResult> {
  const { project, signal } = options;
  const log = options.log ?? ((): void => undefined);
  const startedAt = performance.now();
  if (signal?.aborted) throw new ExportError('cancelled', CANCELLED_MESSAGE);

  const preset = typeof options.preset === 'string' ? PRESETS[options.preset] : options.preset;
  const fps = exportFps(project, preset);
  const { width, height } = exportSize(project, preset);
  const range = resolveRange(project, fps, options.range);
  const rangeStart = range.first / fps;
  const rangeEnd = (range.first + range.count) / fps;
  const warnings: string[] = [];

  const ffmpeg = await findFfmpeg(options);
  log(`Using ffmpeg ${ffmpeg.version} from ${ffmpeg.source}: ${ffmpeg.path}`);
  for (const skipped of ffmpeg.skipped) {
    warnings.push(
      `The ffmpeg at ${String(skipped.path)} (${skipped.source}) was not used: ${skipped.problem}.`,
    );
  }
  if (ffmpeg.source === 'bundled') {
    warnings.push(
      'Using the ffmpeg bundled with Kindness Studio (a 2018 build). Installing a current ffmpeg is better.',
    );
  }

  const outputPath = path.resolve(options.outputPath);
  const replace = options.replace ?? 'never';
  await checkOutputFolder(outputPath);
  // What killed exports left here (their process gone) is cleared first, freeing its space.
  await removeStaleLeftovers(path.dirname(outputPath));
  const reservation = await reserveOutputNames(outputPath, options.sidecars !== false, replace);
  if (signal?.aborted) {
    await reservation.release();
    throw new ExportError('cancelled', CANCELLED_MESSAGE);
  }

  let part: TempFile | null = null;
  let tempDir: string | null = null;
  let source: FrameSource | null = null;
  let encoder: Encoder | null = null;
  let pump: ReturnType<typeof createFramePump> | null = null;
  let complete = false;
  let reusedFrames = 0;
  const onAbort = (): void => {
    pump?.destroy(new ExportError('cancelled', CANCELLED_MESSAGE));
    void encoder?.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    tempDir = await mkdtemp(path.join(tmpdir(), 'kindness-export-'));
    // ffmpeg writes into a hidden temp file we created first: never through a planted link.
    part = await reserveTempFile(outputPath);
    const partPath = part.path;
    const audioClips = await prepareAudio(options, ffmpeg.path, tempDir, rangeStart, rangeEnd, log, warnings);
    const post = postText(project.post, preset.platform);
    const settings: EncodeSettings = {
      width,
      height,
      fps,
      frameCount: range.count,
      video: preset.video,
      audio: preset.audio,
      faststart: preset.faststart,
      audioClips,
      metadata: { title: project.title, comment: post.text, description: post.text },
      outputPath: partPath,
      features: ffmpegFeaturesFor(ffmpeg.version),
    };
    const invocation = buildFfmpegInvocation(settings);
    log(`ffmpeg ${toArgList(invocation).join(' ')}`);

    const createSource = options.createFrameSource ?? defaultFrameSource(project, options.assets);
    source = await createSource({
      width,
      height,
      fps,
      firstFrame: range.first,
      watermark: preset.watermark,
      log,
    });
    throwIfCancelled(signal);

    const frameSource = source;
    const countingSource: FrameSource = {
      width: frameSource.width,
      height: frameSource.height,
      renderFrame(index) {
        const pixels = frameSource.renderFrame(index);
        if (pixels === null) reusedFrames++;
        return pixels;
      },
      destroy: () => undefined,
    };
    if (frameSource.width !== width || frameSource.height !== height) {
      throw new Error(
        `the renderer made ${frameSource.width}x${frameSource.height} frames, not ${width}x${height}`,
      );
    }

    encoder = createFluentEncoder({
      ffmpegPath: ffmpeg.path,
      invocation,
      frameBytes: width * height * 4,
      onLogLine: (line) => log(`ffmpeg: ${line}`),
    });
    const sink = encoder.start();
    const progress = progressReporter(range.count, options.onProgress, log);
    pump = createFramePump(countingSource, { frameCount: range.count, onFrame: progress.frame });

    let inputClosedEarly = false;
    try {
      await pipeline(pump, sink);
    } catch (err) {
      if (!(err instanceof EncoderInputClosedError)) throw err;
      // ffmpeg stopped reading: `finished` below says whether it failed or simply had enough.
      inputClosedEarly = true;
    }
    throwIfCancelled(signal);
    await encoder.finished;
    if (inputClosedEarly) log('ffmpeg finished before reading every frame.');
    throwIfCancelled(signal);
    try {
      await part.commit({ replace });
    } catch (err) {
      throw new ExportError(
        isDiskFull(err) ? 'disk-full' : 'write-failed',
        fileErrorMessage(err, 'The video could not be saved', outputPath),
      );
    }
    complete = true;
    if (encoder.pid !== undefined) log(`ffmpeg (pid ${encoder.pid}) finished.`);
    progress.done();

    const sidecarFiles: string[] = [];
    if (options.sidecars !== false) {
      try {
        const result = await writeSidecars({
          project,
          videoPath: outputPath,
          rangeStart,
          rangeEnd,
          platform: preset.platform,
          replace,
          renderCoverPng:
            frameSource.renderPng !== undefined
              ? (t) =>
                  (frameSource.renderPng as (time: number) => Uint8Array)(Math.min(t, rangeEnd - 0.5 / fps))
              : undefined,
        });
        sidecarFiles.push(...result.files);
        warnings.push(...result.warnings);
      } catch (err) {
        // The video is saved: a missing caption file is worth a warning, not a failed export.
        warnings.push(
          fileErrorMessage(err, 'The caption, post-text or cover files could not be written', outputPath),
        );
      }
    } else {
      warnings.push(...post.warnings);
    }

    return {
      outputPath,
      sidecars: sidecarFiles,
      frames: range.count,
      durationSeconds: range.count / fps,
      width,
      height,
      fps,
      ffmpeg: { path: ffmpeg.path, version: ffmpeg.version, source: ffmpeg.source },
      warnings,
      elapsedSeconds: (performance.now() - startedAt) / 1000,
      reusedFrames,
    };
  } catch (err) {
    throw toExportError(err, signal, (index) => (range.first + index) / fps);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!complete) {
      pump?.destroy();
      if (encoder !== null) await encoder.abort();
      await part?.discard();
    }
    await reservation.release();
    try {
      source?.destroy();
    } catch (err) {
      log(`The renderer did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (tempDir !== null) await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function defaultFrameSource(
  project: Project,
  assets: ReadonlyMap<string, Uint8Array>,
): (request: FrameSourceRequest) => Promise<FrameSource> {
  return (request) => createProjectFrameSource(project, assets, request);
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportError('cancelled', CANCELLED_MESSAGE);
}

export function resolveRange(
  project: Project,
  fps: number,
  range: ExportVideoOptions['range'],
): ReturnType<typeof frameRange> {
  try {
    return frameRange(project, fps, range);
  } catch (err) {
    if (err instanceof ExportRangeError) throw new ExportError('invalid-range', err.message);
    throw err;
  }
}

export async function findFfmpeg(
  options: Pick<ExportVideoOptions, 'ffmpeg' | 'ffmpegDiscovery'>,
): Promise<FoundFfmpeg> {
  if (typeof options.ffmpeg === 'object' && options.ffmpeg !== null) return options.ffmpeg;
  try {
    return await discoverFfmpeg({ ...options.ffmpegDiscovery, configuredPath: options.ffmpeg ?? null });
  } catch (err) {
    if (err instanceof FfmpegNotFoundError) throw new ExportError('ffmpeg-not-found', err.message);
    throw err;
  }
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

/** Fails early, before any rendering, when the video could not be saved where asked. */
export async function checkOutputFolder(outputPath: string): Promise<void> {
  const dir = path.dirname(outputPath);
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new ExportError('write-failed', `The video cannot be saved: ${dir} is not a folder.`);
    }
    await access(dir, fsConstants.W_OK);
  } catch (err) {
    if (err instanceof ExportError) throw err;
    throw new ExportError('write-failed', fileErrorMessage(err, 'The video cannot be saved', outputPath));
  }
  try {
    if ((await stat(outputPath)).isDirectory()) {
      throw new ExportError('write-failed', `The video cannot be saved: ${outputPath} is a folder.`);
    }
  } catch (err) {
    if (err instanceof ExportError) throw err;
    // Not there yet: the usual case.
  }
}

/**
 * Writes the audio files the export hears into `dir` (ffmpeg reads them as inputs). Files are
 * named by asset id and a cleaned extension: no user text reaches ffmpeg's arguments.
 */
export async function prepareAudio(
  options: Pick<ExportVideoOptions, 'project' | 'assets' | 'signal'>,
  ffmpegPath: string,
  dir: string,
  rangeStart: number,
  rangeEnd: number,
  log: (line: string) => void,
  warnings: string[],
): Promise<AudioClipPlan[]> {
  const { project, assets } = options;
  const fileFor = (assetId: string): string | undefined =>
    assets.has(assetId) ? path.join(dir, `${assetId}${audioExtension(project, assetId)}`) : undefined;
  // Every file a heard track uses is written first, so the ones of unknown length can be measured.
  const durations = new Map<string, number>();
  for (const track of project.audio) {
    const file = fileFor(track.assetId);
    const data = assets.get(track.assetId);
    if (track.muted || file === undefined || data === undefined || durations.has(track.assetId)) continue;
    try {
      await writeFile(file, data);
    } catch (err) {
      throw new ExportError(
        isDiskFull(err) ? 'disk-full' : 'write-failed',
        fileErrorMessage(err, 'The audio could not be prepared', file),
      );
    }
    const known = project.assets[track.assetId]?.duration;
    durations.set(track.assetId, known ?? (await measureAudio(ffmpegPath, file, options.signal, log)));
  }
  const { clips, skipped } = planAudio(
    project.audio,
    projectDuration(project),
    rangeStart,
    rangeEnd,
    fileFor,
    (assetId) => {
      const d = durations.get(assetId);
      return d !== undefined && d > 0 ? d : undefined;
    },
  );
  for (const { track, reason } of skipped) {
    const name = track.name !== '' ? `"${track.name}"` : `track ${track.id}`;
    log(`Audio ${name} left out: ${reason}.`);
    if (!track.muted && fileFor(track.assetId) === undefined) {
      warnings.push(`The audio ${name} was left out: ${reason}.`);
    }
  }
  return clips;
}

/**
 * The length of a sound file (projects from before lengths were stored at import); 0 when it
 * cannot be measured, and the clip then runs to its set length or the video's end as before.
 */
async function measureAudio(
  ffmpegPath: string,
  file: string,
  signal: AbortSignal | undefined,
  log: (line: string) => void,
): Promise<number> {
  try {
    const { duration } = await analyzeAudio(ffmpegPath, file, signal ? { signal } : {});
    log(`Measured ${path.basename(file)}: ${duration.toFixed(3)} s.`);
    return duration;
  } catch (err) {
    throwIfCancelled(signal);
    log(`Could not measure ${path.basename(file)}: ${err instanceof Error ? err.message : String(err)}.`);
    return 0;
  }
}

function audioExtension(project: Project, assetId: string): string {
  const name = project.assets[assetId]?.name ?? '';
  const ext = path.extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '.audio';
}

function progressReporter(
  total: number,
  onProgress: ExportVideoOptions['onProgress'],
  log: (line: string) => void,
): { frame: (n: number) => void; done: () => void } {
  let firstAt: number | null = null;
  const emit = (p: ExportProgress): void => {
    if (onProgress === undefined) return;
    try {
      onProgress(p);
    } catch (err) {
      log(`A progress listener failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  let lastFps = 0;
  return {
    frame(n) {
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
    done() {
      emit({ frame: total, totalFrames: total, percent: 100, etaSeconds: 0, fps: lastFps });
    },
  };
}

export function toExportError(
  err: unknown,
  signal: AbortSignal | undefined,
  timeOf: (frame: number) => number,
): ExportError {
  if (signal?.aborted) return new ExportError('cancelled', CANCELLED_MESSAGE);
  if (err instanceof ExportError) return err;
  if (err instanceof EncoderError) {
    const detail = err.logTail.join('\n');
    // Ctrl+C in a terminal reaches ffmpeg too, and it may exit before we hear of it ourselves.
    if (err.logTail.some((l) => /received signal (2|15)\b/.test(l)))
      return new ExportError('cancelled', CANCELLED_MESSAGE);
    if (isDiskFull(null, err.logTail)) return new ExportError('disk-full', DISK_FULL_MESSAGE, detail);
    if (err.failure === 'spawn') {
      return new ExportError('ffmpeg-failed', `ffmpeg could not be started: ${err.message}`, detail, {
        cause: err,
      });
    }
    return new ExportError('ffmpeg-failed', `ffmpeg could not make the video. ${err.message}`, detail, {
      cause: err,
    });
  }
  if (err instanceof FrameRenderError) {
    const reason = err.reason instanceof Error ? err.reason.message : String(err.reason);
    const at = Math.round(timeOf(err.frameIndex) * 100) / 100;
    return new ExportError('render-failed', `The frame at ${at} s could not be drawn: ${reason}`, '', {
      cause: err,
    });
  }
  if (isDiskFull(err)) return new ExportError('disk-full', DISK_FULL_MESSAGE);
  const message = err instanceof Error ? err.message : String(err);
  return new ExportError('render-failed', `The export failed: ${message}`, '', { cause: err });
}
