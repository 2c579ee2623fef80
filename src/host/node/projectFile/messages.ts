/** Creator-facing wording shared by reading, opening and saving project files. */
import { displayName, fileErrorReason } from '../../../core/text';

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a file operation failed, in words (the part after "Could not save X:"). */
export function describeFsError(error: unknown): string {
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
    default:
      return fileErrorReason(error);
  }
}

export function notFoundMessage(name: string): string {
  return `"${displayName(name)}" was not found. It may have been moved, renamed or deleted.`;
}

export function unreadableMessage(name: string, error: unknown): string {
  const code = errorCode(error);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'Kindness Studio is not allowed to read it'
      : fileErrorReason(error);
  return `"${displayName(name)}" could not be read: ${reason}. Nothing was changed.`;
}

export function damagedMessage(name: string, detail: string): string {
  return `"${displayName(name)}" is not a Kindness Studio project, or it is damaged: ${detail}. Nothing was changed.`;
}
