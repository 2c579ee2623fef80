/**
 * CPU time per export stage, for `kindness bench` (which turns it on in its child process).
 * Off by default: each stage then costs one boolean test. Process-wide because a bench child
 * runs exactly one export; the CPU clock is the whole process's (all its threads).
 *
 * The meter times one call in every `SAMPLE_EVERY` of each stage and scales the sum up. Reading
 * the process's CPU clock in the middle of an export is not free: the kernel sums the time of
 * every thread of the process, and with ffmpeg busy on the other core each read took about
 * 0.1 ms. Timing every call cost the sample 0.2-0.3 s of its 9 s export, so the bench was
 * measuring its own meter; one in seven still cost about 0.07 s. Thirteen is prime, so a stage
 * whose cost repeats every 2, 3, 5 or 30 frames is still sampled across its whole cycle, and the
 * sample's 600 frames still give 46 timed calls a stage.
 */
export type Stage = 'render' | 'readback' | 'convert' | 'pipe';

export const STAGES: readonly Stage[] = ['render', 'readback', 'convert', 'pipe'];

export const SAMPLE_EVERY = 13;

type Clock = () => number;

const zero = (): Record<Stage, number> => ({ render: 0, readback: 0, convert: 0, pipe: 0 });

let measured = zero();
let calls = zero();
let timedCalls = zero();
let clock: Clock | null = null;

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Turns the meter on (and starts it from zero); `microsClock` replaces the CPU clock in tests. */
export function enableStageMeter(microsClock: Clock = cpuMicros): void {
  clock = microsClock;
  measured = zero();
  calls = zero();
  timedCalls = zero();
}

/** Turns the meter off again (tests). */
export function disableStageMeter(): void {
  clock = null;
}

/** Runs `work`, adding its CPU time to `stage` when the meter is on and this call is sampled. */
export function metered<T>(stage: Stage, work: () => T): T {
  const read = clock;
  if (read === null) return work();
  const call = calls[stage]++;
  if (call % SAMPLE_EVERY !== 0) return work();
  timedCalls[stage]++;
  const before = read();
  try {
    return work();
  } finally {
    measured[stage] += read() - before;
  }
}

/** Estimated CPU seconds per stage so far: the sampled calls' time, scaled to every call. */
export function stageSeconds(): Record<Stage, number> {
  const estimate = (stage: Stage): number =>
    timedCalls[stage] === 0 ? 0 : (measured[stage] * (calls[stage] / timedCalls[stage])) / 1e6;
  return {
    render: estimate('render'),
    readback: estimate('readback'),
    convert: estimate('convert'),
    pipe: estimate('pipe'),
  };
}
