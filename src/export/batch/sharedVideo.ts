import type { Writable } from 'node:stream';
import type { Encoder } from '../encoder/encoder';
import { ExportError, isDiskFull } from '../errors';
import { toArgList, type FfmpegInvocation } from '../ffmpeg/args';
import { runTool } from '../ffmpeg/runTool';
import type { FrameFormats } from '../pipeline/frameConversion';
import { endSink, writeWithDrain } from '../pipeline/sink';
import type { OutputRun } from './outputRun';

/** Adding the sound to a copied video takes seconds; this only guards against a hung ffmpeg. */
const REMUX_TIMEOUT_MS = 10 * 60_000;

/**
 * One video encode feeding several outputs. It takes each frame once, however many outputs
 * share it, and is stopped when every one of them has been cancelled or has failed.
 */
export class SharedVideo {
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
