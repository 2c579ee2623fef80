import type { Background, Project, Scene, Transition } from '../schema';
import { blankScene } from './blank';
import { nextId, usedIds } from './ids';
import { copyElementsWithNewIds } from './elements';

/**
 * Scene commands. Each returns a new Project and never mutates its input; untouched scenes
 * and elements are the same objects as before (cheap undo history, and the renderer skips them).
 * A command that cannot apply (unknown id, no-op) returns the very same project.
 */

export const MIN_SCENE_DURATION = 0.1;
export const MAX_SCENE_DURATION = 600;
export const MAX_SCENES = 500;
export const MAX_TRANSITION_DURATION = 5;

export function sceneIndex(project: Project, sceneId: string): number {
  return project.scenes.findIndex((s) => s.id === sceneId);
}

function withScenes(project: Project, scenes: Scene[]): Project {
  return { ...project, scenes };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export interface AddedScene {
  project: Project;
  sceneId: string;
}

/** Adds an empty scene at `index` (the end by default), named after its position. */
export function addScene(project: Project, index: number = project.scenes.length): AddedScene {
  if (project.scenes.length >= MAX_SCENES) return { project, sceneId: '' };
  const at = clamp(Math.round(index), 0, project.scenes.length);
  const taken = usedIds(project);
  const sceneId = nextId('scene', taken);
  const scene = blankScene(sceneId, `Scene ${project.scenes.length + 1}`);
  const scenes = [...project.scenes];
  scenes.splice(at, 0, scene);
  return { project: withScenes(project, scenes), sceneId };
}

/** Copies a scene (new ids for it and every element) right after the original. */
export function duplicateScene(project: Project, sceneId: string): AddedScene {
  const index = sceneIndex(project, sceneId);
  const original = project.scenes[index];
  if (original === undefined || project.scenes.length >= MAX_SCENES) return { project, sceneId: '' };
  const taken = usedIds(project);
  const copyId = nextId('scene', taken);
  const copy: Scene = {
    ...original,
    id: copyId,
    name: original.name ? `${original.name} (copy)`.slice(0, 200) : '',
    elements: copyElementsWithNewIds(original.elements, taken),
  };
  const scenes = [...project.scenes];
  scenes.splice(index + 1, 0, copy);
  return { project: withScenes(project, scenes), sceneId: copyId };
}

/** Inserts a copy of `scene` (from a clipboard, maybe another project) at `index`, with new ids. */
export function pasteScene(
  project: Project,
  scene: Scene,
  index: number = project.scenes.length,
): AddedScene {
  if (project.scenes.length >= MAX_SCENES) return { project, sceneId: '' };
  const taken = usedIds(project);
  const sceneId = nextId('scene', taken);
  const copy: Scene = { ...scene, id: sceneId, elements: copyElementsWithNewIds(scene.elements, taken) };
  const scenes = [...project.scenes];
  scenes.splice(clamp(Math.round(index), 0, project.scenes.length), 0, copy);
  return { project: withScenes(project, scenes), sceneId };
}

/** Deletes a scene; the last one stays (a project always has at least one scene). */
export function deleteScene(project: Project, sceneId: string): Project {
  const index = sceneIndex(project, sceneId);
  if (index < 0 || project.scenes.length <= 1) return project;
  return withScenes(
    project,
    project.scenes.filter((_, i) => i !== index),
  );
}

/** Moves a scene so it ends up at `toIndex` (clamped to the storyboard). */
export function moveScene(project: Project, sceneId: string, toIndex: number): Project {
  const from = sceneIndex(project, sceneId);
  if (from < 0) return project;
  const to = clamp(Math.round(toIndex), 0, project.scenes.length - 1);
  if (from === to) return project;
  const scenes = [...project.scenes];
  const [scene] = scenes.splice(from, 1) as [Scene];
  scenes.splice(to, 0, scene);
  return withScenes(project, scenes);
}

export interface ScenePatch {
  name?: string;
  duration?: number;
  notes?: string;
  background?: Background;
  transition?: Partial<Transition>;
}

/** Changes a scene's own settings. Numbers are kept in range rather than refused. */
export function updateScene(project: Project, sceneId: string, patch: ScenePatch): Project {
  const index = sceneIndex(project, sceneId);
  const scene = project.scenes[index];
  if (scene === undefined) return project;
  const next: Scene = { ...scene };
  let changed = false;
  if (patch.name !== undefined && patch.name !== scene.name) {
    next.name = patch.name.slice(0, 200);
    changed = true;
  }
  if (patch.duration !== undefined && Number.isFinite(patch.duration)) {
    const duration = clamp(patch.duration, MIN_SCENE_DURATION, MAX_SCENE_DURATION);
    if (duration !== scene.duration) {
      next.duration = duration;
      changed = true;
    }
  }
  if (patch.notes !== undefined && patch.notes !== scene.notes) {
    next.notes = patch.notes.slice(0, 20000);
    changed = true;
  }
  if (patch.background !== undefined && patch.background !== scene.background) {
    next.background = patch.background;
    changed = true;
  }
  if (patch.transition !== undefined) {
    const merged: Transition = { ...scene.transition, ...patch.transition };
    merged.duration = Number.isFinite(merged.duration)
      ? clamp(merged.duration, 0, MAX_TRANSITION_DURATION)
      : scene.transition.duration;
    const t = scene.transition;
    if (merged.kind !== t.kind || merged.duration !== t.duration || merged.direction !== t.direction) {
      next.transition = merged;
      changed = true;
    }
  }
  if (!changed) return project;
  const scenes = [...project.scenes];
  scenes[index] = next;
  return withScenes(project, scenes);
}
