import type { Project, Scene, Transition } from '../schema';

/**
 * Where each scene sits on the project timeline.
 *
 * Transition model: a scene's transition plays during the LAST `duration` seconds of that
 * scene and adds no time, so the project lasts exactly the sum of its scene durations (plus
 * the end card). The duration is clamped to at most half of either neighbour's duration, so a
 * scene is never covered by transitions from both ends at once. During a transition the
 * outgoing scene keeps running on its own clock while the incoming scene is shown frozen at its
 * local time 0 (its first frame); when the transition ends, the incoming scene starts playing
 * from 0. `cut`, or a duration of 0, switches exactly at the boundary: a time exactly on a
 * boundary belongs to the next scene. The last scene's transition leads into the end card when
 * the card is shown; without a card it has nothing to lead into and is ignored.
 */
export interface SceneSpan {
  readonly index: number;
  readonly scene: Scene;
  /** Seconds on the project timeline; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** The effective (clamped) length of the transition out of this scene; 0 for a cut. */
  readonly transitionDuration: number;
}

export interface TimelineLayout {
  readonly spans: readonly SceneSpan[];
  /** Start of the end card, or null when the project has none (disabled or zero length). */
  readonly endCardStart: number | null;
  /** Total seconds: scenes plus the end card. */
  readonly duration: number;
}

const layouts = new WeakMap<Project, TimelineLayout>();

/** Whether the project shows an end card after its last scene. */
export function hasEndCard(project: Project): boolean {
  const card = project.endCard;
  return card !== undefined && card.enabled && card.duration > 0;
}

function effectiveTransition(transition: Transition, own: number, next: number | null): number {
  if (transition.kind === 'cut' || next === null || !(transition.duration > 0)) return 0;
  return Math.min(transition.duration, own / 2, next / 2);
}

/** The layout of a project, computed once per project object (projects are immutable data). */
export function timelineOf(project: Project): TimelineLayout {
  const cached = layouts.get(project);
  if (cached !== undefined) return cached;
  const scenes = project.scenes;
  const card = hasEndCard(project) ? project.endCard : undefined;
  const spans: SceneSpan[] = [];
  let start = 0;
  for (let index = 0; index < scenes.length; index++) {
    const scene = scenes[index] as Scene;
    const next = scenes[index + 1];
    const nextDuration = next !== undefined ? next.duration : card !== undefined ? card.duration : null;
    const end = start + scene.duration;
    spans.push({
      index,
      scene,
      start,
      end,
      transitionDuration: effectiveTransition(scene.transition, scene.duration, nextDuration),
    });
    start = end;
  }
  const layout: TimelineLayout = {
    spans,
    endCardStart: card !== undefined ? start : null,
    duration: start + (card !== undefined ? card.duration : 0),
  };
  layouts.set(project, layout);
  return layout;
}

/** Total seconds of the video: every scene, plus the end card when it is shown. */
export function projectDuration(project: Project): number {
  return timelineOf(project).duration;
}

/** Where each scene starts, in seconds. */
export function sceneStarts(project: Project): number[] {
  return timelineOf(project).spans.map((s) => s.start);
}

/** Number of video frames at `fps` (the project's own rate by default). */
export function frameCount(project: Project, fps: number = project.video.fps): number {
  return Math.round(projectDuration(project) * fps);
}

/**
 * Index of the span containing t (the last span starting at or before t), clamped to the
 * scenes: callers check `endCardStart` themselves.
 */
export function spanIndexAt(layout: TimelineLayout, t: number): number {
  const spans = layout.spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((spans[mid] as SceneSpan).start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The scene on screen at t (seconds), or null while the end card shows. Times before 0 give
 * the first scene; times past the end give the last scene or null (end card).
 */
export function sceneAt(project: Project, t: number): SceneSpan | null {
  const layout = timelineOf(project);
  if (layout.endCardStart !== null && t >= layout.endCardStart) return null;
  return layout.spans[spanIndexAt(layout, t)] ?? null;
}
