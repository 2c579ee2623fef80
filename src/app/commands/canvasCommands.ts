import { useCanvas, type Tool } from '../features/canvas/stores/canvas';
import { useDrawing } from '../features/canvas/stores/drawing';
import { useEraser } from '../features/canvas/stores/eraser';
import { useNewElements } from '../features/canvas/stores/newElements';
import { textEditKey, useTextEditing } from '../features/canvas/stores/textEditing';
import { useCaptions } from '../features/captions/stores/captions';
import { useDocument } from '../state/document';
import { usePlayback } from '../state/playback';
import { editing, onCanvas } from './predicates';
import type { Command, CommandContext } from './types';

/** The canvas tools, in the toolbar's order, with their single-letter keys. */
export const TOOL_COMMANDS: readonly { tool: Tool; label: string; key: string }[] = [
  { tool: 'select', label: 'Select and Move', key: 'V' },
  { tool: 'rect', label: 'Rectangle', key: 'R' },
  { tool: 'ellipse', label: 'Ellipse', key: 'O' },
  { tool: 'star', label: 'Star', key: 'S' },
  { tool: 'line', label: 'Arrow', key: 'L' },
  { tool: 'bubble', label: 'Speech Bubble', key: 'B' },
  { tool: 'brush', label: 'Brush', key: 'P' },
  { tool: 'eraser', label: 'Eraser', key: 'E' },
  { tool: 'text', label: 'Text', key: 'T' },
];

/** Tools whose element Enter places at the centre of the frame (the keyboard's way to draw). */
export const PLACEABLE: ReadonlySet<Tool> = new Set(['rect', 'ellipse', 'star', 'line', 'bubble', 'text']);
/** Sizes of an element placed from the keyboard, in frame pixels (a 1080x1920 frame). */
const PLACED_SIZE = {
  rect: { width: 480, height: 320 },
  ellipse: { width: 400, height: 400 },
  star: { width: 400, height: 400 },
  bubble: { width: 560, height: 300 },
} as const;
const PLACED_ARROW = 320;

/** Places the current tool's element at the centre of the frame, selected, as a drag would. */
function placeAtCentre(ctx: CommandContext): void {
  const video = useDocument().project?.video;
  if (video === undefined) return;
  const canvas = useCanvas();
  const cx = video.width / 2;
  const cy = video.height / 2;
  const tool = ctx.tool;
  if (tool === 'text') {
    // As with the text tool's click: an empty text that starts in typing mode.
    const id = canvas.add(useNewElements().text(cx, cy, ''), 'Add text', undefined, textEditKey);
    if (id !== null) useTextEditing().begin(id, true);
  } else if (tool === 'line') {
    canvas.addArrow({ x: cx - PLACED_ARROW / 2, y: cy }, { x: cx + PLACED_ARROW / 2, y: cy });
  } else if (tool === 'rect' || tool === 'ellipse' || tool === 'star' || tool === 'bubble') {
    const { width, height } = PLACED_SIZE[tool];
    const id = canvas.addShape(tool, { x: cx - width / 2, y: cy - height / 2, width, height });
    if (tool === 'bubble' && id !== null) useTextEditing().begin(id);
  }
}

/** Tools, placing elements, captions, playback, drawing frames and the eraser's size. */
export const CANVAS_COMMANDS: readonly Command[] = [
  ...TOOL_COMMANDS.map(({ tool, label, key }): Command => ({
    id: `tool.${tool}`,
    label: `${label} Tool`,
    keys: [key],
    when: editing,
    run: () => useCanvas().setTool(tool),
  })),
  {
    id: 'canvas.placeAtCentre',
    label: 'Add the Tool’s Shape at the Centre',
    keys: ['Enter'],
    when: (ctx) => onCanvas(ctx) && PLACEABLE.has(ctx.tool) && !ctx.drawingLayer,
    run: placeAtCentre,
  },
  {
    id: 'caption.add',
    label: 'Add Caption',
    keys: ['C'],
    when: editing,
    run: () => useCaptions().addAtPlayhead(),
  },
  {
    id: 'playback.toggle',
    label: 'Play / Pause',
    keys: ['Space'],
    when: (ctx) => ctx.documentOpen,
    run: () => usePlayback().toggle(),
  },
  {
    id: 'drawing.previousFrame',
    label: 'Previous Drawing Frame',
    keys: [','],
    when: (ctx) => editing(ctx) && ctx.drawingLayer,
    run: () => useDrawing().stepFrames(-1),
  },
  {
    id: 'drawing.nextFrame',
    label: 'Next Drawing Frame',
    keys: ['.'],
    when: (ctx) => editing(ctx) && ctx.drawingLayer,
    run: () => useDrawing().stepFrames(1),
  },
  {
    id: 'eraser.smaller',
    label: 'Smaller Eraser',
    keys: ['['],
    when: (ctx) => editing(ctx) && ctx.tool === 'eraser',
    run: () => {
      const eraser = useEraser();
      eraser.setSize(eraser.size * 0.8);
    },
  },
  {
    id: 'eraser.bigger',
    label: 'Bigger Eraser',
    keys: [']'],
    when: (ctx) => editing(ctx) && ctx.tool === 'eraser',
    run: () => {
      const eraser = useEraser();
      eraser.setSize(eraser.size * 1.25);
    },
  },
];
