/**
 * Align and distribute over element bounds (axis-aligned boxes in frame pixels, already taking
 * rotation and scale into account). The functions return how far each box moves, in the order
 * given, so the caller can apply the moves as one command.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Offset {
  dx: number;
  dy: number;
}

export const ALIGN_EDGES = ['left', 'centre', 'right', 'top', 'middle', 'bottom'] as const;
export type AlignEdge = (typeof ALIGN_EDGES)[number];
export type DistributeAxis = 'horizontal' | 'vertical';

/** The smallest box holding every box (a zero box at the origin for none). */
export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Moves that line boxes up on one edge (or centre line) of `target`: the bounds of all the
 * boxes when there is no target (several elements), or the frame / a safe zone for one.
 */
export function alignOffsets(boxes: readonly Box[], edge: AlignEdge, target?: Box): Offset[] {
  const to = target ?? unionBox(boxes);
  return boxes.map((b) => {
    switch (edge) {
      case 'left':
        return { dx: to.x - b.x, dy: 0 };
      case 'centre':
        return { dx: to.x + to.width / 2 - (b.x + b.width / 2), dy: 0 };
      case 'right':
        return { dx: to.x + to.width - (b.x + b.width), dy: 0 };
      case 'top':
        return { dx: 0, dy: to.y - b.y };
      case 'middle':
        return { dx: 0, dy: to.y + to.height / 2 - (b.y + b.height / 2) };
      case 'bottom':
        return { dx: 0, dy: to.y + to.height - (b.y + b.height) };
    }
  });
}

/**
 * Moves that leave equal gaps between boxes along an axis. The first and last boxes (by their
 * leading edge) stay put; with fewer than three boxes nothing moves. Boxes wider than the
 * space between the outer ones get negative (overlapping) gaps, still equal.
 */
export function distributeOffsets(boxes: readonly Box[], axis: DistributeAxis): Offset[] {
  const offsets: Offset[] = boxes.map(() => ({ dx: 0, dy: 0 }));
  if (boxes.length < 3) return offsets;
  const start = (b: Box) => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: Box) => (axis === 'horizontal' ? b.width : b.height);
  const order = boxes.map((b, i) => ({ b, i })).sort((p, q) => start(p.b) - start(q.b) || p.i - q.i);
  const first = order[0] as { b: Box; i: number };
  const last = order.reduce((far, p) => (start(p.b) + size(p.b) > start(far.b) + size(far.b) ? p : far));
  const span = start(last.b) + size(last.b) - start(first.b);
  const total = order.reduce((sum, p) => sum + size(p.b), 0);
  const gap = (span - total) / (boxes.length - 1);
  let cursor = start(first.b);
  for (const p of order) {
    if (p !== last) {
      const move = cursor - start(p.b);
      offsets[p.i] = axis === 'horizontal' ? { dx: move, dy: 0 } : { dx: 0, dy: move };
      cursor += size(p.b) + gap;
    }
  }
  return offsets;
}

/** How an element places its own coordinates in the frame (see the element schema). */
export interface Placement {
  x: number;
  y: number;
  anchorX: number;
  anchorY: number;
  scaleX: number;
  scaleY: number;
  /** Degrees, clockwise. */
  rotation: number;
}

/** A point in the element's own coordinates, in frame pixels. */
export function toFrame(point: { x: number; y: number }, p: Placement): { x: number; y: number } {
  const rad = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const lx = (point.x - p.anchorX) * p.scaleX;
  const ly = (point.y - p.anchorY) * p.scaleY;
  return { x: p.x + lx * cos - ly * sin, y: p.y + lx * sin + ly * cos };
}

/** A frame point in the element's own coordinates (the inverse of `toFrame`). */
export function toLocal(point: { x: number; y: number }, p: Placement): { x: number; y: number } {
  const rad = (p.rotation * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const dx = point.x - p.x;
  const dy = point.y - p.y;
  const rx = dx * cos + dy * sin;
  const ry = -dx * sin + dy * cos;
  return { x: rx / (p.scaleX || 1) + p.anchorX, y: ry / (p.scaleY || 1) + p.anchorY };
}

/** The frame-aligned bounds of a local box once the element is scaled and turned. */
export function placedBounds(local: Box, p: Placement): Box {
  const corners = [
    { x: local.x, y: local.y },
    { x: local.x + local.width, y: local.y },
    { x: local.x, y: local.y + local.height },
    { x: local.x + local.width, y: local.y + local.height },
  ].map((c) => toFrame(c, p));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
