import type { ChildProcess } from 'node:child_process';
import { Writable, type Readable } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { VIDEO_INPUT, type FfmpegInvocation } from '../ffmpeg/args';
import { trackChildProcess } from '../ffmpeg/childProcesses';
import { metered } from '../pipeline/stageMeter';
import { FfmpegLog } from './ffmpegLog';
import { EncoderError, EncoderInputClosedError, type Encoder, type EncoderEvents } from './encoder';

/**
 * The Encoder on top of fluent-ffmpeg. fluent-ffmpeg composes its command from inputs, input
 * options, a filter graph and output options; our builder produces exactly those parts, so
 * fluent-ffmpeg runs our list unchanged (a unit test compares its argument list with ours).
 * It has no call for global options: they go first among the output options, where ffmpeg
 * reads them just the same.
 *
 * fluent-ffmpeg spawns without a shell and keeps the process; frames are written straight to
 * the child's stdin (not through fluent-ffmpeg's stream input, which would add a buffer).
 *
 * fluent-ffmpeg keeps the ffmpeg path in one per-process setting (`setFfmpegPath`), so
 * encoders running at the same time must use the same ffmpeg.
 */
export interface FluentEncoderOptions extends EncoderEvents {
  readonly ffmpegPath: string;
  readonly invocation: FfmpegInvocation;
  /** Bytes of one frame: the sink buffers at most one frame beyond the one being written. */
  readonly frameBytes: number;
  /** What ffmpeg writes on its stdout (the stream check's copy), handed over once it starts. */
  readonly onOutput?: ((stdout: Readable) => void) | undefined;
}

type CommandWithProcess = ffmpeg.FfmpegCommand & { ffmpegProc?: ChildProcess };

export function createFluentEncoder(options: FluentEncoderOptions): Encoder {
  return new FluentEncoder(options);
}

class FluentEncoder implements Encoder {
  readonly finished: Promise<void>;
  readonly running: Promise<void>;
  private resolveRunning!: () => void;
  private readonly command: CommandWithProcess;
  private readonly log = new FfmpegLog();
  private process: ChildProcess | null = null;
  private started = false;
  private aborted = false;
  private settled = false;
  private resolveFinished!: () => void;
  private rejectFinished!: (err: EncoderError) => void;
  /** Writes waiting for ffmpeg to be spawned (fluent-ffmpeg checks capabilities first). */
  private pendingWrite: (() => void) | null = null;

  constructor(private readonly options: FluentEncoderOptions) {
    this.finished = new Promise<void>((resolve, reject) => {
      this.resolveFinished = resolve;
      this.rejectFinished = reject;
    });
    // The owner may only call abort(): never let a failure go unhandled.
    this.finished.catch(() => undefined);
    this.running = new Promise<void>((resolve) => (this.resolveRunning = resolve));
    this.command = buildFluentCommand(options.invocation);
    skipCapabilityCheck(this.command);
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  start(): Writable {
    if (this.started) throw new Error('encoder already started');
    this.started = true;
    const cmd = this.command;
    cmd.setFfmpegPath(this.options.ffmpegPath);
    cmd.on('start', () => {
      this.process = cmd.ffmpegProc ?? null;
      if (this.process !== null) trackChildProcess(this.process);
      const stdout = this.process?.stdout;
      if (stdout && this.options.onOutput) {
        // fluent-ffmpeg keeps the last lines of stdout as text. Here stdout is the stream
        // check's binary MP4: decoding it to strings and splitting them into "lines" cost the
        // sample's export 75 ms and its garbage. The check reads it; fluent-ffmpeg needs only
        // the stream's 'close', which stays.
        stdout.removeAllListeners('data');
        this.options.onOutput(stdout);
      }
      // EPIPE when ffmpeg exits early also reaches the write callback; this keeps it from
      // being thrown as an unhandled stream error.
      this.process?.stdin?.on('error', () => undefined);
      if (this.aborted) this.kill();
      const resume = this.pendingWrite;
      this.pendingWrite = null;
      resume?.();
      this.resolveRunning();
    });
    cmd.on('stderr', (line: string) => {
      const frames = this.log.add(line);
      if (frames !== null) this.options.onEncodedFrames?.(frames);
      else if (line.trim() !== '') this.options.onLogLine?.(line.trim());
    });
    cmd.on('end', () => this.settle(null));
    cmd.on('error', (err: Error) => this.settle(err));
    cmd.run();
    return this.createSink();
  }

  abort(): Promise<void> {
    this.aborted = true;
    if (!this.started) {
      this.settle(new Error('ffmpeg was killed before it started'));
    } else {
      this.kill();
    }
    return this.finished.then(
      () => undefined,
      () => undefined,
    );
  }

  private kill(): void {
    const proc = this.process;
    if (proc !== null && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }

  private settle(err: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveRunning();
    // A write waiting for a process that will never come must not hang.
    const resume = this.pendingWrite;
    this.pendingWrite = null;
    resume?.();
    if (err === null) {
      this.resolveFinished();
      return;
    }
    this.rejectFinished(this.toEncoderError(err));
  }

  private toEncoderError(err: Error): EncoderError {
    const tail = this.log.lines();
    const spawnCode = (err as NodeJS.ErrnoException).code;
    if (typeof spawnCode === 'string') {
      return new EncoderError(`ffmpeg could not be started (${spawnCode}).`, 'spawn', tail);
    }
    if (this.aborted || /killed with signal/.test(err.message)) {
      return new EncoderError('ffmpeg was stopped.', 'killed', tail);
    }
    const exit = /exited with code (\d+)/.exec(err.message);
    const summary = this.log.summary();
    return new EncoderError(
      exit
        ? `ffmpeg stopped with an error (exit code ${exit[1]}).${summary ? `\n${summary}` : ''}`
        : err.message,
      'exit',
      tail,
      exit ? Number(exit[1]) : null,
    );
  }

  /**
   * The frame sink: each chunk is handed to ffmpeg's stdin and acknowledged only once stdin
   * has taken all of it, so at most one frame waits here (highWaterMark = one frame).
   */
  private createSink(): Writable {
    const withStdin = (use: (stdin: NodeJS.WritableStream) => void, fail: (err: Error) => void): void => {
      const go = (): void => {
        const stdin = this.process?.stdin;
        if (stdin && !stdin.destroyed && !this.settled) use(stdin);
        else fail(new EncoderInputClosedError());
      };
      if (this.process !== null || this.settled) go();
      else this.pendingWrite = go;
    };
    return new Writable({
      highWaterMark: this.options.frameBytes,
      write: (chunk: Buffer, _encoding, callback) => {
        withStdin(
          (stdin) =>
            metered('pipe', () =>
              stdin.write(chunk, (err) => callback(err ? new EncoderInputClosedError() : null)),
            ),
          callback,
        );
      },
      final: (callback) => {
        withStdin(
          (stdin) => stdin.end(() => callback()),
          // ffmpeg already exited: `finished` says whether that went well.
          () => callback(),
        );
      },
    });
  }
}

/** The fluent-ffmpeg command for an invocation (exported so a test can compare its arguments with ours). */
export function buildFluentCommand(inv: FfmpegInvocation): CommandWithProcess {
  // A large stderr ring is not needed: our FfmpegLog keeps the tail.
  const cmd: CommandWithProcess = ffmpeg({ stdoutLines: 50 });
  for (const input of inv.inputs) {
    cmd.input(input.source);
    addOptions(input.options, (...o) => cmd.inputOptions(...o));
  }
  if (inv.filterComplex !== null) cmd.complexFilter(inv.filterComplex);
  cmd.output(inv.output);
  addOptions([...inv.globalOptions, ...inv.outputOptions], (...o) => cmd.outputOptions(...o));
  if (inv.inputs[0]?.source !== VIDEO_INPUT)
    throw new Error('the first input must be the raw video on stdin');
  return cmd;
}

/**
 * Before each run fluent-ffmpeg starts ffmpeg again (`-formats`, `-encoders`) to check the
 * formats and codecs named in the command and to add `-strict experimental` to experimental
 * `-acodec`/`-vcodec` (we name neither). Discovery has already run this very ffmpeg and
 * checked its encoders, so this only costs time: each start is a few hundred ms on a busy
 * machine, which a short export notices. Both are replaced on this one command only.
 */
function skipCapabilityCheck(cmd: ffmpeg.FfmpegCommand): void {
  const internals = cmd as unknown as {
    _checkCapabilities: (callback: (err?: Error) => void) => void;
    availableEncoders: (callback: (err: Error | null, encoders: Record<string, unknown>) => void) => void;
  };
  internals._checkCapabilities = (callback) => callback();
  internals.availableEncoders = (callback) => callback(null, {});
}

/**
 * fluent-ffmpeg splits a lone `'-opt value'` string in two; passing two or more arguments
 * turns that off, which keeps metadata values with spaces intact.
 */
function addOptions(options: readonly string[], add: (...o: string[]) => unknown): void {
  if (options.length === 0) return;
  if (options.length === 1 && (options[0] as string).includes(' ')) {
    throw new Error(`a lone option with a space would be split by fluent-ffmpeg: ${options[0]}`);
  }
  add(...options);
}
