import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load';

/** Bugs the reliability suites found, each pinned by the smallest input that showed it. */
describe('found by the reliability suites', () => {
  it('a "__proto__" key in a project file never brings its contents into the document', () => {
    const text =
      '{"format":"kindness-studio","version":1,' +
      '"__proto__":{"title":"Injected","scenes":[{"id":"evil","duration":2}]},' +
      '"scenes":[{"id":"s1","duration":3}]}';
    const result = loadProject(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.project.title).toBe('Untitled');
    expect(result.project.scenes.map((s) => s.id)).toEqual(['s1']);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it('a file whose only scenes sit under "__proto__" is refused as having no scenes', () => {
    const result = loadProject(
      '{"format":"kindness-studio","version":1,"__proto__":{"scenes":[{"id":"a","duration":2}]}}',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid');
  });
});
