import { loadProject } from '../../../src/core/load';
import type { Project } from '../../../src/core/schema';

/**
 * The two documents the kill test's child saves in turn. Generation `n` has the number in its
 * title and in every record, and the two shapes differ in size, so any mix of two saves (or a
 * cut-off save) shows up as a document that matches neither.
 */
export function generation(n: number): Project {
  const big = n % 2 === 1;
  const sceneCount = big ? 6 : 2;
  const loaded = loadProject({
    format: 'kindness-studio',
    version: 1,
    title: `Kind words #${n}`,
    scenes: Array.from({ length: sceneCount }, (_, s) => ({
      id: `g${n}-scene-${s}`,
      name: `Scene ${s + 1} of generation ${n}`,
      duration: 2 + s,
      notes: big ? `${'Notes for a long scene. '.repeat(200)}${n}` : `short ${n}`,
      elements: Array.from({ length: big ? 30 : 3 }, (_, e) => ({
        id: `g${n}-s${s}-e${e}`,
        kind: 'text',
        text: `You matter 💛 (${n}/${s}/${e})`,
        x: e * 10,
        y: s * 10,
      })),
    })),
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.project;
}

/** The generation a loaded document is, or null when it is not exactly one of them. */
export function whichGeneration(project: Project): number | null {
  const match = /^Kind words #(\d+)$/.exec(project.title);
  if (match?.[1] === undefined) return null;
  const n = Number(match[1]);
  return JSON.stringify(project) === JSON.stringify(generation(n)) ? n : null;
}
