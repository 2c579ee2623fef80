import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCanvas } from '../../../src/app/features/canvas/stores/canvas';
import { useDocument } from '../../../src/app/state/document';
import { useDrawing } from '../../../src/app/features/canvas/stores/drawing';
import { useEraser } from '../../../src/app/features/canvas/stores/eraser';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { usePlayback } from '../../../src/app/state/playback';
import type { DrawingElement } from '../../../src/core/schema';
import { storeHarness, type StoreHarness } from './helpers';

let harness: StoreHarness;

beforeEach(async () => {
  harness = await storeHarness();
});

afterEach(async () => {
  await harness.cleanup();
});

async function blank() {
  return harness.run(async () => {
    expect(await useFiles().newFromTemplate('blank')).toBe(true);
    return { canvas: useCanvas(), doc: useDocument(), playback: usePlayback(), drawing: useDrawing() };
  });
}

const line = (x: number) => [
  { x, y: 100, pressure: 0.5 },
  { x: x + 10, y: 200, pressure: 0.5 },
];

describe('drawing store', () => {
  it('adds a drawing layer and the brush draws into its frames, each an undo step', async () => {
    const { canvas, doc, playback, drawing } = await blank();
    drawing.addLayer();
    expect(canvas.tool).toBe('brush');
    expect(drawing.drawing?.frames).toHaveLength(1);

    canvas.addBrushStroke(line(100));
    expect(doc.undoText).toBe('Draw on frame');
    // Four video frames on: past the first frame's hold, so drawing makes frame 2 there.
    playback.seek(4 / playback.fps + 1e-6);
    expect(drawing.frameIndex).toBeNull();
    canvas.addBrushStroke(line(300));
    expect(doc.undoText).toBe('Draw a new frame');
    const el = doc.project?.scenes[0]?.elements[0] as DrawingElement;
    expect(el.kind).toBe('drawing');
    expect(el.frames.map((f) => [f.hold, f.strokes.length])).toEqual([
      [4, 1],
      [2, 1],
    ]);
    // No loose brush element was added.
    expect(doc.project?.scenes[0]?.elements).toHaveLength(1);

    drawing.stepFrames(-1);
    expect(drawing.frameIndex).toBe(0);
    drawing.insertFrame('duplicate');
    expect(drawing.drawing?.frames).toHaveLength(3);
    expect(drawing.frameIndex).toBe(1);
    drawing.setHold(5);
    expect(drawing.drawing?.frames[1]?.hold).toBe(5);
    drawing.deleteFrame();
    expect(drawing.drawing?.frames).toHaveLength(2);
    doc.undo();
    expect(drawing.drawing?.frames).toHaveLength(3);
  });

  it('without an active drawing the brush adds brush strokes; onion settings stay in range', async () => {
    const { canvas, doc, drawing } = await blank();
    canvas.setTool('brush');
    canvas.addBrushStroke(line(100));
    expect(doc.project?.scenes[0]?.elements[0]?.kind).toBe('brush');
    drawing.setOnion({ before: 9, after: 0, opacity: 5 });
    expect(drawing.onion).toMatchObject({ before: 3, after: 1, opacity: 1 });
    drawing.toggleOnionSkin();
    expect(drawing.onion.enabled).toBe(true);
    // Session state: the onion skin never reaches the document.
    expect(JSON.stringify(doc.project)).not.toContain('onion');
  });

  it('the eraser erases on the drawing frame under the playhead, one undo step per drag', async () => {
    const { canvas, doc, playback, drawing } = await blank();
    drawing.addLayer();
    canvas.addBrushStroke(line(100));
    playback.seek(4 / playback.fps + 1e-6);
    canvas.addBrushStroke(line(100));
    const strokes = () => drawing.drawing?.frames.map((f) => f.strokes.length);
    expect(strokes()).toEqual([1, 1]);

    // On frame 2 (under the playhead), across the stroke's middle: frame 1 keeps its stroke.
    canvas.setTool('eraser');
    const eraser = harness.run(() => useEraser());
    eraser.setSize(20);
    const key = eraser.begin();
    eraser.eraseAlong([{ x: 90, y: 150 }], key);
    eraser.eraseAlong(
      [
        { x: 90, y: 150 },
        { x: 120, y: 150 },
      ],
      key,
    );
    eraser.end();
    expect(strokes()).toEqual([1, 2]);
    expect(doc.undoText).toBe('Erase');
    doc.undo();
    expect(strokes()).toEqual([1, 1]);

    // All of it: the frame stays, empty, and the drawing keeps its timing.
    eraser.setSize(400);
    const all = eraser.begin();
    eraser.eraseAlong([{ x: 105, y: 150 }], all);
    eraser.end();
    expect(strokes()).toEqual([1, 0]);
    expect(drawing.drawing?.frames.map((f) => f.hold)).toEqual([4, 2]);
  });
});
