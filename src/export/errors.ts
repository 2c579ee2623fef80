import { fileErrorReason } from '../core/text';

/**
 * Why an export did not produce a video, as a kind the UI and CLI can act on and a message a
 * creator can read. `detail` holds the technical part (ffmpeg's last lines), for logs.
 */
export type ExportErrorKind =
  | 'cancelled'
  | 'invalid-range'
  | 'ffmpeg-not-found'
  | 'ffmpeg-failed'
  | 'render-failed'
  | 'disk-full'
  | 'write-failed';

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly kind: ExportErrorKind,
    message: string,
    readonly detail: string = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isExportError(err: unknown): err is ExportError {
  return err instanceof ExportError;
}

export const DISK_FULL_MESSAGE =
  'The disk is full, so the video could not be saved. Free some space (or choose another folder) and try again.';

/** ENOSPC from Node, or ffmpeg saying the same in its log. */
export function isDiskFull(err: unknown, log: readonly string[] = []): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    log.some((l) => /No space left on device|Disk quota exceeded/i.test(l))
  );
}

/** A file-system failure in creator terms. */
export function fileErrorMessage(err: unknown, what: string, file: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return DISK_FULL_MESSAGE;
    case 'EACCES':
    case 'EPERM':
      return `${what}: permission denied for ${file}. Choose a folder you can write to.`;
    case 'EROFS':
      return `${what}: ${file} is on a read-only disk. Choose another folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `${what}: the folder for ${file} does not exist.`;
    case 'EEXIST':
      return `${what}: ${file} appeared meanwhile and was kept (a file the export did not make is never replaced).`;
    default:
      return `${what} (${file}): ${fileErrorReason(err)}.`;
  }
}
