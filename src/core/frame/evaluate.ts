import type {
  Background,
  Caption,
  CaptionSettings,
  DrawingElement,
  Element,
  EndCard,
  Project,
} from '../schema';
import { buildEndCardElements } from '../endCard/layout';
import type { EndCardLayout } from '../endCard/layout';
import { activeWordIndex, captionAt } from '../captions/timing';
import { spanIndexAt, timelineOf } from '../timeline/timeline';
import type { SceneSpan } from '../timeline/timeline';
import {
  FULL_PLACEMENT,
  incomingPlacement,
  outgoingPlacement,
  transitionProgress,
} from '../timeline/transitions';
import type { LayerPlacement } from '../timeline/transitions';
import { evaluateElements } from './elements';
import { END_CARD_LAYER_KEY } from './frameState';
import type { CaptionFrame, FrameState, SceneLayer } from './frameState';

/**
 * How far below the end a time past the end is pulled back, so scrubbing to the very end
 * shows the last moment of the video rather than nothing (the timeline is [0, duration)).
 */
const END_EPSILON = 1e-6;

function layer(
  key: string,
  background: Background,
  elements: readonly Element[],
  sceneTime: number,
  placement: LayerPlacement,
): SceneLayer {
  return {
    key,
    background,
    elements,
    sceneTime,
    opacity: placement.opacity,
    offsetX: placement.offsetX,
    offsetY: placement.offsetY,
    clip: placement.clip,
  };
}

function sceneLayer(span: SceneSpan, sceneTime: number, placement: LayerPlacement): SceneLayer {
  const scene = span.scene;
  return layer(scene.id, scene.background, evaluateElements(scene.elements, sceneTime), sceneTime, placement);
}

/** The card's elements for one card and frame size, built once so they keep their identity. */
const endCards = new WeakMap<EndCard, { width: number; height: number; layout: EndCardLayout }>();

function endCardLayout(card: EndCard, width: number, height: number): EndCardLayout {
  const memo = endCards.get(card);
  if (memo !== undefined && memo.width === width && memo.height === height) return memo.layout;
  const built = buildEndCardElements(card, { width, height });
  endCards.set(card, { width, height, layout: built });
  return built;
}

function endCardLayer(
  project: Project,
  card: EndCard,
  cardTime: number,
  placement: LayerPlacement,
): SceneLayer {
  const built = endCardLayout(card, project.video.width, project.video.height);
  return layer(
    END_CARD_LAYER_KEY,
    built.background,
    evaluateElements(built.elements, cardTime),
    cardTime,
    placement,
  );
}

/**
 * The caption frames of one cue, one per active word (index activeWord + 1), made on first
 * use: while the same word of the same cue is on screen the renderer gets the same object.
 */
interface CaptionMemo {
  readonly settings: CaptionSettings;
  readonly words: readonly string[] | null;
  readonly frames: (CaptionFrame | undefined)[];
}
const captionMemos = new WeakMap<Caption, CaptionMemo>();

function captionFrame(project: Project, t: number): CaptionFrame | null {
  const caption = captionAt(project.captions, t);
  if (caption === null) return null;
  const settings = project.captionSettings;
  let memo = captionMemos.get(caption);
  if (memo === undefined || memo.settings !== settings) {
    const words =
      caption.words !== undefined && caption.words.length > 0 ? caption.words.map((w) => w.text) : null;
    memo = { settings, words, frames: [] };
    captionMemos.set(caption, memo);
  }
  const activeWord = activeWordIndex(caption, t);
  const cached = memo.frames[activeWord + 1];
  if (cached !== undefined) return cached;
  const frame: CaptionFrame = {
    id: caption.id,
    text: caption.text,
    style: caption.style,
    fontFamily: settings.fontFamily,
    fontSize: settings.fontSize,
    position: settings.position,
    y: settings.y ?? null,
    activeWord,
    words: memo.words,
  };
  memo.frames[activeWord + 1] = frame;
  return frame;
}

/**
 * What the video shows at t seconds: the scene (two scenes during a transition, the incoming
 * one on top), or the end card, and the caption. t is clamped to [0, duration). Pure: the same
 * project and time always give an equal frame, and unchanged parts are the same objects.
 */
export function evaluate(project: Project, t: number): FrameState {
  const layout = timelineOf(project);
  const { width, height, fps } = project.video;
  let time = t >= 0 ? t : 0; // also NaN
  if (time >= layout.duration) time = Math.max(0, layout.duration - END_EPSILON);

  let layers: SceneLayer[];
  const card = project.endCard;
  if (layout.endCardStart !== null && card !== undefined && time >= layout.endCardStart) {
    layers = [endCardLayer(project, card, time - layout.endCardStart, FULL_PLACEMENT)];
  } else {
    const span = layout.spans[spanIndexAt(layout, time)] as SceneSpan;
    const sceneTime = time - span.start;
    const p = transitionProgress(span, time);
    if (p < 0) {
      layers = [sceneLayer(span, sceneTime, FULL_PLACEMENT)];
    } else {
      const transition = span.scene.transition;
      const outgoing = sceneLayer(span, sceneTime, outgoingPlacement(transition, p, width, height));
      const into = incomingPlacement(transition, p, width, height);
      const next = layout.spans[span.index + 1];
      // A transition out of the last scene exists only when the end card follows (timeline.ts).
      const incoming =
        next !== undefined
          ? sceneLayer(next, 0, into)
          : card !== undefined
            ? endCardLayer(project, card, 0, into)
            : null;
      layers = incoming === null ? [outgoing] : [outgoing, incoming];
    }
  }
  return { time, width, height, fps, layers, caption: captionFrame(project, time) };
}

/** Cumulative end (in video frames) of each hand-drawn frame, per frames array. */
const drawingEnds = new WeakMap<DrawingElement['frames'], Float64Array>();

function cumulativeEnds(frames: DrawingElement['frames']): Float64Array {
  let ends = drawingEnds.get(frames);
  if (ends !== undefined) return ends;
  ends = new Float64Array(frames.length);
  let total = 0;
  for (let i = 0; i < frames.length; i++) {
    total += Math.max(1, Math.floor((frames[i] as { hold: number }).hold) || 1);
    ends[i] = total;
  }
  drawingEnds.set(frames, ends);
  return ends;
}

/**
 * Which hand-drawn frame of a drawing shows `sceneTime` seconds into its scene at `fps`: each
 * holds for `hold` video frames, then the next; after the last one the drawing starts over
 * (`loop`) or stays on the last frame.
 */
export function drawingFrameIndex(el: DrawingElement, sceneTime: number, fps: number): number {
  const frames = el.frames;
  if (frames.length <= 1 || !(sceneTime > 0) || !(fps > 0)) return 0;
  const ends = cumulativeEnds(frames);
  const total = ends[ends.length - 1] as number;
  // The small nudge absorbs float error: 0.7 s * 30 fps is 20.999..., which is frame 21.
  let f = Math.floor(sceneTime * fps + 1e-6);
  if (f >= total) {
    if (!el.loop) return frames.length - 1;
    f %= total;
  }
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > f) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
