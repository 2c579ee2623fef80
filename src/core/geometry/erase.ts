/**
 * The eraser: cuts stroke polylines where a circle passes, splitting one stroke into several.
 * Pieces the cut leaves shorter than `minLength` are dropped (they would show as specks).
 * Strokes the eraser misses come back as the very same objects, so nothing changes for them.
 */

export interface StrokePoint {
  x: number;
  y: number;
  pressure: number;
}

export interface Circle {
  x: number;
  y: number;
  radius: number;
}

interface Polyline {
  points: StrokePoint[];
  /** The stroke's width: with `padWithWidth` the eraser also takes its round caps away. */
  width?: number;
}

export interface EraseOptions {
  /** Pieces shorter than this (in the strokes' units) are dropped. */
  minLength?: number;
  /** Widen the circle by half each stroke's width, so nothing under the eraser stays visible. */
  padWithWidth?: boolean;
}

function lerp(a: StrokePoint, b: StrokePoint, t: number): StrokePoint {
  return {
    x: a.x + (b.x - a.x) * t,
    y: a.y + (b.y - a.y) * t,
    pressure: a.pressure + (b.pressure - a.pressure) * t,
  };
}

function length(points: readonly StrokePoint[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as StrokePoint;
    const b = points[i] as StrokePoint;
    total += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return total;
}

/** The part of segment a->b (as t from 0 to 1) inside the circle, or null. */
function insideSpan(a: StrokePoint, b: StrokePoint, c: Circle): [number, number] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const fx = a.x - c.x;
  const fy = a.y - c.y;
  const qa = dx * dx + dy * dy;
  const qc = fx * fx + fy * fy - c.radius * c.radius;
  if (qa === 0) return qc < 0 ? [0, 1] : null;
  const qb = 2 * (fx * dx + fy * dy);
  const disc = qb * qb - 4 * qa * qc;
  if (disc <= 0) return null;
  const root = Math.sqrt(disc);
  const start = Math.max(0, (-qb - root) / (2 * qa));
  const end = Math.min(1, (-qb + root) / (2 * qa));
  return end - start > 1e-9 ? [start, end] : null;
}

/** The pieces of one polyline outside the circle; the same array when the circle misses it. */
function cutPolyline(points: readonly StrokePoint[], c: Circle): readonly StrokePoint[][] | null {
  if (points.length === 1) {
    const p = points[0] as StrokePoint;
    return Math.hypot(p.x - c.x, p.y - c.y) < c.radius ? [] : null;
  }
  const pieces: StrokePoint[][] = [];
  let current: StrokePoint[] = [];
  let cut = false;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as StrokePoint;
    const b = points[i] as StrokePoint;
    const span = insideSpan(a, b, c);
    if (span === null) {
      if (current.length === 0) current.push(a);
      current.push(b);
      continue;
    }
    cut = true;
    const [start, end] = span;
    if (start > 0) {
      if (current.length === 0) current.push(a);
      current.push(lerp(a, b, start));
    }
    if (current.length > 0) pieces.push(current);
    current = end < 1 ? [lerp(a, b, end), b] : [];
  }
  if (current.length > 0) pieces.push(current);
  return cut ? pieces : null;
}

function near(points: readonly StrokePoint[], c: Circle, pad: number): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  const r = c.radius + pad;
  return c.x >= minX - r && c.x <= maxX + r && c.y >= minY - r && c.y <= maxY + r;
}

/**
 * Erases where the circles cover the strokes' centre lines. Returns the same array when
 * nothing was touched; otherwise the strokes that remain (possibly none), in drawing order.
 */
export function eraseStrokes<S extends Polyline>(
  strokes: readonly S[],
  circles: readonly Circle[],
  options: EraseOptions = {},
): readonly S[] {
  const minLength = options.minLength ?? 2;
  let result: readonly S[] = strokes;
  for (const circle of circles) {
    let changed = false;
    const next: S[] = [];
    for (const stroke of result) {
      const pad = options.padWithWidth ? (stroke.width ?? 0) / 2 : 0;
      const cutter = pad > 0 ? { ...circle, radius: circle.radius + pad } : circle;
      if (!near(stroke.points, cutter, 0)) {
        next.push(stroke);
        continue;
      }
      const pieces = cutPolyline(stroke.points, cutter);
      if (pieces === null) {
        next.push(stroke);
        continue;
      }
      changed = true;
      for (const piece of pieces)
        if (piece.length > 1 && length(piece) >= minLength) next.push({ ...stroke, points: piece });
    }
    if (changed) result = next;
  }
  return result;
}

/**
 * Circles along an eraser drag, close enough together that they leave no gaps: one at each
 * pointer sample and more in between where the pointer jumped.
 */
export function eraserCircles(path: readonly { x: number; y: number }[], radius: number): Circle[] {
  const circles: Circle[] = [];
  const step = Math.max(0.5, radius / 2);
  for (let i = 0; i < path.length; i++) {
    const b = path[i] as { x: number; y: number };
    const a = i > 0 ? (path[i - 1] as { x: number; y: number }) : null;
    if (a !== null) {
      const distance = Math.hypot(b.x - a.x, b.y - a.y);
      const count = Math.floor(distance / step);
      for (let k = 1; k < count; k++) {
        const t = k / count;
        circles.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, radius });
      }
    }
    circles.push({ x: b.x, y: b.y, radius });
  }
  return circles;
}
