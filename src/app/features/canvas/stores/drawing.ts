import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import {
  DEFAULT_HOLD,
  addStrokeAt,
  deleteDrawingFrame,
  drawingFrameAtPosition,
  drawingFrameStarts,
  findElement,
  insertDrawingFrame,
  setDrawingFrameHold,
} from '../../../../core/edit';
import type { BrushStroke, DrawingElement, Element } from '../../../../core/schema';
import { useCanvas, type BrushPoint } from './canvas';
import { useDocument } from '../../../state/document';
import { useFrameAtPlayhead } from '../../../state/frameAtPlayhead';
import { usePlayback } from '../../../state/playback';
import { useStudio } from '../../../state/studio';

/** How the onion skin looks (session state: never saved, never exported). */
export interface OnionSkin {
  enabled: boolean;
  /** Drawing frames shown before and after the current one (1..3 each). */
  before: number;
  after: number;
  /** Opacity of the nearest ghost frame; farther ones fade. */
  opacity: number;
}

export const ONION_MAX = 3;

/**
 * Frame-by-frame drawing layers: which drawing the brush draws into, its frame under the
 * playhead, the frame commands (each one undo step) and the onion skin settings.
 */
export const useDrawing = defineStore('drawing', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const playback = usePlayback();
  const canvas = useCanvas();
  /** The drawing layer the brush draws into (picked by adding it or by selecting it). */
  const activeId = ref<string | null>(null);
  const onion = ref<OnionSkin>({ enabled: false, before: 1, after: 1, opacity: 0.5 });

  const drawing = computed<DrawingElement | null>(() => {
    const id = activeId.value;
    const el = id ? findElement(studio.selectedScene?.elements ?? [], id) : undefined;
    return el?.kind === 'drawing' ? el : null;
  });
  /** The video frame under the playhead, from the selected scene's start. */
  const position = computed(() => Math.round(canvas.sceneTime * playback.fps));
  /** The drawing frame under the playhead; null past the last one (drawing there adds a frame). */
  const frameIndex = computed(() =>
    drawing.value ? drawingFrameAtPosition(drawing.value, position.value) : null,
  );
  const starts = computed(() => (drawing.value ? drawingFrameStarts(drawing.value) : []));

  // Selecting a drawing makes it the one to draw into; selecting anything else ends that.
  watch(
    () => canvas.selectedElement,
    (el: Element | null) => {
      if (el === null) return;
      activeId.value = el.kind === 'drawing' ? el.id : null;
    },
  );

  function addLayer(): void {
    canvas.add(
      { kind: 'drawing', x: 0, y: 0, frames: [{ hold: DEFAULT_HOLD, strokes: [] }] },
      'Add drawing layer',
    );
    activeId.value = canvas.selectedElementId;
    canvas.setTool('brush');
  }

  function stop(): void {
    activeId.value = null;
  }

  function apply(
    change: (sceneId: string, id: string) => ReturnType<typeof addStrokeAt> | null,
    label: string,
  ): void {
    const project = documentStore.project;
    const sceneId = studio.selectedScene?.id;
    const id = drawing.value?.id;
    if (project === null || !sceneId || !id) return;
    const next = change(sceneId, id);
    if (next !== null && next !== project) documentStore.apply(next, label);
  }

  /**
   * Draws a brush stroke into the active drawing's frame under the playhead (true), or leaves
   * it to the brush tool (false) when no drawing layer is active.
   */
  function drawStroke(points: readonly BrushPoint[], color: string, width: number): boolean {
    const el = drawing.value;
    const project = documentStore.project;
    const span = canvas.span;
    if (el === null || project === null || span === null || points.length === 0) return false;
    // The stroke is kept in the drawing's own coordinates: undo its move, turn and scale.
    const now = useFrameAtPlayhead().shownElement(span.scene.id, el.id) ?? el;
    const angle = (-now.rotation * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const toLocal = (p: BrushPoint) => {
      const dx = p.x - now.x;
      const dy = p.y - now.y;
      const x = (dx * cos - dy * sin) / (now.scaleX || 1) + now.anchorX;
      const y = (dx * sin + dy * cos) / (now.scaleY || 1) + now.anchorY;
      return {
        x: Math.round(x * 10) / 10,
        y: Math.round(y * 10) / 10,
        pressure: Math.min(1, Math.max(0, p.pressure)),
      };
    };
    const stroke: BrushStroke = { color, width, points: points.slice(0, 20000).map(toLocal) };
    apply(
      (sceneId, id) => addStrokeAt(project, sceneId, id, position.value, stroke),
      frameIndex.value === null ? 'Draw a new frame' : 'Draw on frame',
    );
    return true;
  }

  function insertFrame(mode: 'blank' | 'duplicate'): void {
    const project = documentStore.project;
    const index = frameIndex.value ?? (drawing.value?.frames.length ?? 1) - 1;
    apply(
      (sceneId, id) => project && insertDrawingFrame(project, sceneId, id, index, mode),
      mode === 'blank' ? 'Add blank frame' : 'Duplicate frame',
    );
    stepFrames(1);
  }

  function deleteFrame(): void {
    const project = documentStore.project;
    const index = frameIndex.value;
    if (index === null) return;
    apply((sceneId, id) => project && deleteDrawingFrame(project, sceneId, id, index), 'Delete frame');
  }

  function setHold(hold: number): void {
    const project = documentStore.project;
    const index = frameIndex.value;
    if (index === null) return;
    apply(
      (sceneId, id) => project && setDrawingFrameHold(project, sceneId, id, index, hold),
      'Change frame hold',
    );
  }

  /** Moves the playhead to the start of the drawing frame `delta` frames away. */
  function stepFrames(delta: number): void {
    const span = canvas.span;
    const list = starts.value;
    if (span === null || list.length === 0) return;
    const current = frameIndex.value ?? list.length;
    const target = Math.min(Math.max(0, current + delta), list.length - 1);
    const start = list[target] ?? 0;
    playback.seek(span.start + start / playback.fps + 1e-6);
  }

  function toggleOnionSkin(): void {
    onion.value = { ...onion.value, enabled: !onion.value.enabled };
  }

  function setOnion(patch: Partial<Omit<OnionSkin, 'enabled'>>): void {
    const next = { ...onion.value, ...patch };
    next.before = Math.min(ONION_MAX, Math.max(1, Math.round(next.before) || 1));
    next.after = Math.min(ONION_MAX, Math.max(1, Math.round(next.after) || 1));
    next.opacity = Math.min(1, Math.max(0.1, Number.isFinite(next.opacity) ? next.opacity : 0.5));
    onion.value = next;
  }

  return {
    activeId,
    drawing,
    position,
    frameIndex,
    starts,
    onion,
    addLayer,
    stop,
    drawStroke,
    insertFrame,
    deleteFrame,
    setHold,
    stepFrames,
    toggleOnionSkin,
    setOnion,
  };
});
