import { describe, expect, it } from 'vitest';
import { bubbleBounds, traceBubble } from '../../../src/render/geometry/bubble';
import { gradientLine } from '../../../src/render/geometry/gradient';
import { revealPolyline } from '../../../src/render/geometry/polyline';
import type { PathSink } from '../../../src/render/geometry/pathSink';

/** Records the points a path visits. */
function recorder(): PathSink & { points: [number, number][] } {
  const points: [number, number][] = [];
  return {
    points,
    moveTo: (x, y) => points.push([x, y]),
    lineTo: (x, y) => points.push([x, y]),
    arcTo: (_x1, _y1, x2, y2) => points.push([x2, y2]),
    arc: () => undefined,
    closePath: () => undefined,
  };
}

describe('renderer geometry', () => {
  it('reveals the first part of a polyline by length', () => {
    // An L of two 100 px legs: half of it ends at the corner, three quarters halfway down.
    expect(revealPolyline([0, 0, 100, 0, 100, 100], 0.5)).toEqual([0, 0, 100, 0]);
    expect(revealPolyline([0, 0, 100, 0, 100, 100], 0.75)).toEqual([0, 0, 100, 0, 100, 50]);
    expect(revealPolyline([0, 0, 100, 0], 0)).toEqual([]);
    expect(revealPolyline([0, 0, 100, 0], 1)).toEqual([0, 0, 100, 0]);
  });

  it('runs a gradient along its angle across the whole box', () => {
    const down = gradientLine(0, 100, 200);
    expect(down.x0).toBeCloseTo(50);
    expect(down.y0).toBeCloseTo(0);
    expect(down.y1).toBeCloseTo(200);
    const across = gradientLine(90, 100, 200);
    expect(across.x0).toBeCloseTo(0);
    expect(across.x1).toBeCloseTo(100);
    expect(across.y0).toBeCloseTo(100);
  });

  it('gives a bubble a tail to a tip outside the box, and none to a tip inside', () => {
    const outside = recorder();
    traceBubble(outside, 200, 100, 20, 50, 180);
    expect(outside.points).toContainEqual([50, 180]);
    expect(bubbleBounds(200, 100, 50, 180)).toEqual({ x: 0, y: 0, width: 200, height: 180 });
    const inside = recorder();
    traceBubble(inside, 200, 100, 20, 50, 50);
    expect(inside.points).not.toContainEqual([50, 50]);
    expect(bubbleBounds(200, 100, 50, 50)).toEqual({ x: 0, y: 0, width: 200, height: 100 });
  });
});
