import type { Bounds, PathSink } from './pathSink';

type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * Traces a speech bubble: a width x height rounded box at (0, 0) with a tail to (tailX, tailY),
 * as ONE closed outline so its fill and stroke have no seam where the tail joins the box.
 * The tail leaves from the side the tip lies beyond; a tip inside the box draws no tail.
 */
export function traceBubble(
  sink: PathSink,
  width: number,
  height: number,
  cornerRadius: number,
  tailX: number,
  tailY: number,
): void {
  const side = tailSide(width, height, tailX, tailY);
  let radius = Math.max(0, Math.min(cornerRadius, width / 2, height / 2));
  let centre = 0;
  let half = 0;
  if (side) {
    const edge = side === 'top' || side === 'bottom' ? width : height;
    half = clamp(Math.min(width, height) * 0.14, 2, edge / 4);
    // The tail base must sit on a straight part of the edge, so a tail shrinks the corners.
    radius = Math.min(radius, (edge - 2 * half) / 2);
    const along = side === 'top' || side === 'bottom' ? tailX : tailY;
    centre = clamp(along, radius + half, edge - radius - half);
  }
  const w = width;
  const h = height;
  const r = radius;
  sink.moveTo(r, 0);
  if (side === 'top') tail(sink, centre - half, 0, tailX, tailY, centre + half, 0);
  sink.lineTo(w - r, 0);
  sink.arcTo(w, 0, w, r, r);
  if (side === 'right') tail(sink, w, centre - half, tailX, tailY, w, centre + half);
  sink.lineTo(w, h - r);
  sink.arcTo(w, h, w - r, h, r);
  if (side === 'bottom') tail(sink, centre + half, h, tailX, tailY, centre - half, h);
  sink.lineTo(r, h);
  sink.arcTo(0, h, 0, h - r, r);
  if (side === 'left') tail(sink, 0, centre + half, tailX, tailY, 0, centre - half);
  sink.lineTo(0, r);
  sink.arcTo(0, 0, r, 0, r);
  sink.closePath();
}

/** The box and the tail tip together. */
export function bubbleBounds(width: number, height: number, tailX: number, tailY: number): Bounds {
  const hasTail = tailSide(width, height, tailX, tailY) !== null;
  const x = hasTail ? Math.min(0, tailX) : 0;
  const y = hasTail ? Math.min(0, tailY) : 0;
  const right = hasTail ? Math.max(width, tailX) : width;
  const bottom = hasTail ? Math.max(height, tailY) : height;
  return { x, y, width: right - x, height: bottom - y };
}

function tailSide(width: number, height: number, tailX: number, tailY: number): Side | null {
  const beyond: [Side, number][] = [
    ['top', -tailY],
    ['right', tailX - width],
    ['bottom', tailY - height],
    ['left', -tailX],
  ];
  let best: Side | null = null;
  let bestDistance = 0;
  for (const [side, distance] of beyond) {
    if (distance > bestDistance) {
      best = side;
      bestDistance = distance;
    }
  }
  return best;
}

function tail(
  sink: PathSink,
  ax: number,
  ay: number,
  tipX: number,
  tipY: number,
  bx: number,
  by: number,
): void {
  sink.lineTo(ax, ay);
  sink.lineTo(tipX, tipY);
  sink.lineTo(bx, by);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
