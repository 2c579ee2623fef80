import { useEraser } from '../stores/eraser';
import { createEraserCursor } from '../selectionTools';
import type { CanvasTool, FramePoint, ToolContext, ToolPointer } from './canvasTool';

type State = 'idle' | 'erasing';

/**
 * Eraser: its outline follows the pointer, so its size is clear before erasing; pressing and
 * dragging erases brush strokes and drawing frames along the way, as one undo step.
 *
 *   idle --down--> erasing --up--> idle
 */
export function createEraserTool(context: ToolContext): CanvasTool {
  const eraser = useEraser();
  const cursor = createEraserCursor({ overlay: context.overlay, scale: context.scale });
  let state: State = 'idle';
  let key: string | null = null;
  let last: FramePoint | null = null;

  return {
    id: 'eraser',
    get state() {
      return state;
    },
    pointerDown({ point }: ToolPointer) {
      key = eraser.begin();
      last = point;
      state = 'erasing';
      eraser.eraseAlong([point], key);
    },
    pointerMove({ point }: ToolPointer) {
      cursor.show(point, eraser.size);
      if (state !== 'erasing' || key === null || last === null) return;
      eraser.eraseAlong([last, point], key);
      last = point;
    },
    pointerUp() {
      if (state !== 'erasing') return;
      key = null;
      last = null;
      state = 'idle';
      eraser.end();
    },
    cancel() {
      if (state === 'erasing') eraser.end();
      key = null;
      last = null;
      state = 'idle';
      cursor.hide();
    },
  };
}
