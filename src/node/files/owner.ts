import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { errorCode } from './fileErrors';

/**
 * Who writes a file: a short hash of this computer's name and the process id. Temp names and
 * reservations carry it, so a later run can tell "its writer is gone" from "still writing".
 */
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/** Whether a process with this pid exists on this computer (one owned by another user counts). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

/** A leftover whose writer cannot be checked (another computer, a pid in use) is cleared after this long untouched. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

export interface OwnerCheck {
  now: number;
  host: string;
  pid: number;
  isAlive: (pid: number) => boolean;
}

export function defaultOwnerCheck(overrides: Partial<OwnerCheck> = {}): OwnerCheck {
  return { now: Date.now(), host: HOST_TAG, pid: process.pid, isAlive: processIsAlive, ...overrides };
}

/**
 * Whether a file written by `writer` is left over: written on this computer by a process that is
 * gone; anything else (another computer sharing the folder, a pid now in use) only once untouched
 * for STALE_AFTER_MS. This process's own files are judged by the caller (it knows what is in flight).
 */
export function ownerIsGone(
  writer: { host: string; pid: number } | null,
  changedAt: number,
  check: OwnerCheck,
): boolean {
  if (
    writer !== null &&
    writer.host === check.host &&
    writer.pid !== check.pid &&
    !check.isAlive(writer.pid)
  ) {
    return true;
  }
  return check.now - changedAt >= STALE_AFTER_MS;
}
