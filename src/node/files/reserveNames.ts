import { basename, dirname, join } from 'node:path';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { createExclusive } from './atomicWriter';
import { errorCode } from './fileErrors';
import { fitName } from './fitName';
import { defaultOwnerCheck, HOST_TAG, ownerIsGone, type OwnerCheck } from './owner';
import { readRegularFile } from './readRegularFile';
import type { ReplacePolicy } from './atomicWriter';

/**
 * Reserving output names before a long job writes them, so two jobs (two clicks in the export
 * dialog, two CLI runs, two windows) never write the same file. A name is reserved by creating
 * `.NAME.reserved` exclusively beside it (atomic across processes), holding who reserved it; the
 * names of one job are reserved together or not at all. A reservation whose process is gone
 * (a job killed with SIGKILL) is taken over.
 */

const MARK = 'kindness-reservation';
/** Reservations this process holds (its own are never taken for stale). */
const held = new Set<string>();

export function reservationPath(target: string): string {
  return join(dirname(target), `.${fitName(basename(target), '..reserved'.length)}.reserved`);
}

export interface Reservation {
  readonly paths: readonly string[];
  /** Frees the names (the files written stay); safe to call more than once. */
  release(): Promise<void>;
}

export type ReserveResult =
  | { ok: true; reservation: Reservation }
  /** `exists`: a file is there (and may not be replaced); `busy`: another job is writing it. */
  | { ok: false; path: string; reason: 'exists' | 'busy' };

async function lexists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Whether the reservation file at `lock` was left by a job that is gone. */
async function isStale(lock: string, check: OwnerCheck): Promise<boolean> {
  if (held.has(lock)) return false;
  try {
    const stats = await lstat(lock);
    if (!stats.isFile()) return false;
    const text = await readRegularFile(lock, {
      noFollow: true,
      maxBytes: 200,
      encoding: 'utf8',
      timeoutMs: 5000,
    });
    const [mark, host, pid] = text.trim().split(' ');
    if (mark !== MARK || host === undefined || !/^[1-9]\d{0,9}$/.test(pid ?? '')) return false;
    const writer = { host, pid: Number(pid) };
    const changedAt = Math.max(stats.mtimeMs, stats.ctimeMs);
    if (writer.host === check.host && writer.pid === check.pid) return true; // ours, not held: left over
    return ownerIsGone(writer, changedAt, check);
  } catch {
    return false;
  }
}

async function takeOne(target: string, check: OwnerCheck): Promise<boolean> {
  const lock = reservationPath(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await createExclusive(lock);
      try {
        await handle.write(`${MARK} ${HOST_TAG} ${process.pid}\n`);
      } finally {
        await handle.close();
      }
      held.add(lock);
      return true;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if (attempt > 0 || !(await isStale(lock, check))) return false;
      await unlink(lock).catch(() => undefined);
    }
  }
  return false;
}

/**
 * Reserves every path of `paths` or none. With `replace: 'never'` a path where a file (or a
 * link) already is counts as taken.
 */
export async function reserveNames(
  paths: readonly string[],
  options: { replace: ReplacePolicy; check?: Partial<OwnerCheck> },
): Promise<ReserveResult> {
  const check = defaultOwnerCheck(options.check);
  const taken: string[] = [];
  const release = async (): Promise<void> => {
    for (const path of taken.splice(0)) {
      const lock = reservationPath(path);
      held.delete(lock);
      await unlink(lock).catch(() => undefined);
    }
  };
  try {
    for (const path of paths) {
      if (!(await takeOne(path, check))) {
        await release();
        return { ok: false, path, reason: 'busy' };
      }
      taken.push(path);
      // Checked once the name is ours, so no other job of ours can create it meanwhile.
      if (options.replace === 'never' && (await lexists(path))) {
        await release();
        return { ok: false, path, reason: 'exists' };
      }
    }
  } catch (error) {
    await release();
    throw error;
  }
  return { ok: true, reservation: { paths: [...paths], release } };
}

/**
 * Reserves the first free group of names: `namesFor(1)`, then `namesFor(2)`, ... (every name of a
 * group is free, so the files of one job keep one number). Null when none of `tries` is free.
 */
export async function reserveFreeNames(
  namesFor: (copy: number) => readonly string[],
  options: { tries?: number; check?: Partial<OwnerCheck> } = {},
): Promise<Reservation | null> {
  for (let copy = 1; copy <= (options.tries ?? 999); copy++) {
    const result = await reserveNames(namesFor(copy), { replace: 'never', ...options });
    if (result.ok) return result.reservation;
  }
  return null;
}

/** Removes reservations in `folder` whose job is gone (a killed CLI export); returns their names. */
export async function removeStaleReservations(
  folder: string,
  overrides: Partial<OwnerCheck> = {},
): Promise<string[]> {
  const check = defaultOwnerCheck(overrides);
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!/^\..+\.reserved$/.test(name)) continue;
    const lock = join(folder, name);
    if (!(await isStale(lock, check))) continue;
    await unlink(lock).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
