import { isChoiceValue } from '../schema';
import type { ChoiceProperty, ChoiceValue, Element, Easing, GroupElement, Project, Viseme } from '../schema';
import { isCharacter } from '../character/parts';
import { changeElement, findElement } from './elements';
import { setKeyframe } from './keyframes';

/**
 * Character commands: set, keyframe and script a character's expression and mouth. Each is
 * one pure step (one undo in the history). Values outside the choices change nothing.
 */

function characterIn(project: Project, sceneId: string, elementId: string): GroupElement | undefined {
  const scene = project.scenes.find((s) => s.id === sceneId);
  const el = scene ? findElement(scene.elements, elementId) : undefined;
  return el !== undefined && isCharacter(el) ? el : undefined;
}

function withoutTrack(el: GroupElement, property: ChoiceProperty): Element {
  if (el.keyframes?.[property] === undefined) return el;
  const { [property]: _gone, ...rest } = el.keyframes;
  const { keyframes: _old, ...plain } = el;
  return Object.keys(rest).length === 0 ? (plain as Element) : ({ ...plain, keyframes: rest } as Element);
}

/**
 * Sets the character's expression or mouth for the whole scene (any keyframes of that property
 * are removed): what the inspector's choice does when the property is not animated.
 */
export function setCharacterChoice<P extends ChoiceProperty>(
  project: Project,
  sceneId: string,
  elementId: string,
  property: P,
  value: ChoiceValue<P>,
): Project {
  if (!isChoiceValue(property, value) || characterIn(project, sceneId, elementId) === undefined)
    return project;
  return changeElement(project, sceneId, elementId, (el) => {
    const group = el as GroupElement;
    if (group[property] === value && group.keyframes?.[property] === undefined) return el;
    return { ...withoutTrack(group, property), [property]: value } as Element;
  });
}

/**
 * Keyframes the character's expression or mouth at `time` (scene seconds): it switches there and
 * holds until the next keyframe. The first keyframe after the scene start also keeps the value
 * the character had until then (a keyframe at 0), so "sad from 2 s" does not make it sad at 0.
 */
export function keyframeCharacterChoice<P extends ChoiceProperty>(
  project: Project,
  sceneId: string,
  elementId: string,
  property: P,
  value: ChoiceValue<P>,
  time: number,
): Project {
  const character = characterIn(project, sceneId, elementId);
  if (character === undefined || !isChoiceValue(property, value) || !(time >= 0)) return project;
  let next = project;
  const track = character.keyframes?.[property];
  if ((track === undefined || track.length === 0) && time > 0) {
    const before =
      property === 'expression' ? (character.expression ?? 'happy') : (character.mouth ?? 'rest');
    next = setKeyframe(next, sceneId, elementId, property, { time: 0, value: before });
  }
  return setKeyframe(next, sceneId, elementId, property, { time, value });
}

/** One mouth shape from `time` (scene seconds) on, as a lip-sync track lists them. */
export interface MouthCue {
  time: number;
  mouth: Viseme;
}

/**
 * Replaces the character's whole mouth track with `cues` (a voice's lip sync, issue 14): sorted
 * by time, one cue per moment (the later one wins), repeats of the same shape merged, and a
 * `rest` from the start when the first cue comes later. No cues removes the track. One step.
 */
export function setMouthTrack(
  project: Project,
  sceneId: string,
  elementId: string,
  cues: readonly MouthCue[],
): Project {
  if (characterIn(project, sceneId, elementId) === undefined) return project;
  const valid = cues
    .filter((c) => Number.isFinite(c.time) && c.time >= 0 && isChoiceValue('mouth', c.mouth))
    .map((c, order) => ({ ...c, order }))
    .sort((a, b) => a.time - b.time || a.order - b.order);
  const track: { time: number; value: Viseme; easing: Easing }[] = [];
  for (const cue of valid) {
    const last = track[track.length - 1];
    if (last !== undefined && Math.abs(last.time - cue.time) < 0.0005) {
      last.value = cue.mouth;
      continue;
    }
    track.push({ time: cue.time, value: cue.mouth, easing: 'hold' });
  }
  // Merging after the same-time pass: [rest@0, A@1, A@2] becomes [rest@0, A@1].
  const merged = track.filter((k, i) => i === 0 || (track[i - 1] as { value: Viseme }).value !== k.value);
  const first = merged[0];
  if (first !== undefined && first.time > 0) merged.unshift({ time: 0, value: 'rest', easing: 'hold' });
  return changeElement(project, sceneId, elementId, (el) => {
    const group = el as GroupElement;
    if (merged.length === 0) return withoutTrack(group, 'mouth');
    return { ...group, keyframes: { ...group.keyframes, mouth: merged } };
  });
}
