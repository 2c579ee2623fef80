/**
 * The first `reveal` fraction (by length) of a polyline given as flat [x0, y0, x1, y1, ...]
 * points, ending on an interpolated point. Used to draw lines on over time.
 */
export function revealPolyline(points: readonly number[], reveal: number): number[] {
  if (reveal >= 1) return points.slice();
  const count = Math.floor(points.length / 2);
  if (reveal <= 0 || count < 2) return [];
  let total = 0;
  for (let i = 1; i < count; i++) total += segmentLength(points, i);
  let remaining = total * reveal;
  const out = [points[0] ?? 0, points[1] ?? 0];
  for (let i = 1; i < count; i++) {
    const length = segmentLength(points, i);
    const x0 = points[2 * i - 2] ?? 0;
    const y0 = points[2 * i - 1] ?? 0;
    const x1 = points[2 * i] ?? 0;
    const y1 = points[2 * i + 1] ?? 0;
    if (length >= remaining) {
      const t = length > 0 ? remaining / length : 0;
      out.push(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
      return out;
    }
    out.push(x1, y1);
    remaining -= length;
  }
  return out;
}

function segmentLength(points: readonly number[], i: number): number {
  return Math.hypot(
    (points[2 * i] ?? 0) - (points[2 * i - 2] ?? 0),
    (points[2 * i + 1] ?? 0) - (points[2 * i - 1] ?? 0),
  );
}
