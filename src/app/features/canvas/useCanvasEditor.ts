import Konva from 'konva';
import { watch } from 'vue';
import { safeBoxFor } from '../../../core/platform/platforms';
import type { Renderer } from '../../../render/renderer';
import { useDocument } from '../../state/document';
import { useCanvas } from './stores/canvas';
import { useSelection } from './stores/selection';
import { useTextEditing } from './stores/textEditing';
import { useStudio } from '../../state/studio';
import { createTools, type CanvasTool, type ToolPointer } from './tools';
import { ACCENT, DRAG_DISTANCE } from './tools/canvasTool';
import type { Tool } from './stores/canvasView';

/**
 * Pointer editing on the preview. Each pointer event goes to the tool in hand (./tools, one
 * small state machine per tool); picked elements get Konva's Transformer on the renderer's own
 * nodes, to move, resize and turn them. Changes are committed when the pointer is released, as
 * one undo step each. A double-click on a text or a speech bubble edits its words in place.
 */
export function useCanvasEditor(scale: () => number): {
  attach: (renderer: Renderer) => void;
  sync: () => void;
  pressBesideFrame: (evt: PointerEvent) => void;
} {
  const canvas = useCanvas();
  const studio = useStudio();
  const documentStore = useDocument();
  const selection = useSelection();
  const textEditing = useTextEditing();
  let guides: Konva.Line[] = [];

  let renderer: Renderer | null = null;
  let overlay: Konva.Layer | null = null;
  let transformer: Konva.Transformer | null = null;
  /** Which element each draggable node draws (the renderer owns the nodes). */
  let nodeIds = new Map<Konva.Node, string>();

  function framePoint(): { x: number; y: number } | null {
    const pos = renderer?.stage.getPointerPosition();
    if (!pos) return null;
    const s = scale();
    return { x: pos.x / s, y: pos.y / s };
  }

  /** The top-level element of the selected scene that drew `target`, if any. */
  function elementAt(target: Konva.Node): string | null {
    const scene = studio.selectedScene;
    if (renderer === null || scene === null) return null;
    for (let i = scene.elements.length - 1; i >= 0; i--) {
      const el = scene.elements[i];
      if (!el || el.locked) continue;
      const node = renderer.findNode(scene.id, el.id);
      if (node && (node === target || (node instanceof Konva.Container && node.isAncestorOf(target))))
        return el.id;
    }
    return null;
  }

  /** Commits where a drag or transform left the node, and the other selected nodes with it. */
  function commit(node: Konva.Node, label: string): void {
    if (!nodeIds.has(node) || committing) return;
    const nodes = transformer?.nodes().includes(node) ? transformer.nodes() : [node];
    const placements = new Map<string, Record<string, number>>();
    for (const each of nodes) {
      const id = nodeIds.get(each);
      if (id === undefined) continue;
      placements.set(id, {
        x: each.x(),
        y: each.y(),
        scaleX: each.scaleX(),
        scaleY: each.scaleY(),
        rotation: each.rotation(),
      });
    }
    selection.commitPlacements(placements, placements.size > 1 ? `${label}s` : label);
    // Every node of a group drag ends with its own event: the first one committed them all.
    committing = true;
    queueMicrotask(() => (committing = false));
  }
  let committing = false;

  /** Where the elements are drawn, in frame pixels (rotation and stroke included). */
  function measure(
    ids: readonly string[],
  ): Map<string, { x: number; y: number; width: number; height: number }> {
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
    const scene = studio.selectedScene;
    if (renderer === null || scene === null) return boxes;
    const s = scale();
    for (const id of ids) {
      const node = renderer.findNode(scene.id, id);
      if (!node || !node.isVisible()) continue;
      const r = node.getClientRect({ skipShadow: true });
      boxes.set(id, { x: r.x / s, y: r.y / s, width: r.width / s, height: r.height / s });
    }
    return boxes;
  }

  const tools = createTools({
    overlay: () => overlay,
    scale,
    elementAt,
    measure,
    editText: (id, isNew) => textEditing.begin(id, isNew),
  });
  let toolInHand: CanvasTool = tools[canvas.tool];

  /** Puts handles on the selected element's node and makes the scene's elements draggable. */
  function sync(): void {
    if (renderer === null || transformer === null || overlay === null) return;
    // Playback draws every frame: with nothing to pick or handle, there is nothing to redo.
    if (!canvas.editable && nodeIds.size === 0 && transformer.nodes().length === 0) {
      const base = renderer.stage.getLayers()[0];
      if (!base || base === overlay || !base.listening()) return;
    }
    for (const node of nodeIds.keys()) node.draggable(false);
    nodeIds = new Map();
    const scene = studio.selectedScene;
    // While words are typed in place, the element stays put: no handles, no dragging.
    const editing =
      canvas.editable && canvas.tool === 'select' && scene !== null && textEditing.session === null;
    // Picking needs Konva's hit canvas, which costs a second drawing of every frame: only while
    // editing, never during playback.
    const base = renderer.stage.getLayers()[0];
    if (base && base !== overlay && base.listening() !== canvas.editable) {
      base.listening(canvas.editable);
      if (canvas.editable) base.drawHit();
    }
    const selectedNodes: Konva.Node[] = [];
    if (editing) {
      for (const el of scene.elements) {
        const node = renderer.findNode(scene.id, el.id);
        if (!node || el.locked) continue;
        node.draggable(true);
        nodeIds.set(node, el.id);
        if (selection.isSelected(el.id)) selectedNodes.push(node);
      }
    }
    transformer.nodes(selectedNodes);
    fitAnchors(transformer);
    overlay.batchDraw();
  }

  /**
   * On a thin selection the middle handles of its long sides sit on the body itself, where a
   * hand grabs to move it: a drag there resized instead. Below THIN screen pixels across, those
   * two go (the corners still resize). Never changed mid-transform, under the pointer.
   */
  const THIN = 36;
  const ALL_ANCHORS = [
    'top-left',
    'top-center',
    'top-right',
    'middle-right',
    'bottom-right',
    'bottom-center',
    'bottom-left',
    'middle-left',
  ];
  function fitAnchors(t: Konva.Transformer): void {
    if (t.isTransforming() || t.nodes().length === 0) return;
    t.forceUpdate();
    const flat = t.height() < THIN;
    const narrow = t.width() < THIN;
    const wanted = ALL_ANCHORS.filter(
      (name) =>
        !(flat && (name === 'top-center' || name === 'bottom-center')) &&
        !(narrow && (name === 'middle-left' || name === 'middle-right')),
    );
    if (wanted.join() !== t.enabledAnchors().join()) t.enabledAnchors(wanted);
  }

  /** The pointer event as the tools see it; null when the pointer is off the stage. */
  function toolPointer(event: Konva.KonvaEventObject<PointerEvent>): ToolPointer | null {
    const point = framePoint();
    if (point === null) return null;
    const evt = event.evt;
    return {
      point,
      target: event.target,
      additive: evt.shiftKey || evt.ctrlKey || evt.metaKey,
      // A mouse reports 0 or 0.5: it draws the stroke at its middle width.
      pressure: evt.pointerType === 'pen' && evt.pressure > 0 ? evt.pressure : 0.5,
    };
  }

  function onPointerDown(event: Konva.KonvaEventObject<PointerEvent>): void {
    if (event.target.getLayer() === overlay || !canvas.editable) return;
    // A shape or stroke dragged past the frame's edge still ends where the button is let go:
    // the stage keeps the pointer until then, instead of losing the release outside it.
    const content = renderer?.stage.content;
    if (content && !content.hasPointerCapture(event.evt.pointerId)) {
      try {
        content.setPointerCapture(event.evt.pointerId);
      } catch {
        // The pointer is already gone (released before this ran): the tool gets its up anyway.
      }
    }
    const pointer = toolPointer(event);
    if (pointer !== null) toolInHand.pointerDown(pointer);
  }

  /** Where a press beside the frame began (screen pixels), and whether it became a drag. */
  let beside: { x: number; y: number; dragged: boolean } | null = null;

  function onPointerMove(event: Konva.KonvaEventObject<PointerEvent>): void {
    const pointer = toolPointer(event);
    if (pointer === null) return;
    if (beside !== null && !beside.dragged) {
      const { clientX, clientY } = event.evt;
      beside.dragged = Math.hypot(clientX - beside.x, clientY - beside.y) >= DRAG_DISTANCE;
    }
    toolInHand.pointerMove(pointer);
  }

  function onPointerUp(event: Konva.KonvaEventObject<PointerEvent>): void {
    const pointer = toolPointer(event);
    const click = beside !== null && !beside.dragged;
    beside = null;
    // A click beside the frame was not meant for it: no shape or dot lands out of sight.
    if (click) toolInHand.cancel();
    else if (pointer !== null) toolInHand.pointerUp(pointer);
  }

  /**
   * A press on the grey beside the frame, with a tool that draws by dragging in hand: the shape,
   * arrow or stroke starts there, as a person starting just off the frame's edge means, and
   * follows the pointer onto the frame. The stage takes the pointer, so the rest of the gesture
   * arrives as on the frame. Selecting, writing and erasing start on the frame only.
   */
  function pressBesideFrame(evt: PointerEvent): void {
    const stage = renderer?.stage;
    if (!stage || !canvas.editable || !DRAWN_BY_DRAGGING.has(canvas.tool) || evt.button !== 0) return;
    stage.setPointersPositions(evt);
    try {
      stage.content.setPointerCapture(evt.pointerId);
    } catch {
      return; // the pointer is already gone
    }
    beside = { x: evt.clientX, y: evt.clientY, dragged: false };
    // What Konva would have handed over for a press on the stage itself (toolPointer reads these).
    const pointer = toolPointer({ evt, target: stage } as Konva.KonvaEventObject<PointerEvent>);
    if (pointer !== null) toolInHand.pointerDown(pointer);
  }

  /** Another tool picked: the one put down drops whatever it was in the middle of. */
  function changeTool(): void {
    const next = tools[canvas.tool];
    if (next === toolInHand) return;
    beside = null;
    toolInHand.cancel();
    toolInHand = next;
  }

  /** Screen pixels within which a dragged element snaps to a guide. */
  const SNAP = 6;

  function clearGuides(): void {
    for (const guide of guides) guide.destroy();
    guides = [];
  }

  /**
   * Snaps a dragged element's edges or centre to the frame's centre lines and to the edges of
   * the box that is clear on every platform, and shows the guide it snapped to.
   */
  function snap(node: Konva.Node): void {
    const video = documentStore.project?.video;
    if (!renderer || !overlay || !video || !nodeIds.has(node)) return;
    clearGuides();
    const s = scale();
    const safe = safeBoxFor(video.width, video.height);
    const xs = [video.width / 2, safe.x, safe.x + safe.width].map((v) => v * s);
    const ys = [video.height / 2, safe.y, safe.y + safe.height].map((v) => v * s);
    const group = transformer && transformer.nodes().length > 1 && transformer.nodes().includes(node);
    const moving = group && transformer ? transformer.nodes() : [node];
    const box = unionRect(moving.map((each) => each.getClientRect({ skipShadow: true })));
    const best = (edges: number[], lines: number[]) => {
      let found: { delta: number; line: number } | null = null;
      for (const edge of edges) {
        for (const line of lines) {
          const delta = line - edge;
          if (Math.abs(delta) <= SNAP && (found === null || Math.abs(delta) < Math.abs(found.delta))) {
            found = { delta, line };
          }
        }
      }
      return found;
    };
    const sx = best([box.x, box.x + box.width / 2, box.x + box.width], xs);
    const sy = best([box.y, box.y + box.height / 2, box.y + box.height], ys);
    if (sx === null && sy === null) {
      overlay.batchDraw();
      return;
    }
    for (const each of moving) {
      const at = each.absolutePosition();
      each.absolutePosition({ x: at.x + (sx?.delta ?? 0), y: at.y + (sy?.delta ?? 0) });
    }
    const style = { stroke: '#79d9a6', strokeWidth: 1, dash: [4, 4], listening: false };
    const stage = renderer.stage;
    if (sx) guides.push(new Konva.Line({ points: [sx.line, 0, sx.line, stage.height()], ...style }));
    if (sy) guides.push(new Konva.Line({ points: [0, sy.line, stage.width(), sy.line], ...style }));
    overlay.add(...guides);
    overlay.batchDraw();
  }

  function attach(next: Renderer): void {
    renderer = next;
    guides = [];
    nodeIds = new Map();
    beside = null;
    toolInHand.cancel();
    overlay = new Konva.Layer();
    transformer = new Konva.Transformer({
      rotateEnabled: true,
      flipEnabled: false,
      ignoreStroke: true,
      anchorSize: 10,
      anchorCornerRadius: 2,
      anchorStroke: ACCENT,
      anchorFill: '#17142b',
      borderStroke: ACCENT,
      rotateAnchorOffset: 28,
      rotationSnaps: [0, 45, 90, 135, 180, 225, 270, 315],
      rotationSnapTolerance: 4,
    });
    overlay.add(transformer);
    next.stage.add(overlay);
    transformer.on('transformend', () => {
      const node = transformer?.nodes()[0];
      if (node) commit(node, 'Transform element');
    });
    selection.setMeasurer(measure);
    next.stage.on('pointerleave', () => {
      if (canvas.tool === 'eraser') toolInHand.cancel();
    });
    next.stage.on('dragstart', () => toolInHand.dragStart?.());
    next.stage.on('dragmove', (event) => snap(event.target));
    next.stage.on('dragend', (event) => {
      clearGuides();
      overlay?.batchDraw();
      commit(event.target, 'Move element');
    });
    next.stage.on('dblclick dbltap', (event) => {
      if (canvas.tool !== 'select' || !canvas.editable) return;
      const id = elementAt(event.target);
      const el = id ? studio.selectedScene?.elements.find((e) => e.id === id) : undefined;
      if (el && (el.kind === 'text' || el.kind === 'bubble')) textEditing.begin(el.id);
    });
    // A pointer taken away mid-gesture (a touch turned into a scroll) brings no release.
    next.stage.on('pointercancel', () => (beside = null));
    next.stage.on('pointerdown', onPointerDown);
    next.stage.on('pointermove', onPointerMove);
    next.stage.on('pointerup', onPointerUp);
  }

  watch(() => canvas.tool, changeTool);
  watch(
    () => [
      selection.ids.join(' '),
      canvas.tool,
      canvas.editable,
      studio.selectedSceneId,
      textEditing.session,
    ],
    sync,
  );

  return { attach, sync, pressBesideFrame };
}

/** The tools whose gesture is a drag that may start off the frame's edge. */
const DRAWN_BY_DRAGGING: ReadonlySet<Tool> = new Set<Tool>([
  'rect',
  'ellipse',
  'star',
  'bubble',
  'line',
  'brush',
]);

function unionRect(rects: readonly { x: number; y: number; width: number; height: number }[]) {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
