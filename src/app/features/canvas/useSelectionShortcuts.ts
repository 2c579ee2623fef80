import { onBeforeUnmount, onMounted } from 'vue';
import type { AlignEdge } from '../../../core/geometry';
import { useCanvas } from './stores/canvas';
import { useDocument } from '../../state/document';
import { useEraser } from './stores/eraser';
import { useSelection } from './stores/selection';
import { useStudio } from '../../state/studio';

const ALIGN_KEYS: Record<string, AlignEdge> = {
  a: 'left',
  h: 'centre',
  d: 'right',
  w: 'top',
  v: 'middle',
  s: 'bottom',
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['range', 'color', 'checkbox', 'button'].includes(target.type))
  );
}

/**
 * Keys for the selection: Ctrl+A selects all, Ctrl+D duplicates, Delete removes, arrows nudge
 * several elements, Ctrl+] / Ctrl+[ change the order (with Shift: to the front / back),
 * Alt+A/H/D/W/V/S align, Alt+Shift+H/V distribute, [ and ] size the eraser. The studio's own
 * handler runs first and takes what it knows (one selected element, tools, undo).
 */
export function useSelectionShortcuts(): void {
  const selection = useSelection();
  const canvas = useCanvas();
  const studio = useStudio();
  const documentStore = useDocument();
  const eraser = useEraser();

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || studio.dialog !== null || isTyping(event.target)) return;
    if (!documentStore.isOpen || !canvas.editable) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const code = event.code;
    const any = selection.count > 0;
    let handled = true;
    if (mod && !event.altKey && key === 'a') selection.selectAll();
    else if (mod && !event.altKey && key === 'd' && any) selection.duplicate();
    else if (mod && (code === 'BracketRight' || code === 'BracketLeft') && any) {
      const up = code === 'BracketRight';
      selection.reorder(event.shiftKey ? (up ? 'front' : 'back') : up ? 'forward' : 'backward');
    } else if (event.altKey && !mod && event.shiftKey && (code === 'KeyH' || code === 'KeyV') && any)
      selection.distribute(code === 'KeyH' ? 'horizontal' : 'vertical');
    else if (event.altKey && !mod && !event.shiftKey && code.startsWith('Key') && any) {
      const edge = ALIGN_KEYS[code.slice(3).toLowerCase()];
      if (edge) selection.align(edge);
      else handled = false;
    } else if (!mod && !event.altKey && canvas.tool === 'eraser' && (key === '[' || key === ']'))
      eraser.setSize(eraser.size * (key === ']' ? 1.25 : 0.8));
    else if (mod || event.altKey || selection.count < 2) handled = false;
    else if (event.key === 'Delete' || event.key === 'Backspace') selection.deleteAll();
    else if (event.key.startsWith('Arrow')) {
      const step = event.shiftKey ? 10 : 1;
      const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
      const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
      selection.nudge(dx, dy);
    } else handled = false;
    if (handled) event.preventDefault();
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
