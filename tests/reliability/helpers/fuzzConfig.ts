/**
 * One seed and one size for every reliability suite, so a CI run is reproducible and a failure
 * can be replayed: `KINDNESS_FUZZ_SEED=123 KINDNESS_FUZZ_SCALE=4 npm run test:reliability`.
 */
export const DEFAULT_SEED = 20261125;

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  }
  return value;
}

/** The seed of this run (printed by every suite that uses it). */
export const FUZZ_SEED = Math.floor(numberFromEnv('KINDNESS_FUZZ_SEED', DEFAULT_SEED));

/** Multiplies every suite's case count: 0.1 for a quick look, 10 for a long soak. */
export const FUZZ_SCALE = numberFromEnv('KINDNESS_FUZZ_SCALE', 1);

/** A suite's case count at this run's scale (never below 1). */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/** A small deterministic generator (mulberry32) for tests that pick random points themselves. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function describeRun(suite: string, cases: number): string {
  return `[reliability] ${suite}: ${cases} cases, seed ${FUZZ_SEED} (replay with KINDNESS_FUZZ_SEED=${FUZZ_SEED})`;
}
