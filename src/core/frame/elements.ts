import { CHOICE_PROPERTIES, COLOR_PROPERTIES, NUMERIC_PROPERTIES } from '../schema';
import type {
  ColorKeyframe,
  Element,
  ElementKind,
  GroupElement,
  KeyframeTracks,
  NumberKeyframe,
} from '../schema';
import { sampleChoiceTrack, sampleColorTrack, sampleNumberTrack } from '../timeline/keyframes';
import { showCharacterParts } from '../character/parts';

/**
 * Animated values of elements at a scene time.
 *
 * An element with nothing to animate is returned as the very object from the project, and an
 * array where nothing animates as the very array: the renderer and the exporter skip work by
 * identity. An animated element becomes a shallow copy with the sampled values. Before the
 * first keyframe and after the last one of all its tracks an element's values do not change,
 * so the copy for each of those two stretches is made once and returned again (memoized per
 * element object; projects are immutable data, so this never goes stale).
 */

const TRANSFORM_PROPS = ['x', 'y', 'scaleX', 'scaleY', 'rotation', 'opacity', 'strokeWidth'] as const;

/** Which numeric tracks each element kind has a property for; other tracks are ignored. */
const PROPS_BY_KIND: Readonly<Record<ElementKind, ReadonlySet<string>>> = {
  rect: new Set([...TRANSFORM_PROPS, 'width', 'height', 'cornerRadius']),
  ellipse: new Set([...TRANSFORM_PROPS, 'radiusX', 'radiusY']),
  star: new Set(TRANSFORM_PROPS),
  polygon: new Set(TRANSFORM_PROPS),
  line: new Set([...TRANSFORM_PROPS, 'reveal']),
  bubble: new Set([...TRANSFORM_PROPS, 'width', 'height', 'cornerRadius', 'fontSize']),
  path: new Set([...TRANSFORM_PROPS, 'reveal']),
  brush: new Set([...TRANSFORM_PROPS, 'reveal']),
  drawing: new Set(TRANSFORM_PROPS),
  text: new Set([...TRANSFORM_PROPS, 'fontSize', 'width']),
  image: new Set([...TRANSFORM_PROPS, 'width', 'height']),
  group: new Set(TRANSFORM_PROPS),
};

const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_PROPERTIES);
const COLOR: ReadonlySet<string> = new Set(COLOR_PROPERTIES);
/** Choice tracks (expression, mouth) apply to groups only: that is where characters keep them. */
const CHOICE: ReadonlySet<string> = new Set(CHOICE_PROPERTIES);

/** Keeps sampled values inside what the schema allows (Back and Elastic easings overshoot). */
function clampValue(prop: string, v: number): number {
  switch (prop) {
    case 'opacity':
    case 'reveal':
      return v < 0 ? 0 : v > 1 ? 1 : v;
    case 'strokeWidth':
    case 'cornerRadius':
      return v < 0 ? 0 : v;
    case 'width':
    case 'height':
    case 'radiusX':
    case 'radiusY':
      return v < 0.001 ? 0.001 : v;
    case 'fontSize':
      return v < 1 ? 1 : v;
    default:
      return v;
  }
}

interface AnimInfo {
  /** Whether any track applies to this element (has keyframes and a matching property). */
  readonly animated: boolean;
  /** Earliest first keyframe and latest last keyframe over the applicable tracks. */
  readonly first: number;
  readonly last: number;
  /** Memo slots: the copy before `first` and after `last`, made on first use. */
  before: Element | undefined;
  after: Element | undefined;
}

const infos = new WeakMap<Element, AnimInfo>();

function trackApplies(kind: ElementKind, prop: string, track: unknown): track is readonly { time: number }[] {
  if (!Array.isArray(track) || track.length === 0) return false;
  if (CHOICE.has(prop)) return kind === 'group';
  return COLOR.has(prop) || (NUMERIC.has(prop) && PROPS_BY_KIND[kind].has(prop));
}

function animInfo(el: Element): AnimInfo {
  let info = infos.get(el);
  if (info !== undefined) return info;
  let first = Infinity;
  let last = -Infinity;
  const tracks = el.keyframes;
  if (tracks !== undefined) {
    for (const prop in tracks) {
      const track = tracks[prop as keyof KeyframeTracks];
      if (!trackApplies(el.kind, prop, track)) continue;
      const a = (track[0] as { time: number }).time;
      const b = (track[track.length - 1] as { time: number }).time;
      if (a < first) first = a;
      if (b > last) last = b;
    }
  }
  info = { animated: first !== Infinity, first, last, before: undefined, after: undefined };
  infos.set(el, info);
  return info;
}

/** A shallow copy of `el` with every applicable track sampled at t. */
function sampled<E extends Element>(el: E, t: number): E {
  const copy = { ...el };
  // The copy is written property by property from track names checked against the kind.
  const out = copy as Record<string, unknown>;
  const tracks = el.keyframes as KeyframeTracks;
  for (const prop in tracks) {
    const track = tracks[prop as keyof KeyframeTracks];
    if (!trackApplies(el.kind, prop, track)) continue;
    if (CHOICE.has(prop)) {
      const base = out[prop];
      const choices = track as readonly { time: number; value: string }[];
      out[prop] = sampleChoiceTrack(choices, t, typeof base === 'string' ? base : (choices[0]?.value ?? ''));
    } else if (COLOR.has(prop)) {
      const base = out[prop];
      out[prop] = sampleColorTrack(
        track as readonly ColorKeyframe[],
        t,
        typeof base === 'string' ? base : '#00000000',
      );
    } else {
      const base = out[prop];
      out[prop] = clampValue(
        prop,
        sampleNumberTrack(track as readonly NumberKeyframe[], t, typeof base === 'number' ? base : 0),
      );
    }
  }
  return copy;
}

/** Whether two arrays hold the same objects in the same order. */
function sameItems(a: readonly Element[], b: readonly Element[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One element (and, for a group, its children) at scene time t. A character's parts that do not
 * show for its expression and mouth at t come back hidden.
 */
export function evaluateElement(el: Element, t: number): Element {
  if (el.kind === 'group') return showCharacterParts(evaluateGroup(el, t));
  const info = animInfo(el);
  if (!info.animated) return el;
  if (t <= info.first) return (info.before ??= sampled(el, t));
  if (t >= info.last) return (info.after ??= sampled(el, t));
  return sampled(el, t);
}

function evaluateGroup(el: GroupElement, t: number): GroupElement {
  const info = animInfo(el);
  const children = evaluateElements(el.children, t);
  if (!info.animated && children === el.children) return el;
  // A group's own values are constant outside its keyframes; a memoized copy is reused only
  // while its children are the same objects too.
  const phase = !info.animated || t >= info.last ? 'after' : t <= info.first ? 'before' : null;
  if (phase !== null) {
    const memo = info[phase];
    if (memo !== undefined && memo.kind === 'group' && sameItems(memo.children, children)) return memo;
  }
  const copy = info.animated ? sampled(el, t) : { ...el };
  copy.children = children === el.children ? el.children : (children as Element[]);
  if (phase !== null) info[phase] = copy;
  return copy;
}

/**
 * The elements at scene time t, in paint order. Returns `elements` itself when nothing in it
 * animates; otherwise a new array (static elements still the same objects).
 */
export function evaluateElements(elements: readonly Element[], t: number): readonly Element[] {
  let out: Element[] | null = null;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    const v = evaluateElement(el, t);
    if (out === null) {
      if (v === el) continue;
      out = elements.slice(0, i);
    }
    out.push(v);
  }
  return out ?? elements;
}
