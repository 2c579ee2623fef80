import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fitName } from './fitName';
import { defaultOwnerCheck, HOST_TAG, ownerIsGone, type OwnerCheck } from './owner';

/**
 * The hidden temporary files the writer makes beside a target, and the rule for clearing the
 * ones a killed process left behind.
 *
 * A temp file is named `.NAME.HOST-PID-RANDOM.part`: hidden, unique (RANDOM is 8 hex digits), and
 * it says who wrote it, so a later run removes it only once its writer is gone. Only names of
 * exactly this shape that are plain files are ever removed. Project saves used to have a writer
 * of their own; its names (`.NAME.kindness.HOST-PID-RANDOM.tmp`, `.bak.tmp`, and the older
 * `.NAME.kindness.RANDOM.tmp` that did not say who wrote it) are still recognised, so what a
 * killed save of an older version left is cleared too.
 */

const TEMP_NAME = /^\.(.+)\.([0-9a-f]{6})-([1-9]\d{0,9})-([0-9a-f]{8})\.part$/;
/** The project save's own names before it used this writer. */
const OLD_SAVE_NAME = /^\.(.+\.kindness)\.([0-9a-f]{6})-([1-9]\d{0,9})-([0-9a-f]{8})(?:\.bak)?\.tmp$/;
/** Older still: the save's names before they carried their writer. */
const OLDEST_SAVE_NAME = /^\.(.+\.kindness)\.([0-9a-f]{8})(?:\.bak)?\.tmp$/;

/** Temp files this process is writing right now (never cleared, whatever their age). */
const inFlight = new Set<string>();

export interface WriterTempName {
  /** The name the temp file was going to take. */
  target: string;
  /** Who wrote it; null for the oldest save names, which did not say (cleared by age only). */
  writer: { host: string; pid: number } | null;
}

/** Reads one of the writer's temp names (or an older save's); null for any other name. */
export function parseWriterTempName(name: string): WriterTempName | null {
  const m = TEMP_NAME.exec(name) ?? OLD_SAVE_NAME.exec(name);
  if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    return { target: m[1], writer: { host: m[2], pid: Number(m[3]) } };
  }
  const oldest = OLDEST_SAVE_NAME.exec(name);
  if (oldest?.[1] !== undefined) return { target: oldest[1], writer: null };
  return null;
}

/** A fresh temp path beside `target` for the process `pid` on this computer. */
export function writerTempPath(target: string, pid: number = process.pid): string {
  const tail = `.${HOST_TAG}-${pid}-${randomBytes(4).toString('hex')}.part`;
  // A target whose name is near the limit still gets a temp name that fits.
  const name = `.${fitName(basename(target), 1 + tail.length)}${tail}`;
  return join(dirname(target), name);
}

/**
 * A fresh temp path beside `target`, registered as in flight until released: registered before
 * the file exists, so a cleanup running at the same time never takes it for a leftover.
 */
export function claimWriterTemp(target: string): string {
  const path = writerTempPath(target);
  inFlight.add(path);
  return path;
}

export function releaseWriterTemp(path: string): void {
  inFlight.delete(path);
}

export function isWriterTempInFlight(path: string): boolean {
  return inFlight.has(path);
}

/**
 * Removes the writer's stale temp files from `folder` and returns their names. Best effort: a
 * file that vanished or cannot be removed is skipped. Never touches another name, a folder or a link.
 */
export async function removeStaleWriterTemps(
  folder: string,
  overrides: Partial<OwnerCheck> = {},
): Promise<string[]> {
  const check = defaultOwnerCheck(overrides);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const parsed = parseWriterTempName(name);
    if (parsed === null) continue;
    const path = join(folder, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile()) continue;
      const ownOrGone =
        parsed.writer?.host === check.host && parsed.writer.pid === check.pid
          ? !inFlight.has(path)
          : ownerIsGone(parsed.writer, Math.max(stats.mtimeMs, stats.ctimeMs), check);
      if (!ownOrGone) continue;
      await unlink(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
