import Konva from 'konva';
import { useCanvas } from '../stores/canvas';
import type { BoxShape } from '../stores/newElements';
import {
  ACCENT,
  distance,
  type CanvasTool,
  type FramePoint,
  type ToolContext,
  type ToolPointer,
} from './canvasTool';

type State = 'idle' | 'pointing' | 'dragging';

/** Frame pixels of the shape a click (no drag) makes, around the point. */
const CLICK_SIZE = 300;

/**
 * Rectangle, ellipse, star and speech bubble: drag out a box (a dashed draft follows the
 * pointer) and the shape fills it; a click makes a shape of a friendly size around the point.
 *
 *   idle --down--> pointing --move past a few pixels--> dragging --up--> idle (shape added)
 *                  pointing --up (a click)-----------------------------> idle (shape added)
 */
export function createShapeTool(kind: BoxShape, context: ToolContext): CanvasTool {
  const canvas = useCanvas();
  let state: State = 'idle';
  let start: FramePoint = { x: 0, y: 0 };
  let draft: Konva.Rect | Konva.Ellipse | null = null;

  function drawDraft(point: FramePoint): void {
    const s = context.scale();
    const x = Math.min(start.x, point.x) * s;
    const y = Math.min(start.y, point.y) * s;
    const width = Math.abs(point.x - start.x) * s;
    const height = Math.abs(point.y - start.y) * s;
    if (draft === null) {
      const style = { stroke: ACCENT, strokeWidth: 1.5, dash: [6, 4], fill: 'rgba(157, 140, 255, 0.15)' };
      draft =
        kind === 'ellipse' || kind === 'star'
          ? new Konva.Ellipse({ ...style, radiusX: 0, radiusY: 0, listening: false })
          : new Konva.Rect({ ...style, listening: false });
      context.overlay()?.add(draft);
    }
    if (draft instanceof Konva.Ellipse)
      draft.setAttrs({ x: x + width / 2, y: y + height / 2, radiusX: width / 2, radiusY: height / 2 });
    else draft.setAttrs({ x, y, width, height });
    context.overlay()?.batchDraw();
  }

  function clearDraft(): void {
    draft?.destroy();
    draft = null;
    context.overlay()?.batchDraw();
  }

  return {
    id: kind,
    get state() {
      return state;
    },
    pointerDown({ point }: ToolPointer) {
      start = point;
      state = 'pointing';
    },
    pointerMove({ point }: ToolPointer) {
      if (state === 'pointing' && distance(start, point) * context.scale() >= 4) state = 'dragging';
      if (state === 'dragging') drawDraft(point);
    },
    pointerUp({ point }: ToolPointer) {
      if (state === 'idle') return;
      const dragged = state === 'dragging';
      clearDraft();
      state = 'idle';
      const box = dragged
        ? { x: start.x, y: start.y, width: point.x - start.x, height: point.y - start.y }
        : { x: start.x - CLICK_SIZE / 2, y: start.y - CLICK_SIZE / 2, width: CLICK_SIZE, height: CLICK_SIZE };
      const id = canvas.addShape(kind, box);
      // A bubble is drawn to say something: its words open for typing, selected to type over.
      if (kind === 'bubble' && id !== null) context.editText(id, false);
    },
    cancel() {
      clearDraft();
      state = 'idle';
    },
  };
}
