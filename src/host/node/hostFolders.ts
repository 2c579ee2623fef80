import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { displayName } from '../../core/text';

export type Inside =
  { ok: true; path: string } | { ok: false; error: { kind: 'outside-folders'; message: string } };

/**
 * The folders the user chose, and the check that every path the page sends stays inside them.
 * Links are resolved first, so a link inside a folder cannot lead outside it.
 */
export interface FolderGuard {
  /** The chosen folders, resolved. */
  readonly folders: readonly string[];
  /** Resolves `path` (which may not exist yet) and checks that it is inside a chosen folder. */
  check(path: string): Promise<Inside>;
  /** The chosen folder that contains `path` (already checked), or null. */
  rootOf(path: string): string | null;
}

function contains(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing parent with the rest appended. */
async function realPathAllowingMissing(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return resolve(await realPathAllowingMissing(parent), basename(path));
  }
}

export async function createFolderGuard(folders: readonly string[]): Promise<FolderGuard> {
  const roots = await Promise.all(folders.map((folder) => realPathAllowingMissing(resolve(folder))));
  return {
    folders: roots,
    async check(path) {
      const refusal: Inside = {
        ok: false,
        error: {
          kind: 'outside-folders',
          message:
            `Kindness Studio only opens and saves files inside the folders you chose ` +
            `(${roots.join(', ')}). "${displayName(basename(path))}" is somewhere else, so nothing was done.`,
        },
      };
      if (!isAbsolute(path)) return refusal;
      const real = await realPathAllowingMissing(resolve(path));
      return roots.some((root) => contains(root, real)) ? { ok: true, path: real } : refusal;
    },
    rootOf(path) {
      return roots.find((root) => contains(root, path)) ?? null;
    },
  };
}
