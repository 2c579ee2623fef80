import type { Transition } from '../schema';
import type { ClipRect } from '../frame/frameState';
import { easeInOutCubic } from './easing';
import type { SceneSpan } from './timeline';

/** How one scene layer is composited: the placement fields of a `SceneLayer`. */
export interface LayerPlacement {
  readonly opacity: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly clip: ClipRect | null;
}

/** A layer drawn whole and in place: shared, never mutated. */
export const FULL_PLACEMENT: LayerPlacement = { opacity: 1, offsetX: 0, offsetY: 0, clip: null };

/**
 * Eased progress (0..1) of the transition out of `span` at project time t, or -1 when t is not
 * inside it (see the transition model in timeline.ts: the last `transitionDuration` seconds).
 */
export function transitionProgress(span: SceneSpan, t: number): number {
  const d = span.transitionDuration;
  if (!(d > 0)) return -1;
  const from = span.end - d;
  if (t < from || t >= span.end) return -1;
  return easeInOutCubic((t - from) / d);
}

const MOVE_LEFT = { x: -1, y: 0 };
const MOVE_RIGHT = { x: 1, y: 0 };
const MOVE_UP = { x: 0, y: -1 };
const MOVE_DOWN = { x: 0, y: 1 };

/** Unit vector of the way the incoming scene moves: `direction` names that motion. */
function motion(direction: Transition['direction']): { x: number; y: number } {
  switch (direction) {
    case 'left':
      return MOVE_LEFT;
    case 'right':
      return MOVE_RIGHT;
    case 'up':
      return MOVE_UP;
    case 'down':
      return MOVE_DOWN;
  }
}

/**
 * The outgoing scene during a transition at eased progress p. It stays put for a crossfade
 * (the incoming one fades in on top) and a wipe (the incoming one is revealed over it); for a
 * slide it is pushed out the way the incoming scene moves.
 */
export function outgoingPlacement(
  transition: Transition,
  p: number,
  width: number,
  height: number,
): LayerPlacement {
  if (transition.kind !== 'slide') return FULL_PLACEMENT;
  const m = motion(transition.direction);
  return { opacity: 1, offsetX: m.x * p * width + 0, offsetY: m.y * p * height + 0, clip: null };
}

/**
 * The incoming scene during a transition at eased progress p, drawn above the outgoing one.
 * The schema's `direction` is the way the incoming scene MOVES: `left` slides it in from the
 * right edge towards the left (and a `left` wipe grows from the right edge leftwards).
 */
export function incomingPlacement(
  transition: Transition,
  p: number,
  width: number,
  height: number,
): LayerPlacement {
  switch (transition.kind) {
    case 'crossfade':
      return { opacity: p, offsetX: 0, offsetY: 0, clip: null };
    case 'slide': {
      const m = motion(transition.direction);
      // Starts one frame-width away on the side it comes from, ends in place. (`+ 0` turns a
      // -0 from the zero axis into 0, so equal frames compare equal.)
      return {
        opacity: 1,
        offsetX: -m.x * (1 - p) * width + 0,
        offsetY: -m.y * (1 - p) * height + 0,
        clip: null,
      };
    }
    case 'wipe':
      return { opacity: 1, offsetX: 0, offsetY: 0, clip: wipeClip(transition.direction, p, width, height) };
    case 'cut':
      return FULL_PLACEMENT;
  }
}

function wipeClip(direction: Transition['direction'], p: number, width: number, height: number): ClipRect {
  switch (direction) {
    case 'left':
      return { x: width * (1 - p), y: 0, width: width * p, height };
    case 'right':
      return { x: 0, y: 0, width: width * p, height };
    case 'up':
      return { x: 0, y: height * (1 - p), width, height: height * p };
    case 'down':
      return { x: 0, y: 0, width, height: height * p };
  }
}
