import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { defaultOwnerCheck, HOST_TAG, ownerIsGone, type OwnerCheck } from './owner';

/**
 * The hidden temporary files the writer makes beside a target, and the rule for clearing the
 * ones a killed process left behind.
 *
 * A temp file is named `.NAME.HOST-PID-RANDOM.part`: hidden, unique (RANDOM is 8 hex digits), and
 * it says who wrote it, so a later run removes it only once its writer is gone. Only names of
 * exactly this shape that are plain files are ever removed. (Project saves keep their own
 * `.NAME.kindness.HOST-PID-RANDOM.tmp` names: see src/host/node/projectFile/saveTempFiles.ts.)
 */

const TEMP_NAME = /^\.(.+)\.([0-9a-f]{6})-([1-9]\d{0,9})-([0-9a-f]{8})\.part$/;

/** Temp files this process is writing right now (never cleared, whatever their age). */
const inFlight = new Set<string>();

export interface WriterTempName {
  /** The name the temp file was going to take. */
  target: string;
  writer: { host: string; pid: number };
}

/** Reads one of the writer's temp names; null for any other name. */
export function parseWriterTempName(name: string): WriterTempName | null {
  const m = TEMP_NAME.exec(name);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  return { target: m[1], writer: { host: m[2], pid: Number(m[3]) } };
}

/** A fresh temp path beside `target` for the process `pid` on this computer. */
export function writerTempPath(target: string, pid: number = process.pid): string {
  const name = `.${basename(target)}.${HOST_TAG}-${pid}-${randomBytes(4).toString('hex')}.part`;
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
        parsed.writer.host === check.host && parsed.writer.pid === check.pid
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
