import type { Element, Project } from '../schema';

/** Every element id in a list, groups included. */
function collectElementIds(elements: readonly Element[], into: Set<string>): void {
  for (const el of elements) {
    into.add(el.id);
    if (el.kind === 'group') collectElementIds(el.children, into);
  }
}

/** Ids already used by scenes and elements: new ids are chosen outside this set. */
export function usedIds(project: Project): Set<string> {
  const ids = new Set<string>();
  for (const scene of project.scenes) {
    ids.add(scene.id);
    collectElementIds(scene.elements, ids);
  }
  return ids;
}

/**
 * The first `prefix-N` not in `taken` (and adds it, so one set serves several new ids).
 * Deterministic: the same document and edit always give the same ids, which keeps the core pure.
 */
export function nextId(prefix: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  const id = `${prefix}-${n}`;
  taken.add(id);
  return id;
}
