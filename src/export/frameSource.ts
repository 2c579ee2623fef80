/**
 * Where exported frames come from. The project renderer is one; tests and the benchmark use
 * synthetic ones. Frames are numbered within the exported range, from 0.
 */
export interface FrameSource {
  readonly width: number;
  readonly height: number;
  /**
   * Draws frame `index` and returns its RGBA pixels (width * height * 4 bytes), or null when
   * it is identical to the frame before (the exporter then sends the previous pixels again
   * without reading them). The returned buffer must not be changed afterwards.
   */
  renderFrame(index: number): Uint8Array | null;
  /** A PNG of the project at `time` (project seconds), for the cover; optional. */
  renderPng?(time: number): Uint8Array;
  /** Frees native resources; called once, whatever happened. */
  destroy(): void;
}

/** What a frame source for an export is asked to produce. */
export interface FrameSourceRequest {
  /** Output size (the project is scaled to it). */
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Project frame index of the range's frame 0. */
  readonly firstFrame: number;
  readonly watermark: string | null;
  /** Where to report things worth knowing (a picture that could not be decoded). */
  readonly log?: ((line: string) => void) | undefined;
  /** The export's signal: a source stops its own preparation (decoding pictures) when it aborts. */
  readonly signal?: AbortSignal | undefined;
}

/** A frame the source could not draw; the export names its time. */
export class FrameRenderError extends Error {
  override readonly name = 'FrameRenderError';
  constructor(
    readonly frameIndex: number,
    readonly reason: unknown,
  ) {
    super(
      `frame ${frameIndex} could not be drawn: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
  }
}
