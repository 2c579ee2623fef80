/** The one place a file system's error codes become words a creator understands. */
import { fileErrorReason } from '../../core/text';

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** No room left: the disk is full, or the user's quota on it is used up. */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Why a file operation failed, in words (the part after "Could not save X:"). */
export function describeFileError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'Kindness Studio is not allowed to write there (the folder may be read-only)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder already has that name';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'EEXIST':
      return 'a file with that name already exists';
    case 'ELOOP':
      return 'a link sits where the file would go';
    case 'ENOTREG':
      return 'it is not a regular file';
    case 'ETIMEDOUT':
      return 'the disk took too long to answer';
    default:
      return fileErrorReason(error);
  }
}

/** An error carrying a code like Node's, for the refusals this layer makes itself. */
export function codedError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
