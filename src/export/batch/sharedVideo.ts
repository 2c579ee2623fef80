import type { Writable } from 'node:stream';
import type { Encoder } from '../encoder/encoder';
import { ExportError, isDiskFull } from '../errors';
import { toArgList, type FfmpegInput, type FfmpegInvocation } from '../ffmpeg/args';
import { runTool } from '../ffmpeg/runTool';
import type { FrameFormats } from '../pipeline/frameConversion';
import { endSink, writeWithDrain } from '../pipeline/sink';
import type { OutputRun } from './outputRun';

/** Adding the sound to a copied video takes seconds; this only guards against a hung ffmpeg. */
const REMUX_TIMEOUT_MS = 10 * 60_000;

/**
 * One video encode feeding several outputs. It takes each frame once, however many outputs
 * share it, and is stopped when every one of them has been cancelled or has failed.
 *
 * A chunked export's video is also one of these: one encoder per chunk, each writing its own
 * file, joined without re-encoding (ffmpeg's concat demuxer) when each output adds its sound.
 */
export class SharedVideo {
  private readonly sinks: Writable[];
  private readonly members = new Set<OutputRun>();
  private lastFrame = -1;
  private lastWrite: Promise<void> = Promise.resolve();
  private finishing: Promise<boolean> | null = null;
  private readonly sameFiles = new Map<string, Promise<string | ExportError>>();
  /** Resolves when every encoder has finished well; rejects with the first failure. */
  readonly finished: Promise<void>;
  /** Resolves once every encoder's process runs (or could not be started). */
  readonly running: Promise<void>;

  /**
   * `input` is how ffmpeg reads the finished video (the file, or the list of chunk files);
   * `fileBase` names the files made from it (`-0.mp4`, `-1.mp4`, ... replace its `.mp4`).
   */
  constructor(
    readonly encoders: readonly Encoder[],
    readonly input: FfmpegInput,
    private readonly fileBase: string,
  ) {
    this.sinks = encoders.map((encoder) => {
      const sink = encoder.start();
      sink.on('error', () => undefined);
      return sink;
    });
    this.finished = Promise.all(encoders.map((e) => e.finished)).then(() => undefined);
    this.finished.catch(() => undefined);
    this.running = Promise.all(encoders.map((e) => e.running)).then(() => undefined);
  }

  join(run: OutputRun): void {
    this.members.add(run);
  }

  /** The input of chunk `chunk`'s encoder. */
  sinkOf(chunk: number): Writable {
    const sink = this.sinks[chunk];
    if (sink === undefined) throw new Error(`no encoder for chunk ${chunk}`);
    return sink;
  }

  /** Hands frame `index` over once, whichever member asks first (a single encoder's video). */
  write(index: number, frame: FrameFormats): Promise<void> {
    if (index === this.lastFrame) return this.lastWrite;
    this.lastFrame = index;
    this.lastWrite = writeWithDrain(this.sinkOf(0), frame.get('yuv420p'));
    return this.lastWrite;
  }

  /** Ends the inputs and waits for the video files; false when an encode failed or was stopped. */
  finish(): Promise<boolean> {
    this.finishing ??= (async () => {
      await Promise.all(this.sinks.map((sink) => endSink(sink)));
      return this.finished.then(
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
      const file = this.fileBase.replace(/\.mp4$/, `-${this.sameFiles.size}.mp4`);
      const [, ...sound] = remux.inputs;
      made = addSound({ ...remux, inputs: [this.input, ...sound], output: file }, ffmpegPath).then(
        (failure) => failure ?? file,
      );
      this.sameFiles.set(key, made);
    }
    return made;
  }

  /** A member left (cancelled, failed): with none left, the encode stops. */
  async leave(run: OutputRun): Promise<void> {
    this.members.delete(run);
    if ([...this.members].some((m) => m.live)) return;
    for (const sink of this.sinks) sink.destroy();
    await Promise.all(this.encoders.map((encoder) => encoder.abort()));
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
