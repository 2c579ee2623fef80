import Konva from 'konva';
import { watch } from 'vue';
import { safeBoxFor } from '../../../core/platform/platforms';
import type { Renderer } from '../../../render/renderer';
import { useDocument } from '../../state/document';
import { useCanvas, type BoxShape, type BrushPoint } from './stores/canvas';
import { useEraser } from './stores/eraser';
import { useSelection } from './stores/selection';
import { useStudio } from '../../state/studio';
import { createEraserCursor, createMarquee, intersects } from './selectionTools';

const ACCENT = '#b7aaff';

/**
 * Pointer editing on the preview: pick, move, resize and rotate elements of the selected scene
 * (Konva's Transformer on the renderer's own nodes), and draw new shapes and text. Changes are
 * committed when the pointer is released, as one undo step each.
 */
export interface TextEditRequest {
  elementId: string;
  /** Where the text is on the stage, in CSS pixels. */
  box: { x: number; y: number; width: number; height: number };
}

export function useCanvasEditor(
  scale: () => number,
  onEditText: (request: TextEditRequest) => void = () => {},
): {
  attach: (renderer: Renderer) => void;
  sync: () => void;
} {
  const canvas = useCanvas();
  const studio = useStudio();
  const documentStore = useDocument();
  const selection = useSelection();
  const eraser = useEraser();
  let guides: Konva.Line[] = [];

  let renderer: Renderer | null = null;
  let overlay: Konva.Layer | null = null;
  let transformer: Konva.Transformer | null = null;
  let draft: Konva.Rect | Konva.Ellipse | Konva.Arrow | Konva.Line | null = null;
  let draftKind: BoxShape | 'line' | 'brush' = 'rect';
  /** The stroke being drawn with the brush, in frame pixels. */
  let stroke: BrushPoint[] = [];
  let draftStart = { x: 0, y: 0 };
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

  const marquee = createMarquee({ overlay: () => overlay, scale });
  const eraserCursor = createEraserCursor({ overlay: () => overlay, scale });
  let eraseKey: string | null = null;
  let eraseLast: { x: number; y: number } | null = null;

  /** Click, shift/Ctrl-click and marquee picking with the select tool. */
  function pick(event: Konva.KonvaEventObject<PointerEvent>, point: { x: number; y: number }): void {
    const id = elementAt(event.target);
    const additive = event.evt.shiftKey || event.evt.ctrlKey || event.evt.metaKey;
    if (id === null) {
      if (!additive) selection.set([]);
      marquee.begin(point);
      return;
    }
    if (additive) selection.toggle(id);
    else if (!selection.isSelected(id)) selection.set([id]);
    // A click (no drag) on one of several selected elements selects just that one.
    else if (selection.count > 1) pendingSingle = id;
  }
  let pendingSingle: string | null = null;

  /** Selects the unlocked, visible elements the marquee touches (added to the selection with Shift). */
  function endMarquee(additive: boolean): void {
    const box = marquee.end();
    const scene = studio.selectedScene;
    if (box === null || scene === null) return;
    const candidates = scene.elements.filter((el) => !el.locked && el.visible).map((el) => el.id);
    const hit = [...measure(candidates)].filter(([, b]) => intersects(b, box)).map(([id]) => id);
    selection.set(additive ? [...selection.ids, ...hit] : hit);
  }

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
    const editing = canvas.editable && canvas.tool === 'select' && scene !== null;
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
    if (canvas.tool !== 'eraser') eraserCursor.hide();
    overlay.batchDraw();
  }

  function onPointerDown(event: Konva.KonvaEventObject<PointerEvent>): void {
    if (event.target.getLayer() === overlay || !canvas.editable) return;
    const point = framePoint();
    if (point === null) return;
    if (canvas.tool === 'select') {
      pick(event, point);
      return;
    }
    if (canvas.tool === 'eraser') {
      eraseKey = eraser.begin();
      eraseLast = point;
      eraser.eraseAlong([point], eraseKey);
      return;
    }
    if (canvas.tool === 'text') {
      canvas.addText(point.x, point.y);
      return;
    }
    const s = scale();
    draftStart = point;
    draftKind = canvas.tool;
    if (draftKind === 'brush') {
      stroke = [{ ...point, pressure: pressureOf(event.evt) }];
      draft = new Konva.Line({
        points: [point.x * s, point.y * s],
        stroke: canvas.brushColor,
        strokeWidth: Math.max(1, canvas.brushWidth * s),
        lineCap: 'round',
        lineJoin: 'round',
        listening: false,
      });
      overlay?.add(draft);
      return;
    }
    const style = {
      stroke: ACCENT,
      strokeWidth: 1.5,
      dash: [6, 4],
      fill: 'rgba(157, 140, 255, 0.15)',
      listening: false,
    };
    const at = { x: point.x * s, y: point.y * s };
    if (draftKind === 'line')
      draft = new Konva.Arrow({ ...at, points: [0, 0, 0, 0], ...style, strokeWidth: 3 });
    else if (draftKind === 'ellipse' || draftKind === 'star')
      draft = new Konva.Ellipse({ ...at, radiusX: 0, radiusY: 0, ...style });
    else draft = new Konva.Rect({ ...at, width: 0, height: 0, ...style });
    overlay?.add(draft);
  }

  /** A pen's pressure; a mouse reports 0 or 0.5, which draws the stroke at its middle width. */
  function pressureOf(event: PointerEvent): number {
    return event.pointerType === 'pen' && event.pressure > 0 ? event.pressure : 0.5;
  }

  function onPointerMove(event: Konva.KonvaEventObject<PointerEvent>): void {
    if (canvas.tool === 'eraser') {
      const at = framePoint();
      eraserCursor.show(at, eraser.size);
      if (eraseKey !== null && at !== null && eraseLast !== null) {
        eraser.eraseAlong([eraseLast, at], eraseKey);
        eraseLast = at;
      }
      return;
    }
    if (marquee.active()) {
      const at = framePoint();
      if (at !== null) marquee.move(at);
      return;
    }
    if (draft === null) return;
    const point = framePoint();
    if (point === null) return;
    const s = scale();
    if (draftKind === 'brush' && draft instanceof Konva.Line) {
      const last = stroke[stroke.length - 1];
      // Points closer than a pixel add nothing but weight to the file.
      if (last && Math.hypot(point.x - last.x, point.y - last.y) < 1.5) return;
      stroke.push({ ...point, pressure: pressureOf(event.evt) });
      draft.points([...draft.points(), point.x * s, point.y * s]);
      overlay?.batchDraw();
      return;
    }
    const box = {
      x: draftStart.x * s,
      y: draftStart.y * s,
      w: (point.x - draftStart.x) * s,
      h: (point.y - draftStart.y) * s,
    };
    if (draft instanceof Konva.Arrow) {
      draft.points([0, 0, box.w, box.h]);
    } else if (draft instanceof Konva.Rect) {
      draft.position({ x: Math.min(box.x, box.x + box.w), y: Math.min(box.y, box.y + box.h) });
      draft.size({ width: Math.abs(box.w), height: Math.abs(box.h) });
    } else if (draft instanceof Konva.Ellipse) {
      draft.position({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
      draft.radius({ x: Math.abs(box.w) / 2, y: Math.abs(box.h) / 2 });
    }
    overlay?.batchDraw();
  }

  function onPointerUp(event: Konva.KonvaEventObject<PointerEvent>): void {
    if (pendingSingle !== null) {
      selection.set([pendingSingle]);
      pendingSingle = null;
    }
    if (eraseKey !== null) {
      eraseKey = null;
      eraseLast = null;
      eraser.end();
      return;
    }
    if (marquee.active()) {
      endMarquee(event.evt.shiftKey || event.evt.ctrlKey || event.evt.metaKey);
      return;
    }
    if (draft === null) return;
    const point = framePoint() ?? draftStart;
    const kind = draftKind;
    draft.destroy();
    draft = null;
    overlay?.batchDraw();
    if (kind === 'brush') {
      canvas.addBrushStroke(stroke);
      stroke = [];
      return;
    }
    if (kind === 'line') {
      canvas.addArrow(draftStart, point);
      return;
    }
    const box = {
      x: draftStart.x,
      y: draftStart.y,
      width: point.x - draftStart.x,
      height: point.y - draftStart.y,
    };
    // A click without a drag makes a shape of a friendly default size around the point.
    if (Math.abs(box.width) < 4 && Math.abs(box.height) < 4) {
      canvas.addShape(kind, { x: draftStart.x - 150, y: draftStart.y - 150, width: 300, height: 300 });
    } else {
      canvas.addShape(kind, box);
    }
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
    draft = null;
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
    next.stage.on('pointerleave', () => eraserCursor.hide());
    next.stage.on('dragstart', () => (pendingSingle = null));
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
      const node = id && studio.selectedScene ? renderer?.findNode(studio.selectedScene.id, id) : undefined;
      if (!el || el.kind !== 'text' || !node) return;
      onEditText({ elementId: el.id, box: node.getClientRect() });
    });
    next.stage.on('pointerdown', onPointerDown);
    next.stage.on('pointermove', onPointerMove);
    next.stage.on('pointerup', onPointerUp);
  }

  watch(() => [selection.ids.join(' '), canvas.tool, canvas.editable, studio.selectedSceneId], sync);

  return { attach, sync };
}

function unionRect(rects: readonly { x: number; y: number; width: number; height: number }[]) {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
