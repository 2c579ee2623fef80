import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCanvas } from '../../../src/app/features/canvas/stores/canvas';
import { useClipboard } from '../../../src/app/features/canvas/stores/clipboard';
import { useDocument } from '../../../src/app/state/document';
import { useEraser } from '../../../src/app/features/canvas/stores/eraser';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { usePlayback } from '../../../src/app/state/playback';
import { useSelection } from '../../../src/app/features/canvas/stores/selection';
import { storeHarness, type StoreHarness } from './helpers';

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

let harness: StoreHarness;

beforeEach(async () => {
  harness = await storeHarness();
});

afterEach(async () => {
  await harness.cleanup();
});

/** A blank project with three 100x100 squares at uneven places. */
async function threeSquares() {
  return harness.run(async () => {
    expect(await useFiles().newFromTemplate('blank')).toBe(true);
    const canvas = useCanvas();
    const doc = useDocument();
    const selection = useSelection();
    const ids: string[] = [];
    for (const [x, y] of [
      [100, 200],
      [500, 300],
      [300, 1000],
    ] as const) {
      canvas.addShape('rect', { x, y, width: 100, height: 100 });
      ids.push(canvas.selectedElementId ?? '');
    }
    const elements = () => doc.project?.scenes[0]?.elements ?? [];
    return { canvas, doc, selection, ids, elements, clipboard: useClipboard(), playback: usePlayback() };
  });
}

describe('selection store', () => {
  it('adds and removes with toggle, selects all unlocked, and drops ids undo took away', async () => {
    const { selection, canvas, doc, ids } = await threeSquares();
    selection.set([at(ids, 0)]);
    selection.toggle(at(ids, 1));
    expect(selection.ids).toEqual([ids[0], ids[1]]);
    expect(canvas.selectedElement).toBeNull(); // several: no single element in the inspector
    selection.toggle(at(ids, 0));
    expect(canvas.selectedElementId).toBe(ids[1]);
    selection.setFlag('locked', true, [at(ids, 2)]);
    selection.selectAll();
    expect(selection.ids).toEqual([ids[0], ids[1]]);
    doc.undo(); // unlock
    doc.undo(); // the third square
    selection.set(ids);
    expect(selection.ids).toEqual([ids[0], ids[1]]);
  });

  it('selects a range in the layer order', async () => {
    const { selection, ids } = await threeSquares();
    selection.set([at(ids, 2)]);
    selection.selectRange(at(ids, 0));
    expect([...selection.ids].sort()).toEqual([...ids].sort());
  });

  it('aligns and distributes the selection, each as one undo step', async () => {
    const { selection, doc, ids, elements } = await threeSquares();
    selection.set(ids);
    selection.align('left');
    expect(elements().map((el) => el.x)).toEqual([150, 150, 150]);
    expect(doc.undoText).toBe('Align left');
    selection.distribute('vertical');
    const ys = elements()
      .map((el) => el.y)
      .sort((a, b) => a - b);
    expect(at(ys, 1) - at(ys, 0)).toBeCloseTo(at(ys, 2) - at(ys, 1), 6);
    doc.undo();
    doc.undo();
    expect(elements().map((el) => [el.x, el.y])).toEqual([
      [150, 250],
      [550, 350],
      [350, 1050],
    ]);
  });

  it('aligns one element to the frame or to the safe zone', async () => {
    const { selection, ids, elements } = await threeSquares();
    selection.set([at(ids, 0)]);
    selection.align('right');
    expect(elements()[0]?.x).toBe(1080 - 50);
    selection.alignTarget = 'safe';
    selection.align('top');
    expect(elements()[0]?.y).toBe(288 + 50);
  });

  it('moves keyframed elements with a keyframe at the playhead', async () => {
    const { selection, canvas, playback, ids, elements } = await threeSquares();
    canvas.select(at(ids, 0));
    canvas.addKeyframe(at(ids, 0));
    playback.seek(1);
    selection.set([at(ids, 0), at(ids, 1)]);
    selection.nudge(10, 0);
    expect(elements()[0]?.keyframes?.x?.map((k) => [k.time, k.value])).toEqual([
      [0, 150],
      [1, 160],
    ]);
    expect(elements()[1]?.x).toBe(560);
  });

  it('duplicates, reorders, deletes and changes the selection as one step each', async () => {
    const { selection, doc, ids, elements } = await threeSquares();
    selection.set([at(ids, 0), at(ids, 1)]);
    selection.duplicate();
    expect(elements()).toHaveLength(5);
    expect(selection.ids).toHaveLength(2);
    expect(selection.ids.some((id) => ids.includes(id))).toBe(false);
    doc.undo();
    selection.set([at(ids, 0), at(ids, 1)]);
    selection.reorder('front');
    expect(elements().map((el) => el.id)).toEqual([ids[2], ids[0], ids[1]]);
    selection.reorder('back');
    expect(elements().map((el) => el.id)).toEqual([ids[0], ids[1], ids[2]]);
    selection.changeAll({ opacity: 0.5 }, 'Change opacity');
    expect(elements().map((el) => el.opacity)).toEqual([0.5, 0.5, 1]);
    selection.deleteAll();
    expect(elements().map((el) => el.id)).toEqual([ids[2]]);
    doc.undo();
    expect(elements()).toHaveLength(3);
  });

  it('copies, cuts and pastes several elements', async () => {
    const { selection, clipboard, doc, ids, elements } = await threeSquares();
    selection.set([at(ids, 0), at(ids, 2)]);
    clipboard.copy();
    clipboard.paste();
    expect(elements()).toHaveLength(5);
    expect(
      elements()
        .slice(3)
        .map((el) => [el.x, el.y]),
    ).toEqual([
      [190, 290],
      [390, 1090],
    ]);
    expect(doc.undoText).toBe('Paste elements');
    selection.set([at(ids, 1)]);
    clipboard.cut();
    expect(elements()).toHaveLength(4);
    clipboard.paste();
    expect(elements()).toHaveLength(5);
  });
});

describe('eraser store', () => {
  it('cuts a brush stroke where it passes, a whole drag being one undo step', async () => {
    const { canvas, doc, elements } = await threeSquares();
    const points = Array.from({ length: 21 }, (_, i) => ({ x: 300 + i * 20, y: 1500, pressure: 0.5 }));
    canvas.addBrushStroke(points);
    const eraser = harness.run(() => useEraser());
    eraser.setSize(40);
    const key = eraser.begin();
    eraser.eraseAlong([{ x: 400, y: 1450 }], key);
    eraser.eraseAlong(
      [
        { x: 400, y: 1450 },
        { x: 400, y: 1550 },
      ],
      key,
    );
    eraser.eraseAlong(
      [
        { x: 600, y: 1450 },
        { x: 600, y: 1550 },
      ],
      key,
    );
    eraser.end();
    const brush = elements().find((el) => el.kind === 'brush');
    expect(brush?.kind === 'brush' ? brush.strokes.length : 0).toBe(3);
    expect(doc.undoText).toBe('Erase');
    doc.undo();
    const back = elements().find((el) => el.kind === 'brush');
    expect(back?.kind === 'brush' ? back.strokes.length : 0).toBe(1);
    // Erasing all of it removes the element.
    const all = eraser.begin();
    eraser.setSize(400);
    eraser.eraseAlong(
      [
        { x: 300, y: 1500 },
        { x: 700, y: 1500 },
      ],
      all,
    );
    expect(elements().some((el) => el.kind === 'brush')).toBe(false);
  });
});
