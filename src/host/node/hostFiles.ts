import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileEntry } from '../contract';

/** Files the studio can open: .kindness containers and plain project JSON. */
export function isProjectFileName(name: string): boolean {
  return name.endsWith('.kindness') || name.endsWith('.kindness.json');
}

/** Folders, then project files, each by name; hidden files (backups, temp files) are left out. */
export async function listProjectFolder(folder: string): Promise<FileEntry[]> {
  const names = await readdir(folder);
  const entries: FileEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        entries.push({ name, path, kind: 'folder', size: 0, modified: info.mtimeMs });
      } else if (info.isFile() && isProjectFileName(name)) {
        entries.push({ name, path, kind: 'project', size: info.size, modified: info.mtimeMs });
      }
    } catch {
      // removed while listing, or unreadable: not shown
    }
  }
  return entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1,
  );
}

/** The folder above `folder`, unless `folder` is the top of the chosen folder `root`. */
export function parentWithin(folder: string, root: string): string | null {
  return folder === root ? null : dirname(folder);
}
