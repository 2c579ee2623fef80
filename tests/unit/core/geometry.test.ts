import { describe, expect, it } from 'vitest';
import {
  alignOffsets,
  distributeOffsets,
  elementBounds,
  eraseStrokes,
  eraserCircles,
  placedBounds,
  toFrame,
  toLocal,
  unionBox,
  type StrokePoint,
} from '../../../src/core/geometry';
import { ElementSchema } from '../../../src/core/schema';

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

const boxes = [
  { x: 100, y: 100, width: 100, height: 50 },
  { x: 400, y: 300, width: 200, height: 100 },
  { x: 250, y: 700, width: 50, height: 50 },
];

function moved(list: typeof boxes, offsets: { dx: number; dy: number }[]) {
  return list.map((b, i) => ({ ...b, x: b.x + (offsets[i]?.dx ?? 0), y: b.y + (offsets[i]?.dy ?? 0) }));
}

describe('align', () => {
  it('lines boxes up on each edge of their common bounds', () => {
    expect(unionBox(boxes)).toEqual({ x: 100, y: 100, width: 500, height: 650 });
    expect(moved(boxes, alignOffsets(boxes, 'left')).map((b) => b.x)).toEqual([100, 100, 100]);
    expect(moved(boxes, alignOffsets(boxes, 'right')).map((b) => b.x + b.width)).toEqual([600, 600, 600]);
    expect(moved(boxes, alignOffsets(boxes, 'centre')).map((b) => b.x + b.width / 2)).toEqual([
      350, 350, 350,
    ]);
    expect(moved(boxes, alignOffsets(boxes, 'top')).map((b) => b.y)).toEqual([100, 100, 100]);
    expect(moved(boxes, alignOffsets(boxes, 'middle')).map((b) => b.y + b.height / 2)).toEqual([
      425, 425, 425,
    ]);
    expect(moved(boxes, alignOffsets(boxes, 'bottom')).map((b) => b.y + b.height)).toEqual([750, 750, 750]);
    // Aligning only moves along one axis.
    expect(alignOffsets(boxes, 'left').every((o) => o.dy === 0)).toBe(true);
    expect(alignOffsets(boxes, 'top').every((o) => o.dx === 0)).toBe(true);
  });

  it('aligns one box to a target such as the frame', () => {
    const frame = { x: 0, y: 0, width: 1080, height: 1920 };
    const only = at(boxes, 0);
    expect(alignOffsets([only], 'centre', frame)).toEqual([{ dx: 540 - 150, dy: 0 }]);
    expect(alignOffsets([only], 'bottom', frame)).toEqual([{ dx: 0, dy: 1920 - 150 }]);
  });
});

describe('distribute', () => {
  it('leaves equal gaps between boxes, the outer ones staying put', () => {
    const row = [
      { x: 0, y: 0, width: 100, height: 10 },
      { x: 500, y: 0, width: 100, height: 10 },
      { x: 150, y: 0, width: 50, height: 10 },
      { x: 900, y: 0, width: 100, height: 10 },
    ];
    const after = moved(row, distributeOffsets(row, 'horizontal')).sort((a, b) => a.x - b.x);
    const gaps = after.slice(1).map((b, i) => b.x - (at(after, i).x + at(after, i).width));
    for (const gap of gaps) expect(gap).toBeCloseTo(at(gaps, 0), 6);
    expect(at(after, 0).x).toBe(0);
    expect(at(after, 3).x).toBe(900);
    expect(gaps[0]).toBeCloseTo((1000 - 350) / 3, 6);
  });

  it('distributes vertically, and needs three boxes', () => {
    const after = moved(boxes, distributeOffsets(boxes, 'vertical')).sort((a, b) => a.y - b.y);
    expect(at(after, 1).y - (at(after, 0).y + at(after, 0).height)).toBeCloseTo(
      at(after, 2).y - (at(after, 1).y + at(after, 1).height),
      6,
    );
    expect(distributeOffsets(boxes.slice(0, 2), 'vertical')).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });
});

describe('bounds', () => {
  it('turns and scales about the anchor, and back', () => {
    const placement = { x: 500, y: 500, anchorX: 50, anchorY: 25, scaleX: 2, scaleY: 1, rotation: 90 };
    const p = toFrame({ x: 100, y: 25 }, placement);
    expect(p.x).toBeCloseTo(500, 6);
    expect(p.y).toBeCloseTo(600, 6);
    const back = toLocal(p, placement);
    expect(back.x).toBeCloseTo(100, 6);
    expect(back.y).toBeCloseTo(25, 6);
  });

  it('gives the rotation-aware box of a turned rectangle', () => {
    const rect = ElementSchema.parse({
      id: 'r',
      kind: 'rect',
      x: 200,
      y: 200,
      width: 200,
      height: 100,
      anchorX: 100,
      anchorY: 50,
      rotation: 90,
    });
    const b = elementBounds(rect);
    if (b === null) throw new Error('no bounds');
    expect(b.x).toBeCloseTo(150, 6);
    expect(b.y).toBeCloseTo(100, 6);
    expect(b.width).toBeCloseTo(100, 6);
    expect(b.height).toBeCloseTo(200, 6);
    const diamond = placedBounds(
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 0, y: 0, anchorX: 50, anchorY: 50, scaleX: 1, scaleY: 1, rotation: 45 },
    );
    expect(diamond.width).toBeCloseTo(100 * Math.SQRT2, 6);
  });
});

describe('eraser', () => {
  const line = (from: number, to: number, step = 10): StrokePoint[] => {
    const points: StrokePoint[] = [];
    for (let x = from; x <= to; x += step) points.push({ x, y: 0, pressure: x / 1000 });
    return points;
  };

  it('splits a stroke in two where the eraser crosses it, keeping pressure', () => {
    const stroke = { color: '#fff', width: 10, points: line(0, 200) };
    const result = eraseStrokes([stroke], [{ x: 100, y: 0, radius: 20 }]);
    expect(result).toHaveLength(2);
    const left = at(result, 0);
    const right = at(result, 1);
    expect(at(left.points, -1).x).toBeCloseTo(80, 6);
    expect(at(right.points, 0).x).toBeCloseTo(120, 6);
    expect(at(right.points, 0).pressure).toBeCloseTo(0.12, 6);
    expect(left.color).toBe('#fff');
    expect(left.width).toBe(10);
  });

  it('returns the very same strokes when the eraser misses', () => {
    const strokes = [{ color: '#fff', width: 10, points: line(0, 200) }];
    expect(eraseStrokes(strokes, [{ x: 100, y: 50, radius: 20 }])).toBe(strokes);
  });

  it('drops the tiny leftovers and strokes erased entirely', () => {
    const strokes = [
      { color: '#fff', width: 10, points: line(0, 100) },
      { color: '#000', width: 4, points: [{ x: 500, y: 500, pressure: 0.5 }] },
    ];
    const result = eraseStrokes(strokes, [
      { x: 50, y: 0, radius: 49 },
      { x: 500, y: 500, radius: 5 },
    ]);
    expect(result).toEqual([]);
  });

  it('cuts a segment crossing the circle without a point inside it', () => {
    const strokes = [
      {
        width: 6,
        points: [
          { x: 0, y: 0, pressure: 0.5 },
          { x: 100, y: 0, pressure: 0.5 },
        ],
      },
    ];
    const result = eraseStrokes(strokes, [{ x: 50, y: 3, radius: 10 }]);
    expect(result).toHaveLength(2);
  });

  it('fills in circles along a fast drag so it leaves no gaps', () => {
    const circles = eraserCircles(
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
      10,
    );
    for (let i = 1; i < circles.length; i++)
      expect(at(circles, i).x - at(circles, i - 1).x).toBeLessThanOrEqual(10);
    const stroke = { width: 6, points: line(0, 100, 5).map((p) => ({ ...p, x: 50, y: p.x - 50 })) };
    // A vertical stroke at x 50 is cut even though no pointer sample was near it.
    expect(eraseStrokes([stroke], circles)).toHaveLength(2);
  });
});

describe('eraser with stroke widths', () => {
  it('widens the cut by half the stroke width, so no round cap pokes into the erased spot', () => {
    const points = [0, 50, 100].map((x) => ({ x, y: 0, pressure: 0.5 }));
    const cut = eraseStrokes([{ width: 20, points }], [{ x: 50, y: 0, radius: 10 }], {
      padWithWidth: true,
    });
    expect(at(at(cut, 0).points, -1).x).toBeCloseTo(30, 6);
  });
});
