import { createHash, randomUUID } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './messages';

/**
 * The hidden temp files an atomic save writes beside its target, and the rule for clearing the
 * ones a killed or crashed save left behind.
 *
 * A temp file is named `.NAME.kindness.HOST-PID-RANDOM.tmp` (`.bak.tmp` for the staged backup):
 * HOST is a short hash of this computer's name and PID the writing process, so a later save can
 * tell "its writer is gone" apart from "a save is still writing it". Only names of exactly this
 * shape (or the older `.NAME.kindness.RANDOM.tmp` shape) that are plain files are ever removed.
 */

/** Clear a temp file whose writer cannot be checked (another computer, a pid in use) only after this long untouched. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** Temp files this process is writing right now (never cleared, whatever their age). */
const inFlight = new Set<string>();

const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

const CURRENT_NAME = /^\.(.+\.kindness)\.([0-9a-f]{6})-([1-9]\d{0,9})-([0-9a-f]{8})(\.bak)?\.tmp$/;
/** Written before temp names carried their writer (kept so those leftovers are cleared too). */
const LEGACY_NAME = /^\.(.+\.kindness)\.([0-9a-f]{8})(\.bak)?\.tmp$/;

export interface TempName {
  /** The project file the temp file was going to become (or back up). */
  target: string;
  /** Who wrote it; null for the older names that did not say. */
  writer: { host: string; pid: number } | null;
}

/** Reads one of our temp file names; null for any other name. */
export function parseTempName(name: string): TempName | null {
  const current = CURRENT_NAME.exec(name);
  if (current?.[1] !== undefined && current[2] !== undefined && current[3] !== undefined) {
    return { target: current[1], writer: { host: current[2], pid: Number(current[3]) } };
  }
  const legacy = LEGACY_NAME.exec(name);
  if (legacy?.[1] !== undefined) return { target: legacy[1], writer: null };
  return null;
}

export type TempSuffix = '.tmp' | '.bak.tmp';

/** A fresh temp path beside `target` for the process `pid` on this computer. */
export function tempSiblingPath(target: string, suffix: TempSuffix, pid: number = process.pid): string {
  const name = `.${basename(target)}.${HOST_TAG}-${pid}-${randomUUID().slice(0, 8)}${suffix}`;
  return join(dirname(target), name);
}

/**
 * A fresh temp path beside `target`, registered as in flight until `release` is called; it is
 * registered before the file exists, so a cleanup running at the same time never sees it unclaimed.
 */
export function claimTempSibling(target: string, suffix: TempSuffix): string {
  const path = tempSiblingPath(target, suffix);
  inFlight.add(path);
  return path;
}

export function releaseTempSibling(path: string): void {
  inFlight.delete(path);
}

/** Whether a process with this pid exists on this computer (one owned by another user counts). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

export interface StaleCheck {
  now: number;
  host: string;
  pid: number;
  isAlive: (pid: number) => boolean;
  isInFlight: (path: string) => boolean;
}

/**
 * Whether the temp file at `path` is a leftover: written on this computer by a process that is
 * gone, or by this process but no longer in flight. Anything else (another computer sharing the
 * folder, a pid now in use, the older names) only once untouched for STALE_AFTER_MS: a save still
 * running keeps its temp file's change time fresh, except while it copies the previous file as
 * the backup, which on a large project and a slow disk can take minutes.
 */
export function isStaleTemp(path: string, parsed: TempName, changedAt: number, check: StaleCheck): boolean {
  const writer = parsed.writer;
  if (writer?.host === check.host) {
    if (writer.pid === check.pid) return !check.isInFlight(path);
    if (!check.isAlive(writer.pid)) return true;
  }
  return check.now - changedAt >= STALE_AFTER_MS;
}

/**
 * Removes our stale temp files from `folder` and returns their names. Best effort: a file that
 * vanished or cannot be removed is skipped. Never touches another name, a folder or a link.
 */
export async function removeStaleTempFiles(
  folder: string,
  overrides: Partial<StaleCheck> = {},
): Promise<string[]> {
  const check: StaleCheck = {
    now: Date.now(),
    host: HOST_TAG,
    pid: process.pid,
    isAlive: processIsAlive,
    isInFlight: (path) => inFlight.has(path),
    ...overrides,
  };
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const parsed = parseTempName(name);
    if (parsed === null) continue;
    const path = join(folder, name);
    try {
      const stats = await lstat(path);
      // ctime moves on every write and on the link a backup makes, so it says when it was last used.
      const changedAt = Math.max(stats.mtimeMs, stats.ctimeMs);
      if (!stats.isFile() || !isStaleTemp(path, parsed, changedAt, check)) continue;
      await unlink(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
