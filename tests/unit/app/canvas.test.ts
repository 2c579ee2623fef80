import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCanvas } from '../../../src/app/features/canvas/stores/canvas';
import { useDocument } from '../../../src/app/state/document';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { usePlayback } from '../../../src/app/state/playback';
import { storeHarness, type StoreHarness } from './helpers';
import { createTextTool } from '../../../src/app/features/canvas/tools/textTool';
import type { ToolPointer } from '../../../src/app/features/canvas/tools/canvasTool';
import { DARK_INK, LIGHT_INK } from '../../../src/core/edit';

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
    return { canvas: useCanvas(), doc: useDocument(), playback: usePlayback() };
  });
}

describe('canvas store', () => {
  it('draws a rectangle from a dragged box, selected and turning about its centre', async () => {
    const { canvas, doc } = await blank();
    canvas.setTool('rect');
    canvas.addShape('rect', { x: 300, y: 500, width: -200, height: 100 });
    const el = canvas.selectedElement;
    expect(el).toMatchObject({
      kind: 'rect',
      x: 200,
      y: 550,
      width: 200,
      height: 100,
      anchorX: 100,
      anchorY: 50,
    });
    expect(canvas.tool).toBe('select');
    expect(doc.undoText).toBe('Add rectangle');
  });

  it('changes a property without keyframes on the element itself', async () => {
    const { canvas, doc } = await blank();
    canvas.addShape('ellipse', { x: 0, y: 0, width: 100, height: 100 });
    const id = canvas.selectedElementId ?? '';
    canvas.change(id, { x: 400 }, 'Move element');
    expect(doc.project?.scenes[0]?.elements[0]).toMatchObject({ x: 400 });
    expect(doc.project?.scenes[0]?.elements[0]?.keyframes).toBeUndefined();
  });

  it('after a keyframe, a change at another time becomes a second keyframe and the motion plays between them', async () => {
    const { canvas, doc, playback } = await blank();
    canvas.addText(540, 960);
    const id = canvas.selectedElementId ?? '';
    canvas.addKeyframe(id);
    playback.seek(2);
    canvas.change(id, { y: 400, rotation: 10 }, 'Move element');
    const el = doc.project?.scenes[0]?.elements[0];
    expect(el?.keyframes?.y?.map((k) => [k.time, k.value])).toEqual([
      [0, 960],
      [2, 400],
    ]);
    // The element's own value is untouched: the keyframes drive it.
    expect(el?.y).toBe(960);
    playback.seek(1);
    expect(canvas.animatedElement?.y).toBeGreaterThan(400);
    expect(canvas.animatedElement?.y).toBeLessThan(960);
  });

  it('deletes the selected element as one undo step', async () => {
    const { canvas, doc } = await blank();
    canvas.addShape('rect', { x: 0, y: 0, width: 50, height: 50 });
    canvas.deleteSelected();
    expect(doc.project?.scenes[0]?.elements).toEqual([]);
    expect(canvas.selectedElement).toBeNull();
    doc.undo();
    expect(doc.project?.scenes[0]?.elements).toHaveLength(1);
  });
});

describe('clipboard store', () => {
  it('copies an element and pastes it into another scene, and nudges a paste into the same scene', async () => {
    const { canvas, doc } = await blank();
    const { useClipboard } = await import('../../../src/app/features/canvas/stores/clipboard');
    const { useStudio } = await import('../../../src/app/state/studio');
    const clipboard = harness.run(() => useClipboard());
    const studio = harness.run(() => useStudio());
    canvas.addShape('rect', { x: 100, y: 100, width: 100, height: 100 });
    expect(clipboard.copy()).toBe(true);
    clipboard.paste();
    const [first, second] = doc.project?.scenes[0]?.elements ?? [];
    expect(second?.x).toBe((first?.x ?? 0) + 40);
    expect(second?.id).not.toBe(first?.id);

    studio.addScene();
    clipboard.paste();
    expect(doc.project?.scenes[1]?.elements).toHaveLength(1);
    expect(canvas.selectedElementId).toBe(doc.project?.scenes[1]?.elements[0]?.id);
  });

  it('cuts and pastes a scene after the selected one', async () => {
    const { doc } = await harness.run(async () => {
      const { useFiles: files } = await import('../../../src/app/features/files/stores/files');
      await files().newFromTemplate('be-the-reason');
      return { doc: useDocument() };
    });
    const { useClipboard } = await import('../../../src/app/features/canvas/stores/clipboard');
    const { useStudio } = await import('../../../src/app/state/studio');
    const clipboard = harness.run(() => useClipboard());
    const studio = harness.run(() => useStudio());
    studio.selectScene('scene-comment');
    clipboard.cut();
    expect(doc.project?.scenes.map((s) => s.name)).toEqual([
      'A real person',
      'Choose kindness',
      'Be the reason',
    ]);
    studio.selectScene('scene-kindness');
    clipboard.paste();
    expect(doc.project?.scenes.map((s) => s.name)).toEqual([
      'A real person',
      'Choose kindness',
      'One comment',
      'Be the reason',
    ]);
  });
});

describe('the colour of a new text or arrow', () => {
  async function fromTemplate(id: string) {
    return harness.run(async () => {
      expect(await useFiles().newFromTemplate(id)).toBe(true);
      return { canvas: useCanvas() };
    });
  }

  it('is dark ink on a light scene (white could hardly be seen on cream) and white on a dark one', async () => {
    const light = await fromTemplate('power-of-words');
    light.canvas.addText(540, 1500);
    expect(light.canvas.selectedElement).toMatchObject({ kind: 'text', fill: DARK_INK });
    light.canvas.addArrow({ x: 100, y: 100 }, { x: 400, y: 100 });
    expect(light.canvas.selectedElement).toMatchObject({ kind: 'line', stroke: DARK_INK });

    const dark = await fromTemplate('blank');
    dark.canvas.addText(540, 960);
    expect(dark.canvas.selectedElement).toMatchObject({ kind: 'text', fill: LIGHT_INK });
  });

  it('is what the text tool gives a clicked or dragged text', async () => {
    await fromTemplate('walk-away');
    const doc = harness.run(() => useDocument());
    const edited: string[] = [];
    const tool = harness.run(() =>
      createTextTool({
        overlay: () => null,
        scale: () => 0.5,
        elementAt: () => null,
        measure: () => new Map(),
        editText: (id) => edited.push(id),
      }),
    );
    const at = (x: number, y: number) => ({ point: { x, y } }) as unknown as ToolPointer;
    tool.pointerDown(at(540, 800));
    tool.pointerUp(at(540, 800));
    tool.pointerDown(at(200, 1200));
    tool.pointerMove(at(800, 1200));
    tool.pointerUp(at(800, 1200));
    expect(edited).toHaveLength(2);
    const texts = doc.project?.scenes[0]?.elements.filter((el) => edited.includes(el.id)) ?? [];
    expect(texts.map((el) => el.fill)).toEqual([DARK_INK, DARK_INK]);
  });
});
