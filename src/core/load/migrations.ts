import { CURRENT_VERSION } from '../schema';
import { isPlainObject } from './plain';
import type { LoadError } from './types';

/**
 * One step of the file format: turns a version `from` document into a version `to` document.
 * `up` receives a private copy (it may mutate it) and must not throw for a document that was
 * valid in its version; the runner sets `version` itself after each step.
 */
export interface Migration {
  from: number;
  to: number;
  /** What changed, in a few words (shown when the step fails). */
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every migration, oldest first. Adding version N+1: append `{ from: N, to: N + 1, ... }`,
 * bump CURRENT_VERSION, update the schema, and add `tests/fixtures/versions/vN+1.json`.
 */
export const MIGRATIONS: readonly Migration[] = [];

/**
 * Throws when `migrations` do not lead step by step from version 1 to `target`. A gap is a
 * programming error, so it fails at module load (and in a test), never on a user's file.
 */
export function assertMigrationChain(migrations: readonly Migration[], target: number): void {
  const byFrom = new Map<number, Migration>();
  for (const m of migrations) {
    if (m.to !== m.from + 1) throw new Error(`Migration ${m.from}->${m.to} must go up exactly one version.`);
    if (byFrom.has(m.from)) throw new Error(`Two migrations start at version ${m.from}.`);
    if (m.to > target) throw new Error(`Migration ${m.from}->${m.to} goes past version ${target}.`);
    byFrom.set(m.from, m);
  }
  for (let v = 1; v < target; v++) {
    if (!byFrom.has(v)) throw new Error(`No migration from version ${v} to ${v + 1}.`);
  }
}

assertMigrationChain(MIGRATIONS, CURRENT_VERSION);

export type MigrationFailure = Extract<LoadError, { kind: 'migration-failed' }>;

/** Thrown by runMigrations when a step fails on this document; loadProject turns it into a result. */
export class MigrationFailedError extends Error {
  readonly failure: MigrationFailure;
  constructor(failure: MigrationFailure) {
    super(failure.message);
    this.name = 'MigrationFailedError';
    this.failure = failure;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the steps from `fromVersion` up to `target` in order on `doc` (mutated and returned).
 * `applied` lists the version reached by each step, e.g. [2, 3] for a v1 file and target 3.
 */
export function runMigrations(
  doc: Record<string, unknown>,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_VERSION,
): { doc: Record<string, unknown>; applied: number[] } {
  if (fromVersion > target) throw new Error(`Cannot migrate down from version ${fromVersion} to ${target}.`);
  const applied: number[] = [];
  let current = doc;
  for (let version = fromVersion; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (step === undefined || step.to !== version + 1) {
      throw new Error(`No migration from version ${version} to ${version + 1}.`);
    }
    let next: unknown;
    try {
      next = step.up(current);
    } catch (error) {
      throw failed(fromVersion, step, errorText(error));
    }
    if (!isPlainObject(next)) throw failed(fromVersion, step, 'the step did not produce a document');
    next.version = step.to;
    current = next;
    applied.push(step.to);
  }
  return { doc: current, applied };
}

function failed(fromVersion: number, step: Migration, detail: string): MigrationFailedError {
  return new MigrationFailedError({
    kind: 'migration-failed',
    fromVersion,
    toVersion: step.to,
    detail,
    message:
      `This project could not be upgraded from file version ${step.from} to ${step.to} ` +
      `(${step.description}): ${detail}. The file was not changed.`,
  });
}
