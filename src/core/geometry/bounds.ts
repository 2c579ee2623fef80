import type { BrushStroke, Element } from '../schema';
import { placedBounds, unionBox, type Box } from './arrange';

/**
 * An element's box in its own coordinates, from its data alone. Text is estimated from its
 * font size (the editor measures the drawn text instead when it can). Null when the shape
 * cannot be known without drawing it (SVG path data).
 */
export function localBox(el: Element): Box | null {
  switch (el.kind) {
    case 'rect':
    case 'bubble':
    case 'image':
      return { x: 0, y: 0, width: el.width, height: el.height };
    case 'ellipse':
      return { x: -el.radiusX, y: -el.radiusY, width: el.radiusX * 2, height: el.radiusY * 2 };
    case 'star':
      return {
        x: -el.outerRadius,
        y: -el.outerRadius,
        width: el.outerRadius * 2,
        height: el.outerRadius * 2,
      };
    case 'polygon':
      return { x: -el.radius, y: -el.radius, width: el.radius * 2, height: el.radius * 2 };
    case 'line': {
      const xs = el.points.filter((_, i) => i % 2 === 0);
      const ys = el.points.filter((_, i) => i % 2 === 1);
      const pad = el.strokeWidth / 2;
      const x = Math.min(...xs) - pad;
      const y = Math.min(...ys) - pad;
      return { x, y, width: Math.max(...xs) + pad - x, height: Math.max(...ys) + pad - y };
    }
    case 'brush':
      return strokesBox(el.strokes);
    case 'drawing':
      return strokesBox(el.frames.flatMap((f) => f.strokes));
    case 'text': {
      const lines = el.text.split('\n');
      const longest = Math.max(1, ...lines.map((l) => [...l].length));
      const width = el.width ?? longest * el.fontSize * 0.55;
      return { x: 0, y: 0, width, height: lines.length * el.fontSize * el.lineHeight };
    }
    case 'group': {
      const boxes = el.children.map(elementBounds).filter((b): b is Box => b !== null);
      return boxes.length === 0 ? null : unionBox(boxes);
    }
    case 'path':
      return null;
  }
}

function strokesBox(strokes: readonly BrushStroke[]): Box | null {
  const boxes = strokes.map((s) => {
    const pad = s.width / 2;
    const xs = s.points.map((p) => p.x);
    const ys = s.points.map((p) => p.y);
    const x = Math.min(...xs) - pad;
    const y = Math.min(...ys) - pad;
    return { x, y, width: Math.max(...xs) + pad - x, height: Math.max(...ys) + pad - y };
  });
  return boxes.length === 0 ? null : unionBox(boxes);
}

/** The element's frame-aligned bounds in frame pixels, rotation and scale included. */
export function elementBounds(el: Element): Box | null {
  const local = localBox(el);
  return local === null ? null : placedBounds(local, el);
}
