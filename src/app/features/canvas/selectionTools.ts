import Konva from 'konva';
import type { Box } from '../../../core/geometry';

const ACCENT = '#b7aaff';

/** Boxes in frame pixels; the overlay draws in stage (CSS) pixels, `scale` apart. */
export interface OverlayAccess {
  overlay: () => Konva.Layer | null;
  scale: () => number;
}

export function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The dashed box dragged over empty canvas to select what it touches. */
export function createMarquee({ overlay, scale }: OverlayAccess) {
  let rect: Konva.Rect | null = null;
  let start = { x: 0, y: 0 };
  let box: Box = { x: 0, y: 0, width: 0, height: 0 };

  function begin(point: { x: number; y: number }): void {
    cancel();
    start = point;
    box = { ...point, width: 0, height: 0 };
    rect = new Konva.Rect({
      stroke: ACCENT,
      strokeWidth: 1,
      dash: [5, 4],
      fill: 'rgba(183, 170, 255, 0.12)',
      listening: false,
    });
    overlay()?.add(rect);
  }

  function move(point: { x: number; y: number }): void {
    if (rect === null) return;
    box = {
      x: Math.min(start.x, point.x),
      y: Math.min(start.y, point.y),
      width: Math.abs(point.x - start.x),
      height: Math.abs(point.y - start.y),
    };
    const s = scale();
    rect.setAttrs({ x: box.x * s, y: box.y * s, width: box.width * s, height: box.height * s });
    overlay()?.batchDraw();
  }

  /** Ends the drag: the box (frame pixels), or null for a click (too small to be a box). */
  function end(): Box | null {
    if (rect === null) return null;
    cancel();
    const s = scale();
    return box.width * s < 4 && box.height * s < 4 ? null : box;
  }

  function cancel(): void {
    rect?.destroy();
    rect = null;
    overlay()?.batchDraw();
  }

  return { begin, move, end, cancel, active: () => rect !== null };
}

/** The eraser's outline, following the pointer so its size is clear before erasing. */
export function createEraserCursor({ overlay, scale }: OverlayAccess) {
  let ring: Konva.Circle | null = null;

  function show(point: { x: number; y: number } | null, diameter: number): void {
    const layer = overlay();
    if (point === null || layer === null) return hide();
    if (ring === null) {
      ring = new Konva.Circle({
        stroke: '#ffffff',
        strokeWidth: 1.5,
        shadowColor: '#000000',
        shadowBlur: 2,
        shadowOpacity: 0.9,
        fill: 'rgba(255, 255, 255, 0.08)',
        listening: false,
        name: 'eraser-cursor',
      });
      layer.add(ring);
    }
    const s = scale();
    ring.setAttrs({ x: point.x * s, y: point.y * s, radius: Math.max(2, (diameter / 2) * s) });
    layer.batchDraw();
  }

  function hide(): void {
    if (ring === null) return;
    ring.destroy();
    ring = null;
    overlay()?.batchDraw();
  }

  return { show, hide };
}
