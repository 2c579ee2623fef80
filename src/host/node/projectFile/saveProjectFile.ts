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
    if (targetExisted) await keepBackup(fs, target);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
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
