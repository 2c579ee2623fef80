import type { AlignEdge } from '../../core/geometry';
import { useCanvas } from '../features/canvas/stores/canvas';
import { useClipboard } from '../features/canvas/stores/clipboard';
import { useSelection } from '../features/canvas/stores/selection';
import { useDocument } from '../state/document';
import { useStudio } from '../state/studio';
import { editing, onCanvas, withSelection } from './predicates';
import type { Command } from './types';

/** Moves the selection by (dx, dy) frame pixels; a held key's repeats make one undo step. */
function nudge(dx: number, dy: number): void {
  const canvas = useCanvas();
  const selection = useSelection();
  const el = canvas.animatedElement;
  // One element moves where it shows at the playhead (a keyframed one gets a keyframe there).
  if (selection.count === 1 && el !== null) {
    canvas.change(el.id, { x: el.x + dx, y: el.y + dy }, 'Nudge element', `nudge:${el.id}`);
  } else {
    selection.nudge(dx, dy);
  }
}

const NUDGES: readonly { label: string; key: string; dx: number; dy: number }[] = [
  { label: 'Left', key: 'ArrowLeft', dx: -1, dy: 0 },
  { label: 'Right', key: 'ArrowRight', dx: 1, dy: 0 },
  { label: 'Up', key: 'ArrowUp', dx: 0, dy: -1 },
  { label: 'Down', key: 'ArrowDown', dx: 0, dy: 1 },
];

/** Arrow keys move the selection 1 px, with Shift 10 px. */
const NUDGE_COMMANDS: Command[] = NUDGES.flatMap(({ label, key, dx, dy }) => [
  {
    id: `selection.nudge${label}`,
    label: `Move ${label}`,
    keys: [key],
    hidden: true,
    when: withSelection,
    run: () => nudge(dx, dy),
  },
  {
    id: `selection.nudge${label}More`,
    label: `Move ${label} 10 px`,
    keys: [`Shift+${key}`],
    hidden: true,
    when: withSelection,
    run: () => nudge(dx * 10, dy * 10),
  },
]);

const ALIGNS: readonly { edge: AlignEdge; label: string; key: string }[] = [
  { edge: 'left', label: 'Align Left Edges', key: 'Alt+A' },
  { edge: 'centre', label: 'Align Centres', key: 'Alt+H' },
  { edge: 'right', label: 'Align Right Edges', key: 'Alt+D' },
  { edge: 'top', label: 'Align Top Edges', key: 'Alt+W' },
  { edge: 'middle', label: 'Align Middles', key: 'Alt+V' },
  { edge: 'bottom', label: 'Align Bottom Edges', key: 'Alt+S' },
];

const selected = (ctx: Parameters<typeof onCanvas>[0]) => onCanvas(ctx) && ctx.selection > 0;

/** The Edit menu, and what acts on the canvas selection. */
export const EDIT_COMMANDS: readonly Command[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    keys: ['Mod+Z'],
    inFields: true,
    textEdit: 'undo',
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'edit', group: 0 },
    run: () => {
      const documentStore = useDocument();
      documentStore.seal();
      documentStore.undo();
    },
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    inFields: true,
    textEdit: 'redo',
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'edit', group: 0 },
    run: () => {
      const documentStore = useDocument();
      documentStore.seal();
      documentStore.redo();
    },
  },
  {
    id: 'edit.cut',
    label: 'Cut',
    keys: ['Mod+X'],
    textEdit: 'cut',
    when: editing,
    menu: { name: 'edit', group: 1 },
    run: () => useClipboard().cut(),
  },
  {
    id: 'edit.copy',
    label: 'Copy',
    keys: ['Mod+C'],
    textEdit: 'copy',
    when: editing,
    menu: { name: 'edit', group: 1 },
    run: () => useClipboard().copy(),
  },
  {
    id: 'edit.paste',
    label: 'Paste',
    keys: ['Mod+V'],
    // The paste event (useSystemPaste) carries the key, so pictures and text come in too.
    nativeKey: true,
    textEdit: 'paste',
    when: editing,
    menu: { name: 'edit', group: 1 },
    run: () => useClipboard().paste(),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    keys: ['Mod+D'],
    // The selection, or the selected scene when nothing on the canvas is selected.
    when: (ctx) => editing(ctx) && (ctx.selection > 0 || ctx.sceneSelected),
    menu: { name: 'edit', group: 1 },
    run: (ctx) => {
      const studio = useStudio();
      if (ctx.selection > 0) useSelection().duplicate();
      else if (studio.selectedSceneId) studio.duplicateScene(studio.selectedSceneId);
    },
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    keys: ['Delete', 'Backspace'],
    textEdit: 'delete',
    when: withSelection,
    menu: { name: 'edit', group: 1 },
    run: () => useSelection().deleteAll(),
  },
  {
    id: 'edit.selectAll',
    label: 'Select All',
    keys: ['Mod+A'],
    when: onCanvas,
    menu: { name: 'edit', group: 2 },
    run: () => useSelection().selectAll(),
  },
  {
    id: 'edit.deselect',
    label: 'Deselect',
    keys: ['Escape'],
    when: editing,
    menu: { name: 'edit', group: 2 },
    run: () => {
      const canvas = useCanvas();
      canvas.setTool('select');
      canvas.select(null);
    },
  },
  ...NUDGE_COMMANDS,
  {
    id: 'arrange.bringForward',
    label: 'Bring Forward',
    keys: ['Mod+]'],
    when: selected,
    run: () => useSelection().reorder('forward'),
  },
  {
    id: 'arrange.sendBackward',
    label: 'Send Backward',
    keys: ['Mod+['],
    when: selected,
    run: () => useSelection().reorder('backward'),
  },
  {
    id: 'arrange.bringToFront',
    label: 'Bring to Front',
    keys: ['Mod+Shift+]'],
    when: selected,
    run: () => useSelection().reorder('front'),
  },
  {
    id: 'arrange.sendToBack',
    label: 'Send to Back',
    keys: ['Mod+Shift+['],
    when: selected,
    run: () => useSelection().reorder('back'),
  },
  ...ALIGNS.map(({ edge, label, key }): Command => ({
    id: `arrange.align.${edge}`,
    label,
    keys: [key],
    when: selected,
    run: () => useSelection().align(edge),
  })),
  {
    id: 'arrange.distributeHorizontally',
    label: 'Distribute Horizontally',
    keys: ['Alt+Shift+H'],
    when: selected,
    run: () => useSelection().distribute('horizontal'),
  },
  {
    id: 'arrange.distributeVertically',
    label: 'Distribute Vertically',
    keys: ['Alt+Shift+V'],
    when: selected,
    run: () => useSelection().distribute('vertical'),
  },
  {
    id: 'scene.add',
    label: 'Add Scene',
    keys: ['Mod+Enter'],
    when: editing,
    run: () => useStudio().addScene(),
  },
  {
    id: 'scene.duplicate',
    label: 'Duplicate Scene',
    when: (ctx) => editing(ctx) && ctx.sceneSelected,
    run: () => {
      const studio = useStudio();
      if (studio.selectedSceneId) studio.duplicateScene(studio.selectedSceneId);
    },
  },
  {
    id: 'scene.delete',
    label: 'Delete Scene',
    when: (ctx) => editing(ctx) && ctx.sceneSelected,
    run: () => {
      const studio = useStudio();
      if (studio.selectedSceneId) studio.deleteScene(studio.selectedSceneId);
    },
  },
];
