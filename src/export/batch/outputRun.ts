import type { Writable } from 'node:stream';
import type { ReplacePolicy } from '../../node/files';
import type { Encoder } from '../encoder/encoder';
import type { InputPixFmt } from '../encodeSettings';
import { ExportError, type ExportErrorKind } from '../errors';
import { toArgList, type FfmpegInvocation } from '../ffmpeg/args';
import { CANCELLED_MESSAGE, toExportError } from '../pipeline/failures';
import {
  discardPartial,
  moveIntoPlace,
  placeCopy,
  reserveOutputNames,
  type FinishedFileCheck,
  type OutputNames,
} from '../pipeline/finishing';
import type { FrameFormats } from '../pipeline/frameConversion';
import { endSink, writeWithDrain } from '../pipeline/sink';
import { checkOutput } from '../verify/checkOutput';
import { decodeProblem } from '../verify/decodeCheck';
import { fileMatchesStream, type StreamCheck } from '../verify/streamCheck';
import type { OutputReport } from '../verify/outputReport';
import type { OutputPresetId } from '../presets';
import { presetIdOf, type BatchOutputRequest, type PlannedOutput } from './batchPlan';
import type { SharedVideo } from './sharedVideo';

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

export function failedResult(request: BatchOutputRequest, error: ExportError): BatchOutputResult {
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
export class OutputRun {
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
  /** The ffmpeg that made it, which also decodes it once more before it is called done. */
  private ffmpegPath: string | null = null;
  /** The decode check running beside this output's own encode, when it has one. */
  private streamCheck: StreamCheck | null = null;
  /** Aborted on cancel or failure: stops the decode check at once. */
  private readonly stopped = new AbortController();
  private sent = 0;
  private total: number;
  private eta: number | null = null;
  private error: ExportError | null = null;
  private report: OutputReport | null = null;
  private cleanup: Promise<void> = Promise.resolve();
  private lastEmit = 0;

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

  begin(
    renderedCount: number,
    encoder: Encoder,
    ffmpegPath: string,
    log: (line: string) => void,
    streamCheck: StreamCheck | null = null,
  ): void {
    this.total = Math.ceil(renderedCount / this.planned.step);
    this.encoder = encoder;
    this.streamCheck = streamCheck;
    this.ffmpegPath = ffmpegPath;
    this.state = 'running';
    const sink = encoder.start();
    this.sink = sink;
    // ffmpeg closing its input shows up here; `finished` says whether it failed.
    sink.on('error', () => undefined);
    encoder.finished.catch((err: unknown) => {
      if (this.live) void this.fail(toExportError(err, undefined, () => 0));
    });
    void encoder.running.then(() => {
      if (encoder.pid !== undefined) log(`ffmpeg for ${this.id} started (pid ${encoder.pid}).`);
    });
    this.progress(true);
  }

  /** Resolves once this output's encoder process runs, or could not be started (never rejects). */
  running(): Promise<void> {
    return this.shared?.video.running ?? this.encoder?.running ?? Promise.resolve();
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
    video.finished.catch((err: unknown) => {
      if (this.live) void this.fail(toExportError(err, undefined, () => 0));
    });
    log(`${this.id} shares its video encode; its own file is made by ${toArgList(remux).join(' ')}`);
    this.progress(true);
  }

  /** Hands one frame over; resolves when the encoder wants more (or is gone). */
  write(index: number, frame: FrameFormats, eta: number | null): Promise<void> {
    if (this.shared !== null) {
      if (!this.live) return Promise.resolve();
      this.counted(eta);
      return this.shared.video.write(index, frame);
    }
    const sink = this.sink;
    if (sink === null || !this.live) return Promise.resolve();
    this.sent++;
    this.eta = eta;
    this.progress(false);
    return writeWithDrain(sink, frame.get(this.pixFmt));
  }

  /** One more frame reached this output's encoder (a chunked export's frames come in any order). */
  counted(eta: number | null): void {
    if (!this.live) return;
    this.sent++;
    this.eta = eta;
    this.progress(false);
  }

  /** Ends the input, waits for ffmpeg and renames the file; false when it did not get there. */
  async save(): Promise<boolean> {
    if (this.shared !== null) return this.saveShared(this.shared);
    const sink = this.sink;
    const encoder = this.encoder;
    if (!this.live || sink === null || encoder === null) return false;
    this.state = 'saving';
    this.progress(true);
    await endSink(sink);
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

  /**
   * The check a finished file passes before it takes its name: its packets are the ones the
   * stream check decoded while it was encoded (streamCheck.ts), or, for a video made another
   * way (shared, joined from chunks), it is decoded to the end now (decodeCheck.ts).
   */
  private decodeCheck(): FinishedFileCheck | undefined {
    const ffmpegPath = this.ffmpegPath;
    if (ffmpegPath === null) return undefined;
    const streamCheck = this.streamCheck;
    return async (file) => {
      // An encoder that never handed over its stream (it cannot have finished well) leaves a
      // checker waiting for input: stopped, and the file decoded the old way.
      if (streamCheck !== null && !streamCheck.fed) streamCheck.stop();
      const problem =
        streamCheck !== null && streamCheck.fed
          ? await this.matchesDecodedStream(ffmpegPath, file, streamCheck)
          : await decodeProblem(ffmpegPath, file, this.stopped.signal);
      // Cancelled while it was read back: it must not take its name now.
      return this.live ? problem : (problem ?? 'the export was cancelled');
    };
  }

  private async matchesDecodedStream(
    ffmpegPath: string,
    file: string,
    streamCheck: StreamCheck,
  ): Promise<string | null> {
    const decoded = await streamCheck.result;
    if (typeof decoded === 'string') return decoded;
    return fileMatchesStream(ffmpegPath, file, decoded, this.stopped.signal);
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
    this.streamCheck?.stop();
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
