import { useCanvas } from '../stores/canvas';
import { useSelection } from '../stores/selection';
import { createMarquee, intersects } from '../selectionTools';
import type { CanvasTool, ToolContext, ToolPointer } from './canvasTool';

type State = 'idle' | 'pointing' | 'dragging' | 'brushing';

/**
 * Select and move. Pressing an element picks it (Shift/Ctrl/Cmd adds or removes it); Konva
 * then drags the picked nodes and the Transformer resizes and turns them (the editor commits
 * both). Pressing empty canvas starts a marquee that selects what it touches.
 *
 *   idle --down on element--> pointing --drag--> dragging --up--> idle
 *   idle --down on empty----> brushing --up (marquee ends)------> idle
 */
export function createSelectTool(context: ToolContext): CanvasTool {
  const selection = useSelection();
  const canvas = useCanvas();
  const marquee = createMarquee({ overlay: context.overlay, scale: context.scale });
  let state: State = 'idle';
  /** A click (no drag) on one of several selected elements selects just that one, on release. */
  let single: string | null = null;

  function selectTouched(additive: boolean): void {
    const box = marquee.end();
    const scene = canvas.span?.scene;
    if (box === null || !scene) return;
    const candidates = scene.elements.filter((el) => !el.locked && el.visible).map((el) => el.id);
    const hit = [...context.measure(candidates)].filter(([, b]) => intersects(b, box)).map(([id]) => id);
    selection.set(additive ? [...selection.ids, ...hit] : hit);
  }

  return {
    id: 'select',
    get state() {
      return state;
    },
    pointerDown({ target, point, additive }: ToolPointer) {
      const id = context.elementAt(target);
      single = null;
      if (id === null) {
        if (!additive) selection.set([]);
        marquee.begin(point);
        state = 'brushing';
        return;
      }
      if (additive) selection.toggle(id);
      else if (!selection.isSelected(id)) selection.set([id]);
      else if (selection.count > 1) single = id;
      state = 'pointing';
    },
    pointerMove({ point }: ToolPointer) {
      if (state === 'brushing') marquee.move(point);
    },
    dragStart() {
      single = null;
      if (state === 'pointing') state = 'dragging';
    },
    pointerUp({ additive }: ToolPointer) {
      if (state === 'brushing') selectTouched(additive);
      else if (state === 'pointing' && single !== null) selection.set([single]);
      single = null;
      state = 'idle';
    },
    cancel() {
      marquee.cancel();
      single = null;
      state = 'idle';
    },
  };
}
