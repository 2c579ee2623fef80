import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { codedError } from './fileErrors';

/**
 * Reads that open regular files only. A named pipe opened for reading blocks until a writer
 * comes, and a device such as /dev/zero never ends: either would hold a thread of the host for
 * good. So the path is checked before it is opened, opened without blocking (O_NONBLOCK, which
 * changes nothing for a regular file), checked again on what was opened, and every read is bounded
 * in time.
 */

/** How long opening and reading one file may take before the read is given up. */
export const READ_TIMEOUT_MS = 30_000;

const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export interface ReadOptions {
  /** Refuse a link at the path itself (the app's own files); user files may be links. */
  noFollow?: boolean;
  timeoutMs?: number;
}

/** What a path is, for the refusal: "a folder", "a named pipe", "a device", ... */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}

function refuse(stats: Stats): NodeJS.ErrnoException {
  // EISDIR for a folder, as Node says it; ENOTREG (ours) for pipes, devices and sockets.
  return codedError(stats.isDirectory() ? 'EISDIR' : 'ENOTREG', `it is ${kindOf(stats)}, not a file`);
}

/** Rejects with ETIMEDOUT when `work` takes longer than `ms` (the work itself is left to finish). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(codedError('ETIMEDOUT', `${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Opens a regular file for reading, or throws ENOTREG/EISDIR without ever blocking on it. */
export async function openRegularFile(
  path: string,
  options: ReadOptions = {},
): Promise<{ handle: FileHandle; stats: Stats }> {
  const before = await stat(path);
  if (!before.isFile()) throw refuse(before);
  const flags = constants.O_RDONLY | NON_BLOCKING | (options.noFollow === true ? NO_FOLLOW : 0);
  const handle = await open(path, flags);
  try {
    // The path may have been swapped for a pipe between the check and the open: check what we hold.
    const stats = await handle.stat();
    if (!stats.isFile()) throw refuse(stats);
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Checks that `path` is a regular file (open and fstat, bounded in time) and returns its stats. */
export async function statRegularFile(path: string, options: ReadOptions = {}): Promise<Stats> {
  return withTimeout(
    (async () => {
      const { handle, stats } = await openRegularFile(path, options);
      await handle.close();
      return stats;
    })(),
    options.timeoutMs ?? READ_TIMEOUT_MS,
    'Opening the file',
  );
}

/** Reads the first bytes of a regular file. */
export async function readRegularFileHead(
  path: string,
  bytes: number,
  options: ReadOptions = {},
): Promise<Buffer> {
  return withTimeout(
    (async () => {
      const { handle } = await openRegularFile(path, options);
      try {
        const head = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(head, 0, bytes, 0);
        return head.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    })(),
    options.timeoutMs ?? READ_TIMEOUT_MS,
    'Reading the file',
  );
}

/** Reads a whole regular file, refusing one larger than `maxBytes` (EFBIG) before reading it. */
export function readRegularFile(path: string, options: ReadOptions & { maxBytes?: number }): Promise<Buffer>;
export function readRegularFile(
  path: string,
  options: ReadOptions & { maxBytes?: number; encoding: 'utf8' },
): Promise<string>;
export async function readRegularFile(
  path: string,
  options: ReadOptions & { maxBytes?: number; encoding?: 'utf8' },
): Promise<Buffer | string> {
  return withTimeout(
    (async () => {
      const { handle, stats } = await openRegularFile(path, options);
      try {
        if (options.maxBytes !== undefined && stats.size > options.maxBytes) {
          throw codedError('EFBIG', `it is larger than ${options.maxBytes} bytes`);
        }
        const bytes = await handle.readFile();
        return options.encoding === 'utf8' ? bytes.toString('utf8') : bytes;
      } finally {
        await handle.close();
      }
    })(),
    options.timeoutMs ?? READ_TIMEOUT_MS,
    'Reading the file',
  );
}
