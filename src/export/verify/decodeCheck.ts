import { lastComplaint } from '../encoder/ffmpegLog';
import { runTool, ToolTimeoutError } from '../ffmpeg/runTool';

/** Decoding takes a fraction of the encode; this only guards against a hung ffmpeg. */
const DECODE_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Decodes every stream of a finished file to the end with ffmpeg (`-xerror`: the first damaged
 * packet is an error), as a player would, but for the deblocking filter. Returns null when it
 * decodes, or ffmpeg's complaint in printable words when it does not (cut short, damaged, empty). A video is reported done only
 * after this passed, so "done" never names a file that does not play.
 */
export async function decodeProblem(
  ffmpegPath: string,
  file: string,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    const result = await runTool(
      ffmpegPath,
      // The deblocking filter only smooths block edges of frames already decoded: it finds no
      // damage of its own, and skipping it saves a sixth of the decode (decodeCheck.test.ts).
      [
        '-nostdin',
        '-v',
        'error',
        '-xerror',
        '-skip_loop_filter',
        'all',
        '-i',
        file,
        '-map',
        '0',
        '-f',
        'null',
        '-',
      ],
      DECODE_TIMEOUT_MS,
      { signal, track: true },
    );
    if (signal?.aborted === true) return 'the export was cancelled';
    if (result.code === 0) return null;
    return (
      lastComplaint(result.stderr, file) ?? `ffmpeg stopped with code ${String(result.code ?? result.signal)}`
    );
  } catch (err) {
    if (err instanceof ToolTimeoutError) return 'reading it back took too long';
    return err instanceof Error ? err.message : String(err);
  }
}
