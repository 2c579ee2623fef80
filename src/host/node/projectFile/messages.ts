/** Creator-facing wording shared by reading, opening and saving project files. */
import { displayName, fileErrorReason } from '../../../core/text';

import { describeFileError, errorCode } from '../../../node/files';

export { errorCode };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a file operation failed, in words (the part after "Could not save X:"): the one mapping in src/node/files. */
export function describeFsError(error: unknown): string {
  return describeFileError(error);
}

export function notFoundMessage(name: string): string {
  return `"${displayName(name)}" was not found. It may have been moved, renamed or deleted.`;
}

export function unreadableMessage(name: string, error: unknown): string {
  const code = errorCode(error);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'Kindness Studio is not allowed to read it'
      : code === 'ENOTREG'
        ? errorText(error) // src/node/files names the kind: "it is a named pipe, not a file"
        : fileErrorReason(error);
  return `"${displayName(name)}" could not be read: ${reason}. Nothing was changed.`;
}

export function damagedMessage(name: string, detail: string): string {
  return `"${displayName(name)}" is not a Kindness Studio project, or it is damaged: ${detail}. Nothing was changed.`;
}
