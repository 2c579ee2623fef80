import type { BrushStroke } from '../../core/schema';
import type { Bounds, PathSink } from './pathSink';

/**
 * Radius of a brush stroke at a point: pressure 0.5 (the default) gives the stroke's own
 * width, light pressure down to a quarter of it, full pressure up to 1.75 times.
 */
export function brushRadius(width: number, pressure: number): number {
  return (width / 2) * (0.25 + 1.5 * pressure);
}

/** Length of a stroke along its points. */
export function strokeLength(stroke: BrushStroke): number {
  let length = 0;
  const points = stroke.points;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

/**
 * Traces a pressure-aware stroke as a filled outline: a disc at every point and a quad
 * joining each pair of discs. Every piece winds the same way, so one nonzero fill paints
 * their union with no seams or double-dark overlaps. Only the first `maxLength` pixels of
 * the stroke are traced (for drawing it on over time).
 */
export function traceBrushStroke(sink: PathSink, stroke: BrushStroke, maxLength = Infinity): void {
  const points = stroke.points;
  const first = points[0];
  if (!first) return;
  let px = first.x;
  let py = first.y;
  let pr = brushRadius(stroke.width, first.pressure);
  disc(sink, px, py, pr);
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const point = points[i];
    if (!point) break;
    let x = point.x;
    let y = point.y;
    let r = brushRadius(stroke.width, point.pressure);
    const length = Math.hypot(x - px, y - py);
    const cut = travelled + length > maxLength;
    if (cut) {
      const t = length > 0 ? (maxLength - travelled) / length : 0;
      x = px + (x - px) * t;
      y = py + (y - py) * t;
      r = pr + (r - pr) * t;
    }
    const drawn = Math.hypot(x - px, y - py);
    if (drawn > 0) {
      // Unit normal to the segment; vertices in the order that winds like the discs.
      const nx = -(y - py) / drawn;
      const ny = (x - px) / drawn;
      sink.moveTo(px + nx * pr, py + ny * pr);
      sink.lineTo(px - nx * pr, py - ny * pr);
      sink.lineTo(x - nx * r, y - ny * r);
      sink.lineTo(x + nx * r, y + ny * r);
      sink.closePath();
      disc(sink, x, y, r);
    }
    if (cut) return;
    travelled += length;
    px = x;
    py = y;
    pr = r;
  }
}

function disc(sink: PathSink, x: number, y: number, r: number): void {
  sink.moveTo(x + r, y);
  sink.arc(x, y, r, 0, Math.PI * 2, false);
  sink.closePath();
}

/** The area the strokes can paint, including their widest point. */
export function brushBounds(strokes: readonly BrushStroke[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const point of stroke.points) {
      const r = brushRadius(stroke.width, point.pressure);
      minX = Math.min(minX, point.x - r);
      minY = Math.min(minY, point.y - r);
      maxX = Math.max(maxX, point.x + r);
      maxY = Math.max(maxY, point.y + r);
    }
  }
  if (minX > maxX) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
