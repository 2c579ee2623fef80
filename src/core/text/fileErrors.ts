/**
 * Why a file operation failed, in a creator's words, from the system's error code: the one place
 * every host handler, the exporter and the command line turn `ELOOP`, `ENAMETOOLONG`, `ESPIPE`...
 * into a sentence. The system's own text (which names absolute paths) never reaches a message.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist (it may have been moved, renamed or deleted)',
  ENOTDIR: 'part of its path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'Kindness Studio is not allowed to use it (the folder may be read-only or private)',
  EPERM: 'Kindness Studio is not allowed to use it (the folder may be read-only or private)',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EBUSY: 'it is in use by another program',
  ETXTBSY: 'it is in use by another program',
  EEXIST: 'a file with that name already exists',
  ENOTEMPTY: 'the folder is not empty',
  ENAMETOOLONG: 'its name or path is too long',
  ELOOP: 'it is a link that leads back to itself (or through too many links)',
  ESPIPE: 'it is not a regular file (a pipe or a device), so it cannot be read as one',
  ENXIO: 'it is not a regular file (a pipe or a device), so it cannot be read as one',
  ENOTREG: 'it is not a regular file (a pipe or a device), so it cannot be read as one',
  ENODEV: 'it is not a regular file (a pipe or a device), so it cannot be read as one',
  EOPNOTSUPP: 'this kind of file or disk does not allow it',
  ENOTSUP: 'this kind of file or disk does not allow it',
  EINVAL: 'the system refused the request for this file',
  EIO: 'the disk could not be read or written (it may be failing or disconnected)',
  EMFILE: 'too many files are open; close some programs and try again',
  ENFILE: 'too many files are open; close some programs and try again',
  EXDEV: 'it cannot be moved to another disk this way',
  EFBIG: 'the file is too large for this disk',
  ETIMEDOUT: 'the disk or network took too long to answer',
  EAGAIN: 'the system was busy; try again',
  ECONNRESET: 'the network drive stopped answering',
  EHOSTDOWN: 'the network drive is not reachable',
};

/** The error code of a Node file-system error, if it has one. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Absolute paths (POSIX, Windows, UNC) in a system message, replaced: they are not the creator's business. */
export function withoutPaths(text: string): string {
  return text
    .replace(/'(?:[A-Za-z]:[\\/]|[\\/])[^']*'/g, '(a file)')
    .replace(/"(?:[A-Za-z]:[\\/]|[\\/])[^"]*"/g, '(a file)')
    .replace(/(?:^|(?<=\s))(?:[A-Za-z]:[\\/]|\/)[^\s,;]+/g, '(a file)');
}

/**
 * The reason, as the part after "could not be read:", for any error: a known code in words, an
 * unknown code named plainly, or the error's own text with its paths taken out.
 */
export function fileErrorReason(error: unknown): string {
  const code = systemErrorCode(error);
  if (code !== undefined && Object.hasOwn(REASONS, code)) return REASONS[code] as string;
  if (code !== undefined && /^E[A-Z0-9]+$/.test(code)) return `the system could not do it (error ${code})`;
  const text = error instanceof Error ? error.message : String(error);
  return withoutPaths(text);
}
