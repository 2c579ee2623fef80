/**
 * CPU time per export stage, for `kindness bench` (which turns it on in its child process).
 * Off by default: each stage then costs one boolean test. Process-wide because a bench child
 * runs exactly one export; the CPU clock is the whole process's (all its threads).
 */
export type Stage = 'render' | 'readback' | 'convert' | 'pipe';

export const STAGES: readonly Stage[] = ['render', 'readback', 'convert', 'pipe'];

const totals: Record<Stage, number> = { render: 0, readback: 0, convert: 0, pipe: 0 };
let enabled = false;

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export function enableStageMeter(): void {
  enabled = true;
}

/** Runs `work`, adding its CPU time to `stage` when the meter is on. */
export function metered<T>(stage: Stage, work: () => T): T {
  if (!enabled) return work();
  const before = cpuMicros();
  try {
    return work();
  } finally {
    totals[stage] += cpuMicros() - before;
  }
}

/** CPU seconds per stage so far. */
export function stageSeconds(): Record<Stage, number> {
  return {
    render: totals.render / 1e6,
    readback: totals.readback / 1e6,
    convert: totals.convert / 1e6,
    pipe: totals.pipe / 1e6,
  };
}
