import { mkdir, readFile } from 'node:fs/promises';
import { PRIVATE_MODE, writeFileAtomic } from '../../src/node/files';
import { dirname } from 'node:path';
import { z } from 'zod';
import { createFolderGuard, type FolderGuard } from '../../src/host/node/host';

/**
 * The folders the host may read and write: the default projects folder plus every folder the
 * creator picked in a native Open or Save dialog (or opened a file from by double-click).
 * Remembered in the app's data folder so Open Recent keeps working after a restart.
 */
export interface AllowedFolders extends FolderGuard {
  /** Adds a folder the creator chose; nothing happens if it is already covered. */
  allow(folder: string): Promise<void>;
}

const StoredFoldersSchema = z.object({ folders: z.array(z.string().min(1).max(4096)).max(200) });

async function readStored(file: string): Promise<string[]> {
  try {
    const parsed = StoredFoldersSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.folders : [];
  } catch {
    return [];
  }
}

async function writeStored(file: string, folders: readonly string[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ folders }, null, 2)}\n`, {
    replace: 'always',
    mode: PRIVATE_MODE,
  });
}

/** `defaults` come first (the first is where the in-app file list starts); `file` keeps the choices. */
export async function createAllowedFolders(
  file: string,
  defaults: readonly string[],
): Promise<AllowedFolders> {
  const chosen = await readStored(file);
  let guard = await createFolderGuard(unique([...defaults, ...chosen]));
  // Folder choices arrive from dialogs one at a time; chain them so none is lost.
  let queue: Promise<unknown> = Promise.resolve();

  async function allowNow(folder: string): Promise<void> {
    const covered = await guard.check(folder);
    if (covered.ok) return;
    chosen.push(folder);
    guard = await createFolderGuard(unique([...defaults, ...chosen]));
    await writeStored(file, chosen);
  }

  return {
    get folders() {
      return guard.folders;
    },
    check: (path) => guard.check(path),
    rootOf: (path) => guard.rootOf(path),
    allow(folder) {
      const next = queue.then(() => allowNow(folder));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function unique(folders: readonly string[]): string[] {
  return [...new Set(folders)];
}
