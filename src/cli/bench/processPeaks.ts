import { readdirSync, readFileSync } from 'node:fs';

/** One process's peak resident memory, as the kernel counted it (VmHWM). */
export interface ProcessPeak {
  readonly pid: number;
  readonly name: string;
  readonly peakBytes: number;
}

export interface PeakWatcher {
  /** Stops watching; the peaks of every process seen, largest first. */
  stop(): ProcessPeak[];
}

const SAMPLE_MS = 250;
/**
 * Looking for new child processes reads all of /proc: once a second. The watcher runs inside the
 * export it measures, so it must cost little (reading all of /proc every 250 ms and each process
 * every 50 ms was about 1 % of the export's own CPU); ffmpeg processes the export starts are added
 * the moment they start (`onStarted`). A peak is a high-water mark, so the last reading holds
 * all of it but what a process adds in its last quarter second.
 */
const DISCOVER_EVERY = 4;

/**
 * Watches the peak memory of `rootPid`'s descendants (ffmpeg and chunk renderers started by an
 * export; those `onStarted` reports are watched from their start), and of `rootPid` itself when
 * `includeRoot`. VmHWM is a high-water mark, so a sample taken any time before a process exits
 * already holds its peak up to then. Linux only; elsewhere the list stays empty.
 */
export function watchProcessPeaks(
  rootPid: number,
  includeRoot = false,
  onStarted?: (listener: (pids: readonly number[]) => void) => () => void,
): PeakWatcher {
  const peaks = new Map<number, { name: string; peakBytes: number }>();
  const known = new Set<number>(includeRoot ? [rootPid] : []);
  let ticks = 0;
  const read = (pid: number): void => {
    const status = readStatus(pid);
    if (status === null) return;
    const before = peaks.get(pid)?.peakBytes ?? 0;
    peaks.set(pid, { name: status.name, peakBytes: Math.max(before, status.hwmBytes) });
  };
  const sample = (): void => {
    if (ticks++ % DISCOVER_EVERY === 0) for (const pid of descendants(rootPid)) known.add(pid);
    for (const pid of known) read(pid);
  };
  const unsubscribe = onStarted?.((pids) => {
    for (const pid of pids) {
      if (known.has(pid)) continue;
      known.add(pid);
      read(pid);
    }
  });
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      unsubscribe?.();
      sample();
      return [...peaks.entries()]
        .map(([pid, p]) => ({ pid, ...p }))
        .sort((a, b) => b.peakBytes - a.peakBytes);
    },
  };
}

function readStatus(pid: number): { name: string; hwmBytes: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(.+)$/m.exec(text)?.[1] ?? String(pid);
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(text);
    return hwm ? { name, hwmBytes: Number(hwm[1]) * 1024 } : null;
  } catch {
    return null; // gone (or not Linux)
  }
}

function descendants(rootPid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parentOf = new Map<number, number>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and brackets: fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const found = new Set<number>([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(rootPid);
  return [...found];
}
