import type { ChildProcess } from 'node:child_process';

/**
 * The ffmpeg processes this process has running. The export process reports them to the studio,
 * so that if it dies mid-way (a crash in native code, killed for memory) the studio can end the
 * ffmpeg it left behind instead of leaving it writing a file nobody will finish.
 */
const running = new Set<number>();
const listeners = new Set<(pids: readonly number[]) => void>();

function changed(): void {
  const pids = [...running];
  for (const listener of listeners) listener(pids);
}

/** Counts `child` as running until it exits. */
export function trackChildProcess(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined || running.has(pid)) return;
  running.add(pid);
  changed();
  child.once('exit', () => {
    running.delete(pid);
    changed();
  });
}

/** Calls `listener` with every running pid each time the set changes; returns the unsubscribe. */
export function onChildProcessesChanged(listener: (pids: readonly number[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
