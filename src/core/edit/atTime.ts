import { CHOICE_PROPERTIES } from '../schema';
import type { NumericProperty, Project } from '../schema';
import { findElement, updateElement, type ElementPatch } from './elements';
import { setKeyframe } from './keyframes';

const CHOICES: ReadonlySet<string> = new Set(CHOICE_PROPERTIES);

/**
 * Sets properties of an element as seen at `time` (scene seconds): a number (or a character's
 * expression or mouth) for a property that already has keyframes becomes a keyframe there;
 * everything else changes the element.
 */
export function changeAtTime(
  project: Project,
  sceneId: string,
  elementId: string,
  patch: ElementPatch,
  time: number,
): Project {
  const scene = project.scenes.find((s) => s.id === sceneId);
  const el = scene ? findElement(scene.elements, elementId) : undefined;
  if (el === undefined) return project;
  let next = project;
  const plain: ElementPatch = {};
  for (const [key, value] of Object.entries(patch)) {
    const track = el.keyframes?.[key as NumericProperty];
    const keyable = typeof value === 'number' || (typeof value === 'string' && CHOICES.has(key));
    if (keyable && track !== undefined && track.length > 0) {
      next = setKeyframe(next, sceneId, elementId, key as NumericProperty, { time, value });
    } else {
      plain[key] = value;
    }
  }
  if (Object.keys(plain).length > 0) next = updateElement(next, sceneId, elementId, plain);
  return next;
}

/** The same change over several elements, as one new project (one undo step for the caller). */
export function changeManyAtTime(
  project: Project,
  sceneId: string,
  patches: ReadonlyMap<string, ElementPatch>,
  time: number,
): Project {
  let next = project;
  for (const [id, patch] of patches) next = changeAtTime(next, sceneId, id, patch, time);
  return next;
}
