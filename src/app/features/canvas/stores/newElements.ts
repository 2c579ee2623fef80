import { defineStore } from 'pinia';
import { ref } from 'vue';
import { LIGHT_INK } from '../../../../core/edit';

/** One sampled point of a brush stroke, in frame pixels; pressure 0..1 from the pen (0.5 for a mouse). */
export interface BrushPoint {
  x: number;
  y: number;
  pressure: number;
}

/** Tools that draw a shape into a dragged box. */
export type BoxShape = 'rect' | 'ellipse' | 'star' | 'bubble';

export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element to add, before it has an id (the schema fills in what is left out). */
export type NewElement = Record<string, unknown> & { kind: string };

const NEW_SHAPE_FILLS = { rect: '#9d8cff', ellipse: '#ffb870', star: '#ffe066', bubble: '#ffffff' } as const;
/** The smallest shape a drag makes, in frame pixels. */
export const MIN_SHAPE = 8;
/** Width a clicked (not dragged) text wraps at, in frame pixels. */
export const TEXT_WIDTH = 800;
const TEXT_SIZE = 96;

/**
 * What new elements look like: the brush's colour and width (session state, changed from the
 * tool bar) and the look of a new shape, arrow, text and picture. Each `new*` function only
 * describes an element; the canvas store adds it to the scene.
 */
export const useNewElements = defineStore('newElements', () => {
  const brushColor = ref('#ffffff');
  const brushWidth = ref(14);

  /** A shape filling `box` (frame pixels, either way round), turning about its centre. */
  function shape(kind: BoxShape, box: FrameRect): NewElement {
    const width = Math.max(MIN_SHAPE, Math.abs(box.width));
    const height = Math.max(MIN_SHAPE, Math.abs(box.height));
    const x = Math.min(box.x, box.x + box.width) + width / 2;
    const y = Math.min(box.y, box.y + box.height) + height / 2;
    const fill = NEW_SHAPE_FILLS[kind];
    switch (kind) {
      case 'rect': {
        const cornerRadius = Math.round(Math.min(width, height) * 0.12);
        return { kind, x, y, width, height, anchorX: width / 2, anchorY: height / 2, fill, cornerRadius };
      }
      case 'ellipse':
        return { kind, x, y, radiusX: width / 2, radiusY: height / 2, fill };
      case 'star': {
        const outerRadius = Math.min(width, height) / 2;
        return { kind, x, y, points: 5, outerRadius, innerRadius: outerRadius * 0.45, fill };
      }
      case 'bubble':
        // The tail points down and to the left, at whoever is speaking.
        return {
          kind,
          x,
          y,
          width,
          height,
          anchorX: width / 2,
          anchorY: height / 2,
          tailX: width * 0.22,
          tailY: height + Math.min(120, height * 0.45),
          text: 'You matter.',
          fontSize: Math.max(24, Math.min(64, Math.round(height / 4))),
          fill,
        };
    }
  }

  /**
   * An arrow from one point to another (frame pixels); a click makes a short one to the right.
   * `ink` is its colour (`inkOn` the scene's background).
   */
  function arrow(from: { x: number; y: number }, to: { x: number; y: number }, ink = LIGHT_INK): NewElement {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const end = Math.hypot(dx, dy) < MIN_SHAPE ? { x: 240, y: 0 } : { x: dx, y: dy };
    return {
      kind: 'line',
      x: from.x,
      y: from.y,
      points: [0, 0, end.x, end.y],
      arrowEnd: true,
      stroke: ink,
      strokeWidth: 12,
      fill: ink,
    };
  }

  /**
   * A line of text whose first line is centred on a point, wrapping at `width` frame pixels.
   * `text` is empty for a text about to be typed. `ink` is its colour (`inkOn` the scene's
   * background).
   */
  function text(
    x: number,
    y: number,
    content = 'Be kind',
    width = TEXT_WIDTH,
    align: 'left' | 'center' | 'right' = 'center',
    ink = LIGHT_INK,
  ): NewElement {
    return {
      kind: 'text',
      text: content,
      x,
      y,
      width,
      anchorX: align === 'left' ? 0 : align === 'right' ? width : width / 2,
      // The middle of the first line (line height 1.15) is on the point.
      anchorY: Math.round((TEXT_SIZE * 1.15) / 2),
      fontFamily: 'Fredoka',
      fontSize: TEXT_SIZE,
      fill: ink,
      align,
    };
  }

  /**
   * One drawn stroke as a brush element. Its points stay in frame pixels; the element turns and
   * scales about the middle of the stroke.
   */
  function brush(points: readonly BrushPoint[]): NewElement {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    return {
      kind: 'brush',
      x: cx,
      y: cy,
      anchorX: cx,
      anchorY: cy,
      strokes: [
        {
          color: brushColor.value,
          width: brushWidth.value,
          points: points.slice(0, 20000).map((p) => ({
            x: Math.round(p.x * 10) / 10,
            y: Math.round(p.y * 10) / 10,
            pressure: Math.min(1, Math.max(0, p.pressure)),
          })),
        },
      ],
    };
  }

  /** A picture of its natural size, at most 720 x 900, centred on `at` (frame pixels). */
  function picture(
    assetId: string,
    natural: { width: number; height: number },
    at: { x: number; y: number },
  ): NewElement {
    const fit = Math.min(1, 720 / natural.width, 900 / natural.height);
    const width = Math.max(1, Math.round(natural.width * fit));
    const height = Math.max(1, Math.round(natural.height * fit));
    return {
      kind: 'image',
      assetId,
      x: at.x,
      y: at.y,
      width,
      height,
      anchorX: width / 2,
      anchorY: height / 2,
    };
  }

  return { brushColor, brushWidth, shape, arrow, text, brush, picture };
});
