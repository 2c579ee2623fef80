import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { codedError, errorCode } from './fileErrors';
import { claimWriterTemp, releaseWriterTemp, removeStaleWriterTemps } from './tempNames';

/**
 * The one atomic writer. Every file goes first to a hidden temporary name beside its target,
 * created exclusively (O_CREAT|O_EXCL, which never follows a link, plus O_NOFOLLOW) and private
 * (0600), so a link planted at any temp name is never followed and no other user reads half a
 * file. Then: flush to disk, give the file its final mode, move it into place, flush the folder.
 * A failure removes the temp file and leaves the target as it was.
 */

/**
 * May the write replace a file already at the target? `never`: the write fails with EEXIST and
 * the file is kept (a file the job did not make); `always`: it is replaced (the user said so, or
 * it is the app's own file, as settings are).
 */
export type ReplacePolicy = 'never' | 'always';

export interface WriteOptions {
  replace: ReplacePolicy;
  /** The finished file's permissions before the umask (default 0666: as any program makes files). */
  mode?: number | undefined;
  /**
   * With `replace: 'always'`: the file being replaced is kept as `TARGET.bak` (an older `.bak` is
   * replaced), made before the new file goes into place, so a crash at any moment leaves the
   * target whole, old or new. A project save keeps its previous version this way.
   */
  backup?: boolean | undefined;
}

/** For the app's own data (settings, backups): readable by this user only. */
export const PRIVATE_MODE = 0o600;
const DEFAULT_MODE = 0o666;
// Read once; applying it ourselves keeps the finished file's mode what any other program would make.
const UMASK = process.umask();

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
/** Why `link` may fail on a file system that has no hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Creates `path` as a new, private, empty file; fails if anything (a link too) is there. */
export function createExclusive(path: string): Promise<FileHandle> {
  return open(path, CREATE_EXCLUSIVE, 0o600);
}

/** How many fresh temp names to try when one is taken (only a planted file or link takes one). */
const TEMP_TRIES = 8;

/**
 * Claims a fresh temp name beside `target` and runs `create` on it; a name already taken (a link
 * planted at it, say) is never used or followed: the next fresh name is tried instead.
 */
export async function withFreshTemp<T>(
  target: string,
  create: (path: string) => Promise<T>,
): Promise<{ path: string; made: T }> {
  for (let attempt = 1; ; attempt++) {
    const path = claimWriterTemp(target);
    try {
      return { path, made: await create(path) };
    } catch (error) {
      releaseWriterTemp(path);
      if (errorCode(error) !== 'EEXIST' || attempt >= TEMP_TRIES) throw error;
    }
  }
}

/** Writes every byte (a write may be partial). */
async function writeAll(handle: FileHandle, chunk: string | Uint8Array): Promise<void> {
  const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a rename durable sooner; best effort (not every system can sync a folder). */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the file at `target` as `TARGET.bak`: a hard link (instant, no copy) or, where there are
 * none, a copy, made at a fresh exclusive temp name and renamed over the older backup. Nothing to
 * keep when the target does not exist.
 */
async function keepBackup(target: string): Promise<void> {
  try {
    await lstat(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const { path: staging } = await withFreshTemp(`${target}.bak`, async (path) => {
    try {
      await link(target, path);
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
      // COPYFILE_EXCL: the staging name is created exclusively, so a link planted there is refused.
      await copyFile(target, path, constants.COPYFILE_EXCL);
    }
  });
  try {
    await rename(staging, `${target}.bak`);
  } finally {
    await unlink(staging).catch(() => undefined);
    releaseWriterTemp(staging);
  }
}

/** Moves a finished temp file to `target` under the policy, then flushes the folder. */
export async function moveIntoPlace(
  temp: string,
  target: string,
  replace: ReplacePolicy,
  options: { backup?: boolean | undefined } = {},
): Promise<void> {
  if (replace === 'always') {
    if (options.backup === true) await keepBackup(target);
    // rename replaces a link at the target itself, never the file it points to.
    await rename(temp, target);
  } else {
    await linkIntoPlace(temp, target);
  }
  await syncFolder(dirname(target)).catch(() => undefined);
}

/** `link` makes the new name only if it is free, atomically; the temp name then goes. */
async function linkIntoPlace(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') throw codedError('EEXIST', `"${basename(target)}" already exists`);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    // No hard links here: claim the name with an exclusive create, then move over the claim.
    const claim = await createExclusive(target).catch((claimError: unknown) => {
      throw errorCode(claimError) === 'EEXIST'
        ? codedError('EEXIST', `"${basename(target)}" already exists`)
        : claimError;
    });
    await claim.close();
    await rename(temp, target);
    return;
  }
  await unlink(temp).catch(() => undefined);
}

/** Flushes a finished temp file and gives it its final mode, refusing anything but a plain file. */
async function finishTemp(path: string, mode: number): Promise<void> {
  const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  try {
    if (!(await handle.stat()).isFile()) throw codedError('ENOTREG', 'the temporary file was replaced');
    await handle.chmod(mode & ~UMASK);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type WriteData =
  string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Writes the whole temp file (created exclusively under a fresh name): every byte, final mode, flushed. */
async function writeTemp(handle: FileHandle, data: WriteData, mode: number): Promise<void> {
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeAll(handle, data);
    else for await (const chunk of data) await writeAll(handle, chunk);
    await handle.chmod(mode & ~UMASK);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` (bytes, text, or chunks as they come) to `target` atomically under `replace`.
 * Throws the file system's error (ENOSPC, EEXIST, ...) with nothing left behind.
 */
export async function writeFileAtomic(target: string, data: WriteData, options: WriteOptions): Promise<void> {
  // What killed writers left here is cleared first (ours only, their process gone), freeing its space.
  await removeStaleWriterTemps(dirname(target));
  const { path: temp, made: handle } = await withFreshTemp(target, createExclusive);
  try {
    await writeTemp(handle, data, options.mode ?? DEFAULT_MODE);
    await moveIntoPlace(temp, target, options.replace, options);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    releaseWriterTemp(temp);
  }
}

/**
 * Writes `data` as a new file under the first free name of `namesFor(1)`, `namesFor(2)`, ...
 * (never over a file that is there) and returns the path it took. Null when none of `tries` was free.
 */
export async function writeNewFileAtomic(
  namesFor: (copy: number) => string,
  data: WriteData,
  options: { tries?: number; mode?: number } = {},
): Promise<string | null> {
  await removeStaleWriterTemps(dirname(namesFor(1)));
  const { path: temp, made: handle } = await withFreshTemp(namesFor(1), createExclusive);
  try {
    await writeTemp(handle, data, options.mode ?? DEFAULT_MODE);
    for (let copy = 1; copy <= (options.tries ?? 999); copy++) {
      const target = namesFor(copy);
      try {
        await moveIntoPlace(temp, target, 'never');
        return target;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
    return null;
  } finally {
    await unlink(temp).catch(() => undefined);
    releaseWriterTemp(temp);
  }
}

/**
 * A temp file beside `target` that another program (ffmpeg) writes to. It is created here first,
 * exclusively, so what the other program opens is our own plain file, never a planted link.
 */
export interface TempFile {
  readonly path: string;
  /** Flushes it and moves it into place; the temp file is gone afterwards whatever happens. */
  commit(options: WriteOptions): Promise<void>;
  /** Removes it (cancel, failure); safe to call more than once. */
  discard(): Promise<void>;
}

/**
 * Flushes a temp file another program finished writing, gives it its final mode and moves it into
 * place under the policy. On failure the temp file stays for the caller to remove.
 */
export async function commitTemp(temp: string, target: string, options: WriteOptions): Promise<void> {
  await finishTemp(temp, options.mode ?? DEFAULT_MODE);
  await moveIntoPlace(temp, target, options.replace, options);
}

/**
 * Copies `source` into a temp file made by reserveTempFile (ours, exclusive): opened without
 * following a link and emptied first, so what is written is only ever our own file.
 */
export async function copyIntoTemp(source: string, temp: string): Promise<void> {
  const from = await open(source, constants.O_RDONLY);
  try {
    const to = await open(temp, constants.O_WRONLY | constants.O_TRUNC | NO_FOLLOW);
    try {
      if (!(await to.stat()).isFile()) throw codedError('ENOTREG', 'the temporary file was replaced');
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await from.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        await writeAll(to, chunk.subarray(0, bytesRead));
      }
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

export async function reserveTempFile(target: string): Promise<TempFile> {
  const { path } = await withFreshTemp(target, async (fresh) => (await createExclusive(fresh)).close());
  const discard = async (): Promise<void> => {
    await unlink(path).catch(() => undefined);
    releaseWriterTemp(path);
  };
  return {
    path,
    async commit(options) {
      try {
        await commitTemp(path, target, options);
      } finally {
        await discard();
      }
    },
    discard,
  };
}
