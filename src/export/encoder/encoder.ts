import type { Writable } from 'node:stream';

/**
 * Our own view of the video encoder, so the exporter does not depend on how ffmpeg is run
 * (fluent-ffmpeg today; a plain spawn or a WebCodecs encoder could replace it).
 */
export interface Encoder {
  /**
   * Starts the encoder and returns the sink for raw frames. It honours backpressure (write
   * returns false when full); end it after the last frame. Call once.
   */
  start(): Writable;
  /** Resolves when the encoder exits successfully; rejects with an EncoderError otherwise. */
  readonly finished: Promise<void>;
  /**
   * Resolves once the encoder's process runs, or once it could not be started (`finished` then
   * says why). Never rejects. Its start-up (0.1-0.2 s for ffmpeg) can then overlap the drawing.
   */
  readonly running: Promise<void>;
  /** Stops the encoder (kills the process) and resolves once it has exited. Safe to call twice. */
  abort(): Promise<void>;
  /** The encoder's process id while it runs (for logs and leak checks). */
  readonly pid: number | undefined;
}

export interface EncoderEvents {
  /** Frames ffmpeg reports as encoded so far. */
  onEncodedFrames?(frames: number): void;
  /** A line ffmpeg wrote to its log (warnings and errors; progress lines excluded). */
  onLogLine?(line: string): void;
}

export type EncoderFailure =
  /** The program could not be started. */
  | 'spawn'
  /** It ran and exited with an error. */
  | 'exit'
  /** It was stopped (abort, or killed from outside). */
  | 'killed';

export class EncoderError extends Error {
  override readonly name = 'EncoderError';
  constructor(
    message: string,
    readonly failure: EncoderFailure,
    /** The last lines ffmpeg wrote, the most useful part of its complaint. */
    readonly logTail: readonly string[],
    readonly exitCode: number | null = null,
  ) {
    super(message);
  }
}

/** The sink's input was closed by the encoder (it exited); `finished` says whether that was fine. */
export class EncoderInputClosedError extends Error {
  override readonly name = 'EncoderInputClosedError';
  constructor() {
    super('the encoder stopped reading frames');
  }
}
