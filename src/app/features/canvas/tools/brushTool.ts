import Konva from 'konva';
import { useCanvas, type BrushPoint } from '../stores/canvas';
import { useNewElements } from '../stores/newElements';
import type { CanvasTool, ToolContext, ToolPointer } from './canvasTool';

type State = 'idle' | 'drawing';

/** Frame pixels closer than this to the last point add nothing but weight to the file. */
const MIN_STEP = 1.5;

/**
 * Brush: press and draw; the stroke shows as a plain line while drawn and becomes a brush
 * element (or a stroke of the active drawing layer's frame) on release. The brush stays in hand.
 *
 *   idle --down--> drawing --up--> idle (stroke added)
 */
export function createBrushTool(context: ToolContext): CanvasTool {
  const canvas = useCanvas();
  const defaults = useNewElements();
  let state: State = 'idle';
  let stroke: BrushPoint[] = [];
  let draft: Konva.Line | null = null;

  function clearDraft(): void {
    draft?.destroy();
    draft = null;
    context.overlay()?.batchDraw();
  }

  return {
    id: 'brush',
    get state() {
      return state;
    },
    pointerDown({ point, pressure }: ToolPointer) {
      const s = context.scale();
      stroke = [{ ...point, pressure }];
      state = 'drawing';
      draft = new Konva.Line({
        points: [point.x * s, point.y * s],
        stroke: defaults.brushColor,
        strokeWidth: Math.max(1, defaults.brushWidth * s),
        lineCap: 'round',
        lineJoin: 'round',
        listening: false,
      });
      context.overlay()?.add(draft);
    },
    pointerMove({ point, pressure }: ToolPointer) {
      if (state !== 'drawing' || draft === null) return;
      const last = stroke[stroke.length - 1];
      if (last && Math.hypot(point.x - last.x, point.y - last.y) < MIN_STEP) return;
      stroke.push({ ...point, pressure });
      const s = context.scale();
      draft.points([...draft.points(), point.x * s, point.y * s]);
      context.overlay()?.batchDraw();
    },
    pointerUp() {
      if (state !== 'drawing') return;
      const points = stroke;
      stroke = [];
      clearDraft();
      state = 'idle';
      canvas.addBrushStroke(points);
    },
    cancel() {
      stroke = [];
      clearDraft();
      state = 'idle';
    },
  };
}
