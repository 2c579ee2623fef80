import { open, rename, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { failure, type HostHandlers } from '../contract';
import type { FolderGuard } from './hostFolders';

/** How many " (n)" names are tried before giving up (a folder with that many copies is odd). */
const MAX_NAME_TRIES = 500;

/**
 * Writes `text` to a new file in `folder`, never over an existing one: it goes to a temporary
 * name first and is linked into place only under a name that is free.
 */
async function writeNewFile(folder: string, name: string, text: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const temp = join(folder, `.${stem}.${process.pid}.${Date.now()}.part`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const target = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
      // Claim the name with an exclusive create, then move the finished file over the claim.
      const claimed = await open(target, 'wx').then(
        (h) => h.close().then(() => true),
        () => false,
      );
      if (!claimed) continue;
      await rename(temp, target);
      return target;
    }
    throw new Error(`no free name for ${name}`);
  } finally {
    await rm(temp, { force: true });
  }
}

/** The Node handlers of the caption channels. */
export function createSubtitleHandlers(guard: FolderGuard): Pick<HostHandlers, 'saveSubtitles'> {
  return {
    async saveSubtitles({ folder, name, text }) {
      const wanted = folder ?? guard.folders[0];
      if (wanted === undefined) return failure('no-folder', 'No folder was chosen for your projects.');
      const inside = await guard.check(wanted);
      if (!inside.ok) return inside;
      try {
        return { ok: true, path: await writeNewFile(inside.path, basename(name), text) };
      } catch {
        return failure(
          'save-failed',
          `The subtitles could not be saved in "${basename(inside.path)}". Check that the folder exists and that you may write to it.`,
        );
      }
    },
  };
}
