import type {
  ChoiceProperty,
  ColorProperty,
  Easing,
  Element,
  KeyframeTracks,
  NumericProperty,
  Project,
} from '../schema';
import { changeElement } from './elements';

/**
 * Keyframe commands. Times are seconds from the scene's start; tracks stay sorted by time and
 * hold at most one keyframe per time (two keyframes closer than a millisecond are the same one).
 */

const SAME_TIME = 0.0005;

export type KeyframeProperty = NumericProperty | ColorProperty | ChoiceProperty;
type Property = KeyframeProperty;
type AnyKeyframe = { time: number; value: number | string; easing: Easing };

export interface KeyframeInput {
  time: number;
  value: number | string;
  easing?: Easing;
}

function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) < SAME_TIME;
}

function defaultEasing(property: Property): Easing {
  if (property === 'expression' || property === 'mouth') return 'hold';
  return property === 'fill' || property === 'stroke' ? 'linear' : 'easeInOutCubic';
}

function withTrack(el: Element, property: Property, track: AnyKeyframe[]): Element {
  // An empty track is dropped, and so is an empty set of tracks: the file stays minimal.
  const others = Object.entries(el.keyframes ?? {}).filter(([key]) => key !== property);
  const entries = track.length > 0 ? [...others, [property, track] as const] : others;
  const { keyframes: _old, ...rest } = el;
  if (entries.length === 0) return rest as Element;
  return { ...rest, keyframes: Object.fromEntries(entries) as KeyframeTracks } as Element;
}

function trackOf(el: Element, property: Property): AnyKeyframe[] {
  return (el.keyframes?.[property] as AnyKeyframe[] | undefined) ?? [];
}

function sorted(track: AnyKeyframe[]): AnyKeyframe[] {
  return [...track].sort((a, b) => a.time - b.time);
}

/** Adds a keyframe, or replaces the one at the same time (keeping its easing unless one is given). */
export function setKeyframe(
  project: Project,
  sceneId: string,
  elementId: string,
  property: Property,
  input: KeyframeInput,
): Project {
  if (!Number.isFinite(input.time) || input.time < 0) return project;
  if (typeof input.value === 'number' && !Number.isFinite(input.value)) return project;
  return changeElement(project, sceneId, elementId, (el) => {
    const track = trackOf(el, property);
    const existing = track.find((k) => sameTime(k.time, input.time));
    const keyframe: AnyKeyframe = {
      time: existing?.time ?? input.time,
      value: input.value,
      easing: input.easing ?? existing?.easing ?? defaultEasing(property),
    };
    if (existing && existing.value === keyframe.value && existing.easing === keyframe.easing) return el;
    const rest = track.filter((k) => k !== existing);
    return withTrack(el, property, sorted([...rest, keyframe]));
  });
}

/** Moves the keyframe at `fromTime` to `toTime`, replacing any keyframe already there. */
export function moveKeyframe(
  project: Project,
  sceneId: string,
  elementId: string,
  property: Property,
  fromTime: number,
  toTime: number,
): Project {
  if (!Number.isFinite(toTime)) return project;
  const target = Math.max(0, toTime);
  return changeElement(project, sceneId, elementId, (el) => {
    const track = trackOf(el, property);
    const moving = track.find((k) => sameTime(k.time, fromTime));
    if (moving === undefined || sameTime(moving.time, target)) return el;
    const rest = track.filter((k) => k !== moving && !sameTime(k.time, target));
    return withTrack(el, property, sorted([...rest, { ...moving, time: target }]));
  });
}

export function deleteKeyframe(
  project: Project,
  sceneId: string,
  elementId: string,
  property: Property,
  time: number,
): Project {
  return changeElement(project, sceneId, elementId, (el) => {
    const track = trackOf(el, property);
    const rest = track.filter((k) => !sameTime(k.time, time));
    if (rest.length === track.length) return el;
    return withTrack(el, property, rest);
  });
}

/** Every time at which an element has a keyframe on any property, sorted. */
export function keyframeTimes(el: Element): number[] {
  const times: number[] = [];
  for (const track of Object.values(el.keyframes ?? {})) {
    for (const k of (track ?? []) as AnyKeyframe[]) {
      if (!times.some((t) => sameTime(t, k.time))) times.push(k.time);
    }
  }
  return times.sort((a, b) => a - b);
}

/** Applies `change` to the keyframe at `time` of every track (null deletes it). */
function changeKeyframesAt(
  project: Project,
  sceneId: string,
  elementId: string,
  time: number,
  change: (k: AnyKeyframe, track: AnyKeyframe[]) => AnyKeyframe[] | null,
): Project {
  return changeElement(project, sceneId, elementId, (el) => {
    let next = el;
    for (const [property, list] of Object.entries(el.keyframes ?? {})) {
      const track = (list ?? []) as AnyKeyframe[];
      const at = track.find((k) => sameTime(k.time, time));
      if (at === undefined) continue;
      const replaced = change(at, track);
      if (replaced !== null) next = withTrack(next, property as Property, replaced);
    }
    return next;
  });
}

/** Moves the keyframes at `fromTime` (all properties) to `toTime`, replacing any already there. */
export function moveKeyframesAt(
  project: Project,
  sceneId: string,
  elementId: string,
  fromTime: number,
  toTime: number,
): Project {
  if (!Number.isFinite(toTime) || sameTime(fromTime, toTime)) return project;
  const target = Math.max(0, toTime);
  return changeKeyframesAt(project, sceneId, elementId, fromTime, (moving, track) =>
    sorted([...track.filter((k) => k !== moving && !sameTime(k.time, target)), { ...moving, time: target }]),
  );
}

/** Deletes the keyframes at `time` on every property. */
export function deleteKeyframesAt(
  project: Project,
  sceneId: string,
  elementId: string,
  time: number,
): Project {
  return changeKeyframesAt(project, sceneId, elementId, time, (gone, track) =>
    track.filter((k) => k !== gone),
  );
}

/** Sets how the motion leaves the keyframes at `time` (towards the next ones). */
export function setKeyframeEasingAt(
  project: Project,
  sceneId: string,
  elementId: string,
  time: number,
  easing: Easing,
): Project {
  return changeKeyframesAt(project, sceneId, elementId, time, (at, track) =>
    at.easing === easing ? null : track.map((k) => (k === at ? { ...k, easing } : k)),
  );
}
