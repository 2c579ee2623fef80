import { DISK_FULL_MESSAGE, ExportError, isDiskFull } from '../errors';
import { EncoderError } from '../encoder/encoder';
import { FrameRenderError } from '../frameSource';

/** How any failure of any stage becomes an ExportError the creator can read. */

export const CANCELLED_MESSAGE = 'The export was cancelled. No video was saved.';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportError('cancelled', CANCELLED_MESSAGE);
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
