import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProject, serializeProject } from '../../../src/core/load';
import { CURRENT_VERSION, type Element } from '../../../src/core/schema';

const versionsDir = new URL('../../fixtures/versions/', import.meta.url);
const versions = Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1);
const fixtureText = (version: number): string =>
  readFileSync(new URL(`v${version}.json`, versionsDir), 'utf8');

describe('version fixtures', () => {
  it('has a fixture for every version from 1 to the current one (add one with each new version)', () => {
    for (const version of versions) expect(existsSync(new URL(`v${version}.json`, versionsDir))).toBe(true);
    const names = readdirSync(versionsDir).filter((n) => n.endsWith('.json'));
    expect(names.sort()).toEqual(versions.map((v) => `v${v}.json`).sort());
  });

  it.each(versions)('loads the version %i fixture without repairs', (version) => {
    const result = loadProject(fixtureText(version));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual([]);
    expect(result.migratedFrom).toBe(version === CURRENT_VERSION ? null : version);
    expect(result.project.version).toBe(CURRENT_VERSION);
  });

  it('the v1 fixture uses every element kind, so migrations meet them all', () => {
    const result = loadProject(fixtureText(1));
    if (!result.ok) throw new Error(result.error.message);
    const kinds = new Set<string>();
    const visit = (elements: readonly Element[]): void => {
      for (const element of elements) {
        kinds.add(element.kind);
        if (element.kind === 'group') visit(element.children);
      }
    };
    for (const scene of result.project.scenes) visit(scene.elements);
    expect([...kinds].sort()).toEqual(
      [
        'bubble',
        'brush',
        'drawing',
        'ellipse',
        'group',
        'image',
        'line',
        'path',
        'polygon',
        'rect',
        'star',
        'text',
      ].sort(),
    );
  });
});

describe('serializeProject', () => {
  const loaded = loadProject(fixtureText(CURRENT_VERSION));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const project = loaded.project;

  it('writes 2-space JSON with a trailing newline that loads back to the same project', () => {
    const text = serializeProject(project);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "kindness-studio",');
    const again = loadProject(text);
    expect(again.ok && again.project).toEqual(project);
  });

  it('is stable: key order follows the schema, whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(project).reverse()) as typeof project;
    expect(serializeProject(shuffled)).toBe(serializeProject(project));
  });
});
