import { basename, extname, join } from 'node:path';
import { failure, type HostHandlers } from '../contract';
import { describeFileError, removeStaleLeftovers, writeNewFileAtomic } from '../../node/files';
import type { FolderGuard } from './hostFolders';

/** How many " (n)" names are tried before giving up (a folder with that many copies is odd). */
const MAX_NAME_TRIES = 500;

/** `name`, `stem (2).ext`, `stem (3).ext`, ... */
function numberedName(folder: string, name: string): (copy: number) => string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  return (copy) => join(folder, copy === 1 ? name : `${stem} (${copy})${ext}`);
}

/** The Node handlers of the caption channels. */
export function createSubtitleHandlers(guard: FolderGuard): Pick<HostHandlers, 'saveSubtitles'> {
  return {
    async saveSubtitles({ folder, name, text }) {
      const wanted = folder ?? guard.folders[0];
      if (wanted === undefined) return failure('no-folder', 'No folder was chosen for your projects.');
      const inside = await guard.check(wanted);
      if (!inside.ok) return inside;
      const fileName = basename(name);
      try {
        await removeStaleLeftovers(inside.path);
        // Through the one writer: a new file, never over an existing one, nothing left on failure.
        const path = await writeNewFileAtomic(numberedName(inside.path, fileName), text, {
          tries: MAX_NAME_TRIES,
        });
        if (path === null) {
          return failure(
            'save-failed',
            `The subtitles could not be saved: "${fileName}" and ${MAX_NAME_TRIES - 1} numbered copies already exist in "${basename(inside.path)}".`,
          );
        }
        return { ok: true, path };
      } catch (error) {
        return failure(
          'save-failed',
          `The subtitles could not be saved in "${basename(inside.path)}": ${describeFileError(error)}. Nothing was written.`,
        );
      }
    },
  };
}
