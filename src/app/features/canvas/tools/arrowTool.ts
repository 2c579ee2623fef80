import Konva from 'konva';
import { useCanvas } from '../stores/canvas';
import { ACCENT, type CanvasTool, type FramePoint, type ToolContext, type ToolPointer } from './canvasTool';

type State = 'idle' | 'dragging';

/**
 * Arrow: drag from its tail to its head (a dashed draft follows); a click makes a short arrow
 * pointing right.
 *
 *   idle --down--> dragging --up--> idle (arrow added)
 */
export function createArrowTool(context: ToolContext): CanvasTool {
  const canvas = useCanvas();
  let state: State = 'idle';
  let start: FramePoint = { x: 0, y: 0 };
  let draft: Konva.Arrow | null = null;

  function clearDraft(): void {
    draft?.destroy();
    draft = null;
    context.overlay()?.batchDraw();
  }

  return {
    id: 'line',
    get state() {
      return state;
    },
    pointerDown({ point }: ToolPointer) {
      const s = context.scale();
      start = point;
      state = 'dragging';
      draft = new Konva.Arrow({
        x: point.x * s,
        y: point.y * s,
        points: [0, 0, 0, 0],
        stroke: ACCENT,
        strokeWidth: 3,
        dash: [6, 4],
        fill: 'rgba(157, 140, 255, 0.15)',
        listening: false,
      });
      context.overlay()?.add(draft);
    },
    pointerMove({ point }: ToolPointer) {
      if (state !== 'dragging' || draft === null) return;
      const s = context.scale();
      draft.points([0, 0, (point.x - start.x) * s, (point.y - start.y) * s]);
      context.overlay()?.batchDraw();
    },
    pointerUp({ point }: ToolPointer) {
      if (state !== 'dragging') return;
      clearDraft();
      state = 'idle';
      canvas.addArrow(start, point);
    },
    cancel() {
      clearDraft();
      state = 'idle';
    },
  };
}
