import * as fsp from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import yazl from 'yazl';
import { referencedAssetIds, serializeProject } from '../../../core/load';
import type { Project } from '../../../core/schema';
import { ASSET_PREFIX, PROJECT_ENTRY } from './entryNames';
import { describeFsError, errorCode } from './messages';
import { claimTempSibling, releaseTempSibling, removeStaleTempFiles } from './saveTempFiles';

/** The file operations a save needs: a seam so tests can make any step fail (disk full, ...). */
export interface SaveFs {
  open(path: string, flags: 'wx'): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Makes a rename durable; best effort (not every system can sync a folder). */
  syncFolder(path: string): Promise<void>;
}

export interface WritableFile {
  write(data: Buffer): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeSaveFs: SaveFs = {
  async open(path, flags) {
    const handle = await fsp.open(path, flags);
    return {
      async write(data) {
        // A write may be partial; keep going until every byte is on its way to the disk.
        for (let offset = 0; offset < data.length;) {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  copyFile: (from, to) => fsp.copyFile(from, to),
  unlink: (path) => fsp.unlink(path),
  async exists(path) {
    try {
      await fsp.stat(path);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  },
  async syncFolder(path) {
    const handle = await fsp.open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** A save that failed; `message` is for the creator, `cause` for the log. */
export class SaveError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SaveError';
  }
}

export interface SaveOptions {
  /** Replaces some file operations (tests inject failures here). */
  fs?: Partial<SaveFs>;
  /**
   * `never` (Save As to a new name): the file is created only if the name is still free at the
   * very moment it is put in place, so a save from another window meanwhile is never destroyed.
   */
  replace?: 'always' | 'never';
}

/** Hard links are missing on some file systems (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Puts the temp file at `target` only if nothing is there (link is atomic and fails with EEXIST). */
async function createInPlace(fs: SaveFs, temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    // No hard links: claim the name with an exclusive create, then move over the claim.
    await (await fs.open(target, 'wx')).close();
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp).catch(() => {});
}

/** The zip as a stream of bytes: project.json, then the assets the project uses. */
function zipProject(project: Project, assets: ReadonlyMap<string, Buffer>): NodeJS.ReadableStream {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(serializeProject(project), 'utf8'), PROJECT_ENTRY, { compress: true });
  for (const id of [...referencedAssetIds(project)].sort()) {
    const bytes = assets.get(id);
    // A missing one was already reported when the project was opened; it stays missing.
    if (bytes === undefined) continue;
    // Pictures and audio are compressed already: deflating them again costs time and saves nothing.
    zip.addBuffer(bytes, `${ASSET_PREFIX}${id}`, { compress: false });
  }
  zip.end();
  return zip.outputStream;
}

/** Keeps the current file as `<target>.bak` (replacing an older one) without touching the target. */
async function keepBackup(fs: SaveFs, target: string): Promise<void> {
  const staging = claimTempSibling(target, '.bak.tmp');
  try {
    try {
      await fs.link(target, staging); // instant, no copy; not every file system has hard links
    } catch {
      await fs.copyFile(target, staging);
    }
    await fs.rename(staging, `${target}.bak`);
  } finally {
    await fs.unlink(staging).catch(() => {});
    releaseTempSibling(staging);
  }
}

/**
 * Saves atomically: the zip goes to a temp file beside the target, is flushed to disk, the
 * previous file is kept as `<target>.bak`, and only then the temp file is renamed over the
 * target. On any failure the temp file is removed, the target is untouched and a SaveError
 * with a clear message is thrown. Only assets the project uses are written. A save killed
 * mid-way can leave its temp file behind; every save first clears such leftovers in its folder
 * (ours only, and only once their writer is gone: see saveTempFiles.ts), which also frees their
 * space before writing.
 */
export async function saveProjectFile(
  path: string,
  project: Project,
  assets: ReadonlyMap<string, Buffer>,
  options: SaveOptions = {},
): Promise<void> {
  const fs: SaveFs = { ...nodeSaveFs, ...options.fs };
  const target = resolve(path);
  await removeStaleTempFiles(dirname(target)).catch(() => {});
  const temp = claimTempSibling(target, '.tmp');
  let targetExisted = false;
  try {
    targetExisted = await fs.exists(target);
    const file = await fs.open(temp, 'wx');
    try {
      for await (const chunk of zipProject(project, assets)) {
        await file.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.replace === 'never') {
      await createInPlace(fs, temp, target);
    } else {
      if (targetExisted) await keepBackup(fs, target);
      await fs.rename(temp, target);
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    if (options.replace === 'never' && errorCode(error) === 'EEXIST') {
      throw new SaveError(
        `"${basename(target)}" already exists (saved from another window or program meanwhile), so it was not replaced. Choose another name, or replace it.`,
        'EEXIST',
        { cause: error },
      );
    }
    const outcome = targetExisted ? 'Your previous file is unchanged.' : 'No file was written.';
    throw new SaveError(
      `Could not save "${basename(target)}": ${describeFsError(error)}. ${outcome}`,
      errorCode(error),
      { cause: error },
    );
  } finally {
    releaseTempSibling(temp);
  }
  // The file is complete and in place; syncing the folder only makes the rename durable sooner.
  await fs.syncFolder(dirname(target)).catch(() => {});
}
