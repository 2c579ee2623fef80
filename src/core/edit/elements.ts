import type { Element, Project, Scene } from '../schema';
import { nextId, usedIds } from './ids';

/**
 * Element commands over one scene. Elements inside groups are found by id at any depth; only
 * the path from the scene down to the changed element is copied.
 */

/** Copies elements (and group children) giving each a new id, for duplicates and pastes. */
export function copyElementsWithNewIds(elements: readonly Element[], taken: Set<string>): Element[] {
  return elements.map((el) => {
    const id = nextId(el.kind, taken);
    if (el.kind === 'group') return { ...el, id, children: copyElementsWithNewIds(el.children, taken) };
    return { ...el, id };
  });
}

/** Finds an element at any depth. */
export function findElement(elements: readonly Element[], elementId: string): Element | undefined {
  for (const el of elements) {
    if (el.id === elementId) return el;
    if (el.kind === 'group') {
      const inner = findElement(el.children, elementId);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * Rebuilds the list with `change` applied to the element `elementId` (null deletes it).
 * Returns the same array when the element is not there, so callers can tell nothing changed.
 */
function mapElement(
  elements: readonly Element[],
  elementId: string,
  change: (el: Element) => Element | null,
): readonly Element[] {
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    if (el.id === elementId) {
      const replaced = change(el);
      if (replaced === el) return elements;
      const next = [...elements];
      if (replaced === null) next.splice(i, 1);
      else next[i] = replaced;
      return next;
    }
    if (el.kind === 'group') {
      const children = mapElement(el.children, elementId, change);
      if (children !== el.children) {
        const next = [...elements];
        next[i] = { ...el, children: [...children] };
        return next;
      }
    }
  }
  return elements;
}

function replaceSceneElements(
  project: Project,
  sceneId: string,
  update: (elements: readonly Element[]) => readonly Element[],
): Project {
  const index = project.scenes.findIndex((s) => s.id === sceneId);
  const scene = project.scenes[index];
  if (scene === undefined) return project;
  const elements = update(scene.elements);
  if (elements === scene.elements) return project;
  const scenes = [...project.scenes];
  scenes[index] = { ...scene, elements: [...elements] } satisfies Scene;
  return { ...project, scenes };
}

/** Changes an element through `change` (pure: returns the element, or the same one for no change). */
export function changeElement(
  project: Project,
  sceneId: string,
  elementId: string,
  change: (el: Element) => Element,
): Project {
  return replaceSceneElements(project, sceneId, (elements) => mapElement(elements, elementId, change));
}

export interface AddedElement {
  project: Project;
  elementId: string;
}

/**
 * Adds an element on top of the scene (or at `index`). The element's id is replaced by a new
 * one unless it is free, so pasting the same element twice never clashes.
 */
export function addElement(
  project: Project,
  sceneId: string,
  element: Element,
  index?: number,
): AddedElement {
  const scene = project.scenes.find((s) => s.id === sceneId);
  if (scene === undefined) return { project, elementId: '' };
  const taken = usedIds(project);
  const added = taken.has(element.id) ? (copyElementsWithNewIds([element], taken)[0] as Element) : element;
  const at = Math.min(Math.max(0, index ?? scene.elements.length), scene.elements.length);
  const next = replaceSceneElements(project, sceneId, (elements) => {
    const list = [...elements];
    list.splice(at, 0, added);
    return list;
  });
  return { project: next, elementId: added.id };
}

/** Element fields every kind has, plus anything kind-specific (checked by the caller's types). */
export type ElementPatch = Partial<Omit<Element, 'id' | 'kind'>> & Record<string, unknown>;

/** Sets fields on an element; fields it already has with the same value are no change. */
export function updateElement(
  project: Project,
  sceneId: string,
  elementId: string,
  patch: ElementPatch,
): Project {
  return changeElement(project, sceneId, elementId, (el) => {
    const record = el as unknown as Record<string, unknown>;
    const changed = Object.entries(patch).some(
      ([key, value]) => key !== 'id' && key !== 'kind' && record[key] !== value,
    );
    if (!changed) return el;
    // id and kind are identity: a patch never changes them.
    return { ...el, ...patch, id: el.id, kind: el.kind } as Element;
  });
}

export function deleteElement(project: Project, sceneId: string, elementId: string): Project {
  return replaceSceneElements(project, sceneId, (elements) => mapElement(elements, elementId, () => null));
}

/** Moves a top-level element in the scene's paint order (0 is at the back). */
export function reorderElement(
  project: Project,
  sceneId: string,
  elementId: string,
  toIndex: number,
): Project {
  return replaceSceneElements(project, sceneId, (elements) => {
    const from = elements.findIndex((el) => el.id === elementId);
    const to = Math.min(Math.max(0, Math.round(toIndex)), elements.length - 1);
    if (from < 0 || from === to) return elements;
    const list = [...elements];
    const [moved] = list.splice(from, 1) as [Element];
    list.splice(to, 0, moved);
    return list;
  });
}
