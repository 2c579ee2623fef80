import { randomBytes } from 'node:crypto';
import { rmdirSync, unlinkSync } from 'node:fs';
import { lstat, mkdtemp, open, readdir, rename, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:fs';
import { defaultOwnerCheck, HOST_TAG, type OwnerCheck } from '../files/owner';
import { isAssetFile, type AssetData, type AssetFile, type AssetMap } from './assetData';

/**
 * Where large assets live while a project is open: one private folder per process in the
 * system's temp folder, `kindness-assets-HOST-PID-XXXXXX` (mode 0700), holding one file per
 * asset, `<content hash>-RANDOM.asset` (mode 0600). A file is shared by every document that holds the
 * same asset and removed when the last one lets it go (the document is closed, the export that
 * used it is over); the whole folder goes when the process exits. What a killed process left is
 * cleared by the next process that spools: only folders and files of exactly these name shapes,
 * only once their process is gone (the one writer's rule for its temp files).
 */

/** Assets larger than this are kept in a file, not in memory. */
export const SPOOL_THRESHOLD = 16 * 1024 * 1024;

const FOLDER_PREFIX = 'kindness-assets-';
const FOLDER_NAME = /^kindness-assets-([0-9a-f]{6})-([1-9]\d{0,9})-([A-Za-z0-9]{6})$/;
const FILE_NAME = /^[0-9a-f]{64}-[0-9a-f]{8}\.asset$/;
const PART_NAME = /^\.[0-9a-f]{16}\.part$/;

interface Spooled {
  readonly asset: AssetFile;
  /** Holders: documents, running jobs. */
  refs: number;
}

/** By content hash: the same bytes are spooled once however many documents hold them. */
const spooled = new Map<string, Spooled>();
const byFile = new Map<string, string>();
let folder: Promise<string> | null = null;
let folderPath: string | null = null;

function spoolFolder(): Promise<string> {
  folder ??= (async () => {
    const base = tmpdir();
    await removeStaleAssetSpools(base);
    const made = await mkdtemp(join(base, `${FOLDER_PREFIX}${HOST_TAG}-${process.pid}-`));
    folderPath = made;
    process.once('exit', removeSpoolNow);
    return made;
  })();
  folder.catch(() => (folder = null));
  return folder;
}

/** On exit: every file this process spooled, then its folder (synchronously: nothing else runs then). */
function removeSpoolNow(): void {
  if (folderPath === null) return;
  for (const { asset } of spooled.values()) {
    try {
      unlinkSync(asset.file);
    } catch {
      // Gone already.
    }
  }
  try {
    rmdirSync(folderPath);
  } catch {
    // A part file of a spool cut short by the exit: cleared by the next run.
  }
}

/** A spool file being written: bytes go in with `write`, then `finish` with their content hash. */
export interface SpoolWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** The asset as a shared spooled file, held once by the caller (release it with releaseAssets). */
  finish(id: string): Promise<AssetFile>;
  /** Drops what was written (the bytes were refused). */
  abort(): Promise<void>;
}

/** Starts a spool file: written under a hidden part name, named by its hash once complete. */
export async function startSpoolFile(): Promise<SpoolWriter> {
  const dir = await spoolFolder();
  const part = join(dir, `.${randomBytes(8).toString('hex')}.part`);
  const handle: FileHandle = await open(
    part,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o600,
  );
  let size = 0;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(chunk) {
      await handle.write(chunk);
      size += chunk.length;
    },
    async finish(id) {
      await close();
      const held = spooled.get(id);
      if (held !== undefined) {
        // The same bytes are already spooled (another document holds them): share that file.
        await unlink(part).catch(() => undefined);
        held.refs++;
        return held.asset;
      }
      // Unique per spool: a file of the same bytes being removed meanwhile never takes this one.
      const file = join(dir, `${id}-${randomBytes(4).toString('hex')}.asset`);
      await rename(part, file);
      const asset: AssetFile = { file, size };
      spooled.set(id, { asset, refs: 1 });
      byFile.set(file, id);
      return asset;
    },
    async abort() {
      await close().catch(() => undefined);
      await unlink(part).catch(() => undefined);
    },
  };
}

/** Bytes already in memory (an imported file), spooled when large; otherwise returned as they are. */
export async function spoolIfLarge(id: string, bytes: Uint8Array): Promise<AssetData> {
  if (bytes.length <= SPOOL_THRESHOLD) return bytes;
  const writer = await startSpoolFile();
  try {
    await writer.write(bytes);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.finish(id);
}

function change(assets: AssetMap, by: 1 | -1): Promise<void> {
  const removals: Promise<void>[] = [];
  for (const data of assets.values()) {
    if (!isAssetFile(data)) continue;
    const id = byFile.get(data.file);
    // A file spooled by another process (the export process gets the host's): not ours to count.
    const held = id === undefined ? undefined : spooled.get(id);
    if (id === undefined || held === undefined) continue;
    held.refs += by;
    if (held.refs > 0) continue;
    spooled.delete(id);
    byFile.delete(data.file);
    removals.push(unlink(data.file).catch(() => undefined));
  }
  return Promise.all(removals).then(() => undefined);
}

/**
 * Holds the spooled files of `assets` until the returned function is called (an export or a save
 * reading them while the page may close the document). Calling it twice releases once.
 */
export function retainAssets(assets: AssetMap): () => Promise<void> {
  const held = new Map(assets);
  void change(held, 1);
  let released = false;
  return () => {
    if (released) return Promise.resolve();
    released = true;
    return change(held, -1);
  };
}

/**
 * Lets go of the spooled files of `assets`; a file no one holds any more is removed (resolves
 * once it is; never rejects).
 */
export function releaseAssets(assets: AssetMap): Promise<void> {
  return change(assets, -1);
}

/** How many assets this process has spooled right now (for tests and the log). */
export function spooledCount(): number {
  return spooled.size;
}

/**
 * A spool folder of another computer (a temp folder shared over the network, or this one renamed)
 * whose process cannot be checked is cleared after this long untouched. Unlike the writer's temp
 * files, a live process's spool may sit untouched for days, so this computer's are judged by
 * their process alone, never by age.
 */
export const OTHER_HOST_SPOOL_STALE_MS = 24 * 60 * 60 * 1000;

function spoolIsStale(writer: { host: string; pid: number }, changedAt: number, check: OwnerCheck): boolean {
  if (writer.host === check.host) return writer.pid !== check.pid && !check.isAlive(writer.pid);
  return check.now - changedAt >= OTHER_HOST_SPOOL_STALE_MS;
}

/**
 * Removes spool folders that killed processes left in `base` (by default the temp folder): only
 * folders named exactly as ours, only when their process is gone (another computer's: once
 * untouched for a day), and inside them only our file names; a folder that still holds anything
 * else is left. Never follows a link. Returns the folders removed.
 */
export async function removeStaleAssetSpools(
  base: string = tmpdir(),
  overrides: Partial<OwnerCheck> = {},
): Promise<string[]> {
  const check = defaultOwnerCheck(overrides);
  let names: string[];
  try {
    names = await readdir(base);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = FOLDER_NAME.exec(name);
    if (m === null) continue;
    const writer = { host: m[1] as string, pid: Number(m[2]) };
    if (writer.host === check.host && writer.pid === check.pid) continue;
    const path = join(base, name);
    try {
      const stats = await lstat(path);
      if (!stats.isDirectory()) continue;
      if (!spoolIsStale(writer, Math.max(stats.mtimeMs, stats.ctimeMs), check)) continue;
      for (const inside of await readdir(path)) {
        if (!FILE_NAME.test(inside) && !PART_NAME.test(inside)) continue;
        const file = join(path, inside);
        if ((await lstat(file)).isFile()) await unlink(file);
      }
      await rmdir(path);
      removed.push(name);
    } catch {
      // Not empty (something not ours is inside), gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
