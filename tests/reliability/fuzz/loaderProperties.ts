import fc from 'fast-check';
import { loadProject, serializeProject, type LoadResult } from '../../../src/core/load';
import { ProjectSchema } from '../../../src/core/schema';
import { arbitraryInputArb, damagedInputArb, hostileKeyedArb, validDocumentArb } from './documents';

/** The kinds of error the JSON loader may answer with; anything else is a bug. */
export const LOAD_ERROR_KINDS = ['not-json', 'not-a-project', 'newer-version', 'invalid', 'migration-failed'];

/** What the built-in prototypes look like before any loading: compared after every case. */
export function prototypeSnapshot(): string {
  const names = (value: object) => Object.getOwnPropertyNames(value).sort().join(',');
  return [
    names(Object.prototype),
    names(Array.prototype),
    names(Function.prototype),
    names(String.prototype),
  ].join('|');
}

/** Throws (a fast-check failure) unless nothing was added to a prototype. */
export function assertPrototypesClean(before: string): void {
  const probe: Record<string, unknown> = {};
  if (probe.polluted !== undefined || prototypeSnapshot() !== before) {
    throw new Error('a built-in prototype was changed by loading');
  }
}

/** The loader's contract for any input: a valid project or a typed error a creator can read. */
export function assertWellFormedOutcome(result: LoadResult): void {
  if (typeof result !== 'object' || result === null) throw new Error('the loader returned no result');
  if (result.ok) {
    const check = ProjectSchema.safeParse(result.project);
    if (!check.success) throw new Error(`the loader accepted an invalid project: ${check.error.message}`);
    return;
  }
  if (!LOAD_ERROR_KINDS.includes(result.error.kind))
    throw new Error(`unknown error kind ${result.error.kind}`);
  if (typeof result.error.message !== 'string' || result.error.message.length < 10) {
    throw new Error('an error without a readable message');
  }
  if (result.error.message.length > 4000) throw new Error('an error message too long to show');
}

export interface FuzzCounts {
  damaged: number;
  arbitrary: number;
  valid: number;
  hostileKeys: number;
}

export const BASE_COUNTS: FuzzCounts = { damaged: 6000, arbitrary: 1500, valid: 1000, hostileKeys: 500 };

/**
 * Deep equality of two documents as JSON sees them: same keys, same values, same order of
 * lists. -0 and 0 count as equal (JSON writes both as 0; nothing in a project tells them apart).
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameDocument(v, b[i]))
    );
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      keysA.length === keysB.length &&
      keysA.every((k) => sameDocument((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

export interface SuiteOutcome {
  name: string;
  cases: number;
  /** fast-check's report (with the counterexample) when the property failed, else null. */
  failure: string | null;
  accepted: number;
  refused: number;
}

function summarize<T>(
  name: string,
  details: fc.RunDetails<T>,
  accepted: number,
  refused: number,
): SuiteOutcome {
  return {
    name,
    cases: details.numRuns,
    failure: details.failed
      ? `${String(details.errorInstance)}\n${(fc.defaultReportMessage(details) ?? '').slice(0, 3000)}`
      : null,
    accepted,
    refused,
  };
}

/**
 * Runs the three JSON loader properties. `tick` is called after every case so a watchdog can
 * tell a slow run from a hang.
 */
export function runLoaderFuzz(seed: number, counts: FuzzCounts, tick: () => void): SuiteOutcome[] {
  const clean = prototypeSnapshot();
  const outcomes: SuiteOutcome[] = [];

  let accepted = 0;
  let refused = 0;
  const count = (result: LoadResult) => (result.ok ? accepted++ : refused++);

  const damaged = fc.check(
    fc.property(damagedInputArb, ({ input }) => {
      const result = loadProject(input);
      tick();
      assertWellFormedOutcome(result);
      assertPrototypesClean(clean);
      count(result);
    }),
    { seed, numRuns: counts.damaged },
  );
  outcomes.push(summarize('damaged documents', damaged, accepted, refused));

  accepted = 0;
  refused = 0;
  const arbitrary = fc.check(
    fc.property(arbitraryInputArb, (input) => {
      const result = loadProject(input);
      tick();
      assertWellFormedOutcome(result);
      assertPrototypesClean(clean);
      count(result);
    }),
    { seed: seed + 1, numRuns: counts.arbitrary },
  );
  outcomes.push(summarize('arbitrary values', arbitrary, accepted, refused));

  accepted = 0;
  refused = 0;
  const valid = fc.check(
    fc.property(validDocumentArb, (doc) => {
      const first = loadProject(doc);
      tick();
      if (!first.ok) throw new Error(`a valid document was refused: ${first.error.message}`);
      const again = loadProject(serializeProject(first.project));
      if (!again.ok) throw new Error(`a saved document did not load again: ${again.error.message}`);
      if (!sameDocument(again.project, first.project)) throw new Error('load(save(doc)) differs from doc');
      if (again.repairs.length > 0)
        throw new Error(`a saved document needed repairs: ${again.repairs[0]?.message}`);
      count(first);
    }),
    { seed: seed + 2, numRuns: counts.valid },
  );
  outcomes.push(summarize('valid documents, load(save(doc))', valid, accepted, refused));

  accepted = 0;
  refused = 0;
  const hostile = fc.check(
    fc.property(hostileKeyedArb, ({ plain, hostile: keyed, asText }) => {
      const expected = loadProject(plain);
      const result = loadProject(asText ? JSON.stringify(keyed) : keyed);
      tick();
      assertPrototypesClean(clean);
      if (!expected.ok) throw new Error('a valid document was refused');
      assertWellFormedOutcome(result);
      // Unknown keys are dropped (or, in a keyed map such as keyframes, refused as a bad key);
      // "__proto__" and friends must never bring their contents into the document.
      if (result.ok && !sameDocument(result.project, expected.project)) {
        throw new Error('a "__proto__"-like key changed the document');
      }
      count(result);
    }),
    { seed: seed + 3, numRuns: counts.hostileKeys },
  );
  outcomes.push(summarize('valid documents with __proto__/constructor keys', hostile, accepted, refused));
  return outcomes;
}
