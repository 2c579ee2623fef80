import { describe, expect, it } from 'vitest';
import {
  addElement,
  addStrokeAt,
  blankProject,
  deleteDrawingFrame,
  drawingFrameAtPosition,
  eraseDrawingFrame,
  drawingFrameStarts,
  findElement,
  insertDrawingFrame,
  setDrawingFrameHold,
} from '../../../src/core/edit';
import { drawingFrameIndex } from '../../../src/core/frame';
import {
  ElementSchema,
  ProjectSchema,
  type BrushStroke,
  type DrawingElement,
  type Project,
} from '../../../src/core/schema';

function stroke(x: number): BrushStroke {
  return {
    color: '#ffffff',
    width: 10,
    points: [
      { x, y: 10, pressure: 0.5 },
      { x: x + 20, y: 30, pressure: 0.5 },
    ],
  };
}

function withDrawing(holds: number[]): Project {
  const base = blankProject('Drawing');
  const sceneId = first(base.scenes).id;
  const drawing = ElementSchema.parse({
    id: 'drawing-1',
    kind: 'drawing',
    x: 0,
    y: 0,
    frames: holds.map((hold, i) => ({ hold, strokes: [stroke(i * 100)] })),
  });
  return Object.freeze(addElement(base, sceneId, drawing).project);
}

function drawingOf(project: Project): DrawingElement {
  const el = findElement(first(project.scenes).elements, 'drawing-1');
  if (el?.kind !== 'drawing') throw new Error('no drawing');
  return el;
}

function first<T>(list: readonly T[], index = 0): T {
  const item = list[index];
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

const scene = (p: Project) => first(p.scenes).id;

describe('drawing frames', () => {
  it('finds the frame under a position and where each frame starts', () => {
    const el = drawingOf(withDrawing([2, 3, 1]));
    expect(drawingFrameStarts(el)).toEqual([0, 2, 5]);
    expect([0, 1, 2, 4, 5, 6].map((f) => drawingFrameAtPosition(el, f))).toEqual([0, 0, 1, 1, 2, null]);
  });

  it('draws on the frame under the playhead', () => {
    const project = withDrawing([2, 3]);
    const next = addStrokeAt(project, scene(project), 'drawing-1', 3, stroke(500));
    const el = drawingOf(next);
    expect(el.frames.map((f) => f.strokes.length)).toEqual([1, 2]);
    expect(drawingOf(project).frames[1]?.strokes).toHaveLength(1);
    expect(ProjectSchema.safeParse(next).success).toBe(true);
  });

  it('makes a new frame when drawing past the end, starting under the playhead', () => {
    const project = withDrawing([2, 2]);
    const next = addStrokeAt(project, scene(project), 'drawing-1', 9, stroke(500));
    const el = drawingOf(next);
    expect(el.frames).toHaveLength(3);
    expect(drawingFrameStarts(el)[2]).toBe(9);
    expect(el.frames[2]?.strokes).toEqual([stroke(500)]);
    // The preview shows the new frame at that moment (30 fps).
    expect(drawingFrameIndex(el, 9 / 30, 30)).toBe(2);
  });

  it('adds blank and duplicate frames after a frame, and deletes frames', () => {
    const project = withDrawing([2, 4]);
    const blank = insertDrawingFrame(project, scene(project), 'drawing-1', 0, 'blank');
    expect(drawingOf(blank).frames.map((f) => [f.hold, f.strokes.length])).toEqual([
      [2, 1],
      [2, 0],
      [4, 1],
    ]);
    const copy = insertDrawingFrame(project, scene(project), 'drawing-1', 1, 'duplicate');
    expect(drawingOf(copy).frames[2]).toEqual(drawingOf(project).frames[1]);
    const fewer = deleteDrawingFrame(copy, scene(copy), 'drawing-1', 0);
    expect(drawingOf(fewer).frames).toHaveLength(2);
  });

  it('keeps at least one frame: deleting the last one empties it', () => {
    const project = withDrawing([3]);
    const emptied = deleteDrawingFrame(project, scene(project), 'drawing-1', 0);
    expect(drawingOf(emptied).frames).toEqual([{ hold: 3, strokes: [] }]);
    expect(deleteDrawingFrame(emptied, scene(emptied), 'drawing-1', 0)).toBe(emptied);
    expect(deleteDrawingFrame(project, scene(project), 'drawing-1', 5)).toBe(project);
  });

  it('sets a hold length between 1 and 600 video frames', () => {
    const project = withDrawing([2, 2]);
    const id = scene(project);
    expect(drawingOf(setDrawingFrameHold(project, id, 'drawing-1', 1, 6)).frames[1]?.hold).toBe(6);
    expect(drawingOf(setDrawingFrameHold(project, id, 'drawing-1', 1, 0)).frames[1]?.hold).toBe(1);
    expect(drawingOf(setDrawingFrameHold(project, id, 'drawing-1', 1, 9999)).frames[1]?.hold).toBe(600);
    expect(setDrawingFrameHold(project, id, 'drawing-1', 1, Number.NaN)).toBe(project);
    expect(setDrawingFrameHold(project, id, 'drawing-1', 7, 3)).toBe(project);
  });

  it('leaves other kinds of element alone', () => {
    const project = withDrawing([2]);
    expect(addStrokeAt(project, scene(project), 'missing', 0, stroke(1))).toBe(project);
  });

  it('erases on one frame only, keeps the frame when it is emptied, and leaves a miss untouched', () => {
    const project = withDrawing([2, 2]);
    const id = scene(project);
    // Frame 2's stroke runs from (100,10) to (120,30): a circle at its middle cuts it in two.
    const cut = eraseDrawingFrame(project, id, 'drawing-1', 1, [{ x: 110, y: 20, radius: 3 }]);
    expect(cut.tooMany).toBe(false);
    const frames = drawingOf(cut.project).frames;
    expect(frames[0]).toBe(drawingOf(project).frames[0]);
    expect(frames[1]?.strokes).toHaveLength(2);
    expect(frames[1]?.hold).toBe(2);
    // Cut points keep a tenth of a pixel.
    for (const p of frames[1]?.strokes.flatMap((s) => s.points) ?? [])
      expect(Math.round(p.x * 10) / 10).toBe(p.x);

    const emptied = eraseDrawingFrame(project, id, 'drawing-1', 0, [{ x: 10, y: 20, radius: 60 }]);
    expect(drawingOf(emptied.project).frames.map((f) => f.strokes.length)).toEqual([0, 1]);
    expect(ProjectSchema.safeParse(emptied.project).success).toBe(true);

    expect(eraseDrawingFrame(project, id, 'drawing-1', 0, [{ x: 900, y: 900, radius: 5 }]).project).toBe(
      project,
    );
    expect(eraseDrawingFrame(project, id, 'drawing-1', 9, [{ x: 10, y: 20, radius: 60 }]).project).toBe(
      project,
    );
  });

  it('refuses an erase that would leave more strokes than a frame may hold', () => {
    const base = withDrawing([2]);
    const id = scene(base);
    // 2000 long strokes side by side: one horizontal cut makes 4000 pieces.
    const strokes = Array.from({ length: 2000 }, (_, i) => ({
      color: '#ffffff',
      width: 0.1,
      points: [
        { x: i, y: 0, pressure: 0.5 },
        { x: i, y: 100, pressure: 0.5 },
      ],
    }));
    const full = ElementSchema.parse({ ...drawingOf(base), frames: [{ hold: 2, strokes }] });
    const project = addElement(blankProject('Full'), id, full).project;
    const sceneId = scene(project);
    const circles = Array.from({ length: 1000 }, (_, i) => ({ x: i * 2, y: 50, radius: 1 }));
    const result = eraseDrawingFrame(project, sceneId, 'drawing-1', 0, circles);
    expect(result.tooMany).toBe(true);
    expect(result.project).toBe(project);
  });
});
