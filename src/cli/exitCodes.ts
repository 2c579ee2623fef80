import type { ExportErrorKind } from '../export/errors';

/** Exit codes of the `kindness` command, documented in `kindness --help`. */
export const EXIT = {
  ok: 0,
  /** The project file is invalid or cannot be read. */
  projectInvalid: 1,
  /** The command line is wrong (unknown option, missing file name, ...). */
  usage: 2,
  ffmpegNotFound: 3,
  exportFailed: 4,
  /** Stopped with Ctrl+C (128 + SIGINT). */
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for an export that did not produce its file. */
export function exitCodeFor(kind: ExportErrorKind): ExitCode {
  switch (kind) {
    case 'cancelled':
      return EXIT.cancelled;
    case 'ffmpeg-not-found':
      return EXIT.ffmpegNotFound;
    case 'invalid-range':
      return EXIT.usage;
    default:
      return EXIT.exportFailed;
  }
}
