import { defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import {
  LIGHT_INK,
  addElement,
  changeAtTime,
  deleteElement,
  findElement,
  deleteKeyframesAt,
  inkOn,
  moveKeyframesAt,
  nextId,
  reorderElement,
  setKeyframeEasingAt,
  usedIds,
  setKeyframe,
  type ElementPatch,
} from '../../../../core/edit';
import { ElementSchema, type Easing, type Element } from '../../../../core/schema';
import type { SafeZoneChoice } from '../../../../core/captions';
import { timelineOf } from '../../../../core/timeline';
import { useDocument } from '../../../state/document';
import { useFrameAtPlayhead } from '../../../state/frameAtPlayhead';
import { useDrawing } from './drawing';
import { usePlayback } from '../../../state/playback';
import { useStudio } from '../../../state/studio';
import { useCanvasView, type Tool } from './canvasView';
import { useNewElements, type BoxShape, type BrushPoint, type FrameRect } from './newElements';

export type { Tool } from './canvasView';
export type { BoxShape, BrushPoint, FrameRect } from './newElements';
/** Which platform's covered areas the safe-zone overlay shows; `all` is the box clear on every one. */
export type { SafeZoneChoice };

/** Properties that move with the Transformer and get keyframes from "Add keyframe". */
export const MOTION_PROPERTIES = ['x', 'y', 'rotation', 'scaleX', 'scaleY', 'opacity'] as const;

/**
 * Edits of the selected scene's elements at the playhead, and which of them are selected. A
 * property that already has keyframes gets a keyframe at the playhead when it changes; one
 * without keeps a single value. The rest of the canvas lives beside it: how it is viewed
 * (`canvasView`: tool, zoom, safe zones), what new elements look like (`newElements`),
 * pictures brought in (`pictureImport`) and commands over several elements (`selection`).
 * The view's state and the `add*` commands are passed through here for existing callers.
 */
export const useCanvas = defineStore('canvas', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const playback = usePlayback();
  const view = useCanvasView();
  const newElements = useNewElements();
  const shown = useFrameAtPlayhead();
  const { tool, zoom, safeZonesVisible, safeZonePlatform } = storeToRefs(view);
  const { brushColor, brushWidth } = storeToRefs(newElements);
  /** Selected top-level elements of the selected scene, in the order they were picked. */
  const selectedIds = ref<string[]>([]);
  /** The one selected element's id (null when none or several are selected). */
  const pickedElementId = computed<string | null>({
    get: () => (selectedIds.value.length === 1 ? (selectedIds.value[0] ?? null) : null),
    set: (id) => (selectedIds.value = id === null ? [] : [id]),
  });

  const scene = computed(() => studio.selectedScene);
  const span = computed(() => {
    const project = documentStore.project;
    const id = scene.value?.id;
    return project && id ? (timelineOf(project).spans.find((s) => s.scene.id === id) ?? null) : null;
  });
  /** Seconds into the selected scene at the playhead (keyframe times are scene times). */
  const sceneTime = computed(() => {
    const current = span.value;
    if (current === null) return 0;
    const local = playback.time - current.start;
    return Math.min(Math.max(0, Math.round(local * 1000) / 1000), current.scene.duration);
  });
  /** Whether the playhead shows the selected scene, so what is on the canvas is what gets edited. */
  const editable = computed(() => {
    const current = span.value;
    return (
      current !== null &&
      !playback.playing &&
      playback.time >= current.start - 1e-6 &&
      playback.time < current.end
    );
  });

  const selectedElement = computed<Element | null>(() => {
    const id = pickedElementId.value;
    if (id === null || scene.value === null) return null;
    return findElement(scene.value.elements, id) ?? null;
  });
  const selectedElementId = computed(() => selectedElement.value?.id ?? null);

  /** The selected element as it looks at the playhead (keyframes applied). */
  const animatedElement = computed<Element | null>(() => {
    const el = selectedElement.value;
    const current = span.value;
    if (el === null || current === null) return null;
    // Off the playhead the scene is not drawn: the element as saved.
    return shown.shownElement(current.scene.id, el.id) ?? el;
  });

  function select(elementId: string | null): void {
    pickedElementId.value = elementId;
  }

  function setTool(next: Tool): void {
    tool.value = next;
    if (next !== 'select') pickedElementId.value = null;
  }

  /**
   * Adds an element to the selected scene, selected, and goes back to the select tool. Returns
   * its id (null when there is no scene). With `coalesce`, what follows under the same key
   * (typing the new text) is the same undo step.
   */
  function add(
    input: Record<string, unknown>,
    label: string,
    base = documentStore.project,
    coalesce?: string | ((id: string) => string),
  ): string | null {
    const project = base;
    const sceneId = scene.value?.id;
    if (project === null || !sceneId) return null;
    // Ids read like `rect-3`: the first free one for the kind.
    const parsed = ElementSchema.safeParse({ id: nextId(String(input.kind), usedIds(project)), ...input });
    if (!parsed.success) return null;
    const added = addElement(project, sceneId, parsed.data);
    const key = typeof coalesce === 'function' ? coalesce(added.elementId) : coalesce;
    documentStore.apply(added.project, label, key);
    pickedElementId.value = added.elementId;
    tool.value = 'select';
    return added.elementId;
  }

  const SHAPE_LABELS: Record<BoxShape, string> = {
    rect: 'Add rectangle',
    ellipse: 'Add ellipse',
    star: 'Add star',
    bubble: 'Add speech bubble',
  };

  /** Adds a shape filling `box` (frame pixels), turning about its centre. */
  function addShape(kind: BoxShape, box: FrameRect): string | null {
    return add(newElements.shape(kind, box), SHAPE_LABELS[kind]);
  }

  /** Adds a drawn stroke as a brush element, or into the active drawing layer's frame. */
  function addBrushStroke(points: readonly BrushPoint[]): void {
    if (points.length === 0) return;
    // With a drawing layer active, the stroke goes into its frame under the playhead.
    if (useDrawing().drawStroke(points, brushColor.value, brushWidth.value)) return;
    add(newElements.brush(points), 'Draw with the brush');
    // Keep drawing: the brush stays the tool until another is picked.
    tool.value = 'brush';
    pickedElementId.value = null;
  }

  /** Adds an arrow from one point to another (frame pixels). */
  function addArrow(from: { x: number; y: number }, to: { x: number; y: number }): void {
    add(newElements.arrow(from, to, ink()), 'Add arrow');
  }

  /** Adds a line of text centred on a point ("Be kind", to be typed over). */
  function addText(x: number, y: number): string | null {
    return add(newElements.text(x, y, undefined, undefined, undefined, ink()), 'Add text');
  }

  /** The colour a new text or arrow takes: the one that reads on this scene's background. */
  function ink(): string {
    return scene.value ? inkOn(scene.value.background) : LIGHT_INK;
  }

  /**
   * Sets properties of an element at the playhead. Numbers of animated properties become
   * keyframes at the playhead; everything else changes the element itself.
   */
  function change(elementId: string, patch: ElementPatch, label: string, coalesce?: string): void {
    const project = documentStore.project;
    const sceneId = scene.value?.id;
    if (project === null || !sceneId) return;
    documentStore.apply(changeAtTime(project, sceneId, elementId, patch, sceneTime.value), label, coalesce);
  }

  /** Keyframes position, rotation, scale and opacity at the playhead, as they look now. */
  function addKeyframe(elementId: string): void {
    let project = documentStore.project;
    const sceneId = scene.value?.id;
    const shown = animatedElement.value;
    if (project === null || !sceneId || shown === null || shown.id !== elementId) return;
    for (const property of MOTION_PROPERTIES) {
      project = setKeyframe(project, sceneId, elementId, property, {
        time: sceneTime.value,
        value: shown[property],
      });
    }
    documentStore.apply(project, 'Add keyframe');
  }

  /** Moves an element one step towards the front (+1) or the back (-1). */
  function reorder(elementId: string, delta: number): void {
    const project = documentStore.project;
    const current = scene.value;
    if (project === null || current === null) return;
    const index = current.elements.findIndex((el) => el.id === elementId);
    if (index < 0) return;
    documentStore.apply(
      reorderElement(project, current.id, elementId, index + delta),
      delta > 0 ? 'Bring forward' : 'Send backward',
    );
  }

  /** Moves the selected element's keyframes at `from` to `to` (scene seconds); drags coalesce. */
  function moveKeyframes(from: number, to: number, coalesce?: string): void {
    const project = documentStore.project;
    const sceneId = scene.value?.id;
    const id = selectedElementId.value;
    if (project === null || !sceneId || id === null) return;
    const clamped = Math.min(Math.max(0, to), scene.value?.duration ?? to);
    documentStore.apply(moveKeyframesAt(project, sceneId, id, from, clamped), 'Move keyframe', coalesce);
  }

  function deleteKeyframes(time: number): void {
    const project = documentStore.project;
    const sceneId = scene.value?.id;
    const id = selectedElementId.value;
    if (project === null || !sceneId || id === null) return;
    documentStore.apply(deleteKeyframesAt(project, sceneId, id, time), 'Delete keyframe');
  }

  function setEasing(time: number, easing: Easing): void {
    const project = documentStore.project;
    const sceneId = scene.value?.id;
    const id = selectedElementId.value;
    if (project === null || !sceneId || id === null) return;
    documentStore.apply(setKeyframeEasingAt(project, sceneId, id, time, easing), 'Change easing');
  }

  function deleteSelected(): void {
    const project = documentStore.project;
    const sceneId = scene.value?.id;
    const id = selectedElementId.value;
    if (project === null || !sceneId || id === null) return;
    documentStore.apply(deleteElement(project, sceneId, id), 'Delete element');
    pickedElementId.value = null;
  }

  return {
    tool,
    ink,
    safeZonesVisible,
    safeZonePlatform,
    toggleSafeZones: view.toggleSafeZones,
    zoom,
    zoomIn: view.zoomIn,
    zoomOut: view.zoomOut,
    zoomToFit: view.zoomToFit,
    sceneTime,
    span,
    editable,
    add,
    selectedElement,
    selectedElementId,
    selectedIds,
    animatedElement,
    select,
    setTool,
    addShape,
    addArrow,
    addBrushStroke,
    brushColor,
    brushWidth,
    addText,
    change,
    addKeyframe,
    deleteSelected,
    reorder,
    moveKeyframes,
    deleteKeyframes,
    setEasing,
  };
});
