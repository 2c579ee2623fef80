import { useDocument } from '../../../state/document';
import { useCanvas } from '../stores/canvas';
import { TEXT_WIDTH, useNewElements } from '../stores/newElements';
import { textEditKey } from '../stores/textEditing';
import { distance, type CanvasTool, type FramePoint, type ToolContext, type ToolPointer } from './canvasTool';
import { clickedTextBox } from './textPlacement';

type State = 'idle' | 'pointing' | 'dragging';

/** A dragged text box narrower than this (frame pixels) is taken for a click. */
const MIN_WIDTH = 80;

/**
 * Text: click to start typing a new line of text there (near a side of the frame it starts at
 * the click rather than centred on it), or drag across to set the width it wraps at. The text is
 * made on release (not on press: the press would take the focus back from the editor) and opens
 * empty in the in-place editor, so what is typed is the text.
 *
 *   idle --down--> pointing --move--> dragging --up--> idle (text added, typing)
 *                  pointing --up (a click)----------> idle (text added, typing)
 */
export function createTextTool(context: ToolContext): CanvasTool {
  const canvas = useCanvas();
  const defaults = useNewElements();
  let state: State = 'idle';
  let start: FramePoint = { x: 0, y: 0 };

  /** A text started by a click: kept inside the frame whichever side it is near. */
  function clickedText(at: FramePoint) {
    const frameWidth = useDocument().project?.video.width ?? TEXT_WIDTH;
    const box = clickedTextBox(at.x, frameWidth, TEXT_WIDTH);
    return defaults.text(at.x, at.y, '', box.width, box.align, canvas.ink());
  }

  return {
    id: 'text',
    get state() {
      return state;
    },
    pointerDown({ point }: ToolPointer) {
      start = point;
      state = 'pointing';
    },
    pointerMove({ point }: ToolPointer) {
      if (state === 'pointing' && distance(start, point) * context.scale() >= 4) state = 'dragging';
    },
    pointerUp({ point }: ToolPointer) {
      if (state === 'idle') return;
      const width = Math.abs(point.x - start.x);
      const input =
        state === 'dragging' && width >= MIN_WIDTH
          ? defaults.text((start.x + point.x) / 2, start.y, '', width, 'center', canvas.ink())
          : clickedText(start);
      state = 'idle';
      const id = canvas.add(input, 'Add text', undefined, textEditKey);
      if (id !== null) context.editText(id, true);
    },
    cancel() {
      state = 'idle';
    },
  };
}
