import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  MigrationFailedError,
  assertMigrationChain,
  runMigrations,
  type Migration,
} from '../../../src/core/load';
import { CURRENT_VERSION } from '../../../src/core/schema';

/** A made-up history: v2 renamed `name` to `title`, v3 moved `title` into `meta`. */
function syntheticChain(log: string[]): Migration[] {
  return [
    {
      from: 1,
      to: 2,
      description: 'rename name to title',
      up(doc) {
        log.push(`1->2 saw version ${String(doc.version)}`);
        const { name, ...rest } = doc;
        return { ...rest, title: name };
      },
    },
    {
      from: 2,
      to: 3,
      description: 'move title into meta',
      up(doc) {
        log.push(`2->3 saw version ${String(doc.version)}`);
        const { title, ...rest } = doc;
        return { ...rest, meta: { title } };
      },
    },
  ];
}

function step(chain: readonly Migration[], from: number): Migration {
  const found = chain.find((m) => m.from === from);
  if (found === undefined) throw new Error(`no step from ${from}`);
  return found;
}

describe('migrations', () => {
  it('the registry leads from version 1 to the current version without gaps', () => {
    expect(() => assertMigrationChain(MIGRATIONS, CURRENT_VERSION)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 2));
  });

  it('runs every step in order and ends at the target version', () => {
    const log: string[] = [];
    const result = runMigrations(
      { format: 'kindness-studio', version: 1, name: 'Hi' },
      1,
      syntheticChain(log),
      3,
    );
    expect(log).toEqual(['1->2 saw version 1', '2->3 saw version 2']);
    expect(result.applied).toEqual([2, 3]);
    expect(result.doc).toEqual({ format: 'kindness-studio', version: 3, meta: { title: 'Hi' } });
  });

  it('starts from the version the file has', () => {
    const log: string[] = [];
    const result = runMigrations({ version: 2, title: 'Hi' }, 2, syntheticChain(log), 3);
    expect(log).toEqual(['2->3 saw version 2']);
    expect(result.applied).toEqual([3]);
    expect(result.doc.version).toBe(3);
  });

  it('does nothing for a file already at the target', () => {
    const doc = { version: 3 };
    expect(runMigrations(doc, 3, syntheticChain([]), 3)).toEqual({ doc, applied: [] });
  });

  it('turns a step that throws into a migration-failed error a creator can read', () => {
    const chain = syntheticChain([]);
    chain[1] = {
      ...step(chain, 2),
      up() {
        throw new Error('meta is not an object');
      },
    };
    let caught: unknown;
    try {
      runMigrations({ version: 1, name: 'Hi' }, 1, chain, 3);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrationFailedError);
    expect((caught as MigrationFailedError).failure).toEqual({
      kind: 'migration-failed',
      fromVersion: 1,
      toVersion: 3,
      detail: 'meta is not an object',
      message:
        'This project could not be upgraded from file version 2 to 3 (move title into meta): ' +
        'meta is not an object. The file was not changed.',
    });
  });

  it('treats a gap in the chain as a programming error', () => {
    const chain = syntheticChain([]).filter((m) => m.from !== 2);
    expect(() => assertMigrationChain(chain, 3)).toThrow('No migration from version 2 to 3.');
    expect(() => runMigrations({ version: 1 }, 1, chain, 3)).toThrow('No migration from version 2 to 3.');
    expect(() => assertMigrationChain([{ ...step(chain, 1), to: 3 }], 3)).toThrow(/exactly one version/);
    expect(() => assertMigrationChain([...chain, step(chain, 1)], 2)).toThrow(
      /Two migrations start at version 1/,
    );
  });
});
