import { eraseStrokes, type Circle } from '../geometry/erase';
import type { BrushStroke, DrawingElement, Element, Project } from '../schema';
import { changeElement } from './elements';

/**
 * Commands for frame-by-frame drawing layers. A drawing's frames play one after another, each
 * held for `hold` video frames. Positions here are whole video frames from the scene's start,
 * counted without looping: past the last frame is empty space where a new frame can be drawn.
 */

export const MAX_DRAWING_FRAMES = 2000;
export const MAX_HOLD = 600;
export const DEFAULT_HOLD = 2;
const MAX_STROKES = 2000;

function holdOf(frame: DrawingElement['frames'][number]): number {
  return Math.max(1, Math.floor(frame.hold) || 1);
}

/** The video frame (from the scene's start) where each drawing frame starts. */
export function drawingFrameStarts(el: DrawingElement): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const frame of el.frames) {
    starts.push(at);
    at += holdOf(frame);
  }
  return starts;
}

/** How many video frames the drawing's frames last together (one pass, without looping). */
export function drawingLength(el: DrawingElement): number {
  return el.frames.reduce((sum, frame) => sum + holdOf(frame), 0);
}

/** The drawing frame shown at video frame `position` of one pass, or null past its end. */
export function drawingFrameAtPosition(el: DrawingElement, position: number): number | null {
  if (position < 0) return 0;
  let end = 0;
  for (let i = 0; i < el.frames.length; i++) {
    end += holdOf(el.frames[i] as DrawingElement['frames'][number]);
    if (position < end) return i;
  }
  return null;
}

function changeDrawing(
  project: Project,
  sceneId: string,
  elementId: string,
  change: (el: DrawingElement) => DrawingElement,
): Project {
  return changeElement(project, sceneId, elementId, (el: Element) =>
    el.kind === 'drawing' ? change(el) : el,
  );
}

function withFrames(el: DrawingElement, frames: DrawingElement['frames']): DrawingElement {
  return { ...el, frames };
}

/**
 * Adds a stroke to the frame at video frame `position`. Past the end of the drawing a new frame
 * is made there: the last frame holds until then, so the new one starts under the playhead.
 */
export function addStrokeAt(
  project: Project,
  sceneId: string,
  elementId: string,
  position: number,
  stroke: BrushStroke,
): Project {
  if (!Number.isFinite(position) || stroke.points.length === 0) return project;
  return changeDrawing(project, sceneId, elementId, (el) => {
    const index = drawingFrameAtPosition(el, Math.floor(position));
    if (index !== null) {
      const frame = el.frames[index] as DrawingElement['frames'][number];
      if (frame.strokes.length >= MAX_STROKES) return el;
      const frames = [...el.frames];
      frames[index] = { ...frame, strokes: [...frame.strokes, stroke] };
      return withFrames(el, frames);
    }
    if (el.frames.length >= MAX_DRAWING_FRAMES) return el;
    const gap = Math.floor(position) - drawingLength(el);
    const frames = [...el.frames];
    const last = frames[frames.length - 1] as DrawingElement['frames'][number];
    frames[frames.length - 1] = { ...last, hold: Math.min(MAX_HOLD, holdOf(last) + gap) };
    frames.push({ hold: DEFAULT_HOLD, strokes: [stroke] });
    return withFrames(el, frames);
  });
}

/** Inserts a frame after `index`: blank, or a copy of that frame (to trace over and change). */
export function insertDrawingFrame(
  project: Project,
  sceneId: string,
  elementId: string,
  index: number,
  mode: 'blank' | 'duplicate',
): Project {
  return changeDrawing(project, sceneId, elementId, (el) => {
    if (el.frames.length >= MAX_DRAWING_FRAMES) return el;
    const at = Math.min(Math.max(0, Math.floor(index)), el.frames.length - 1);
    const source = el.frames[at] as DrawingElement['frames'][number];
    const frames = [...el.frames];
    frames.splice(at + 1, 0, {
      hold: holdOf(source),
      strokes: mode === 'duplicate' ? [...source.strokes] : [],
    });
    return withFrames(el, frames);
  });
}

/** Deletes a frame; the last one left is emptied instead (a drawing has at least one frame). */
export function deleteDrawingFrame(
  project: Project,
  sceneId: string,
  elementId: string,
  index: number,
): Project {
  return changeDrawing(project, sceneId, elementId, (el) => {
    if (!Number.isInteger(index) || index < 0 || index >= el.frames.length) return el;
    if (el.frames.length === 1) {
      const only = el.frames[0] as DrawingElement['frames'][number];
      return only.strokes.length === 0 ? el : withFrames(el, [{ ...only, strokes: [] }]);
    }
    return withFrames(
      el,
      el.frames.filter((_, i) => i !== index),
    );
  });
}

/** Sets how many video frames a drawing frame is shown for (1..600). */
export function setDrawingFrameHold(
  project: Project,
  sceneId: string,
  elementId: string,
  index: number,
  hold: number,
): Project {
  if (!Number.isFinite(hold)) return project;
  const clamped = Math.min(MAX_HOLD, Math.max(1, Math.round(hold)));
  return changeDrawing(project, sceneId, elementId, (el) => {
    const frame = el.frames[index];
    if (frame === undefined || frame.hold === clamped) return el;
    const frames = [...el.frames];
    frames[index] = { ...frame, hold: clamped };
    return withFrames(el, frames);
  });
}

/** What an erase on a drawing frame did: `tooMany` when the cut would pass the stroke limit. */
export interface DrawingEraseResult {
  project: Project;
  tooMany: boolean;
}

/**
 * Erases where `circles` (in the drawing's own coordinates) cover the strokes of frame `index`.
 * The frame stays even when it is left empty, so the drawing's timing never shifts; a cut that
 * would leave more strokes than a frame may hold changes nothing and says so.
 */
export function eraseDrawingFrame(
  project: Project,
  sceneId: string,
  elementId: string,
  index: number,
  circles: readonly Circle[],
): DrawingEraseResult {
  let tooMany = false;
  const next = changeDrawing(project, sceneId, elementId, (el) => {
    const frame = el.frames[index];
    if (frame === undefined || frame.strokes.length === 0 || circles.length === 0) return el;
    const strokes = eraseStrokes(frame.strokes, circles, { minLength: 2, padWithWidth: true });
    if (strokes === frame.strokes) return el;
    if (strokes.length > MAX_STROKES) {
      tooMany = true;
      return el;
    }
    const frames = [...el.frames];
    frames[index] = { ...frame, strokes: strokes.map(tidyStroke) };
    return withFrames(el, frames);
  });
  return { project: next, tooMany };
}

/** Cut points keep a tenth of a pixel, as drawn points do: no more weight in the file. */
export function tidyStroke(stroke: BrushStroke): BrushStroke {
  return {
    ...stroke,
    points: stroke.points.map((p) => ({
      x: Math.round(p.x * 10) / 10,
      y: Math.round(p.y * 10) / 10,
      pressure: Math.round(p.pressure * 1000) / 1000,
    })),
  };
}
