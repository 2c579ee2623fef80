import type { Element, Project, Scene } from '../schema';
import { copyElementsWithNewIds } from './elements';
import { usedIds } from './ids';

/** Commands over several top-level elements of one scene at once (a selection). */

function withElements(project: Project, sceneId: string, elements: Element[] | null): Project {
  if (elements === null) return project;
  const index = project.scenes.findIndex((s) => s.id === sceneId);
  const scene = project.scenes[index];
  if (scene === undefined) return project;
  const scenes = [...project.scenes];
  scenes[index] = { ...scene, elements } satisfies Scene;
  return { ...project, scenes };
}

function sceneElements(project: Project, sceneId: string): readonly Element[] | null {
  return project.scenes.find((s) => s.id === sceneId)?.elements ?? null;
}

export function deleteElements(project: Project, sceneId: string, ids: readonly string[]): Project {
  const elements = sceneElements(project, sceneId);
  if (elements === null) return project;
  const gone = new Set(ids);
  const kept = elements.filter((el) => !gone.has(el.id));
  return withElements(project, sceneId, kept.length === elements.length ? null : kept);
}

export interface AddedElements {
  project: Project;
  elementIds: string[];
}

/**
 * Copies the elements (new ids, moved by `nudge` pixels) on top of the scene, in their
 * painting order, so the copies keep the same stacking among themselves.
 */
export function duplicateElements(
  project: Project,
  sceneId: string,
  ids: readonly string[],
  nudge = 40,
): AddedElements {
  const elements = sceneElements(project, sceneId);
  if (elements === null) return { project, elementIds: [] };
  const picked = new Set(ids);
  const originals = elements.filter((el) => picked.has(el.id));
  if (originals.length === 0) return { project, elementIds: [] };
  const copies = copyElementsWithNewIds(originals, usedIds(project)).map(
    (el) => ({ ...el, x: el.x + nudge, y: el.y + nudge }) as Element,
  );
  return {
    project: withElements(project, sceneId, [...elements, ...copies]),
    elementIds: copies.map((el) => el.id),
  };
}

/** Pastes copied elements on top of a scene with fresh ids where theirs are taken. */
export function pasteElements(
  project: Project,
  sceneId: string,
  copied: readonly Element[],
  nudge: number,
): AddedElements {
  const elements = sceneElements(project, sceneId);
  if (elements === null || copied.length === 0) return { project, elementIds: [] };
  const taken = usedIds(project);
  const placed = copied.map((el) => ({ ...el, x: el.x + nudge, y: el.y + nudge }) as Element);
  const fresh = placed.map((el) => {
    if (!taken.has(el.id) && (el.kind !== 'group' || !hasTakenChild(el.children, taken))) {
      taken.add(el.id);
      return el;
    }
    return copyElementsWithNewIds([el], taken)[0] as Element;
  });
  return {
    project: withElements(project, sceneId, [...elements, ...fresh]),
    elementIds: fresh.map((el) => el.id),
  };
}

function hasTakenChild(children: readonly Element[], taken: Set<string>): boolean {
  return children.some((c) => taken.has(c.id) || (c.kind === 'group' && hasTakenChild(c.children, taken)));
}

export type ReorderMove = 'forward' | 'backward' | 'front' | 'back';

/**
 * Changes where the elements sit in the painting order (index 0 is at the back): one step
 * past their unselected neighbour, or all the way, keeping their order among themselves.
 */
export function reorderElements(
  project: Project,
  sceneId: string,
  ids: readonly string[],
  move: ReorderMove,
): Project {
  const elements = sceneElements(project, sceneId);
  if (elements === null) return project;
  const picked = new Set(ids);
  let list = [...elements];
  if (move === 'front') {
    list = [...list.filter((el) => !picked.has(el.id)), ...list.filter((el) => picked.has(el.id))];
  } else if (move === 'back') {
    list = [...list.filter((el) => picked.has(el.id)), ...list.filter((el) => !picked.has(el.id))];
  } else if (move === 'forward') {
    for (let i = list.length - 2; i >= 0; i--) {
      const a = list[i] as Element;
      const b = list[i + 1] as Element;
      if (picked.has(a.id) && !picked.has(b.id)) [list[i], list[i + 1]] = [b, a];
    }
  } else {
    for (let i = 1; i < list.length; i++) {
      const a = list[i] as Element;
      const b = list[i - 1] as Element;
      if (picked.has(a.id) && !picked.has(b.id)) [list[i], list[i - 1]] = [b, a];
    }
  }
  const same = list.every((el, i) => el === elements[i]);
  return withElements(project, sceneId, same ? null : list);
}
