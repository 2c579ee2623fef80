import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  addElement,
  changeAtTime,
  deleteElement,
  findElement,
  deleteKeyframesAt,
  moveKeyframesAt,
  nextId,
  reorderElement,
  setAsset,
  setKeyframeEasingAt,
  usedIds,
  setKeyframe,
  type ElementPatch,
} from '../../../../core/edit';
import { evaluate } from '../../../../core/frame';
import { ElementSchema, type Easing, type Element } from '../../../../core/schema';
import type { SafeZoneChoice } from '../../../../core/captions';
import { timelineOf } from '../../../../core/timeline';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useDrawing } from './drawing';
import { useNotices } from '../../../state/notices';
import { usePlayback } from '../../../state/playback';
import { useStudio } from '../../../state/studio';

export type Tool = 'select' | 'rect' | 'ellipse' | 'star' | 'bubble' | 'line' | 'brush' | 'eraser' | 'text';

/** One sampled point of a brush stroke, in frame pixels; pressure 0..1 from the pen (0.5 for a mouse). */
export interface BrushPoint {
  x: number;
  y: number;
  pressure: number;
}
/** Tools that draw a shape into a dragged box. */
export type BoxShape = 'rect' | 'ellipse' | 'star' | 'bubble';
/** Which platform's covered areas the safe-zone overlay shows; `all` is the box clear on every one. */
export type { SafeZoneChoice };

/** Properties that move with the Transformer and get keyframes from "Add keyframe". */
export const MOTION_PROPERTIES = ['x', 'y', 'rotation', 'scaleX', 'scaleY', 'opacity'] as const;

export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const NEW_SHAPE_FILLS = { rect: '#9d8cff', ellipse: '#ffb870', star: '#ffe066', bubble: '#ffffff' } as const;
const MIN_SHAPE = 8;

/**
 * The canvas editor's state and commands: the tool, the selected element, and edits of the
 * selected scene's elements at the playhead. A property that already has keyframes gets a
 * keyframe at the playhead when it changes; one without keeps a single value.
 */
export const useCanvas = defineStore('canvas', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const playback = usePlayback();
  const host = useHost();
  const notices = useNotices();
  const tool = ref<Tool>('select');
  /** Selected top-level elements of the selected scene, in the order they were picked. */
  const selectedIds = ref<string[]>([]);
  /** The one selected element's id (null when none or several are selected). */
  const pickedElementId = computed<string | null>({
    get: () => (selectedIds.value.length === 1 ? (selectedIds.value[0] ?? null) : null),
    set: (id) => (selectedIds.value = id === null ? [] : [id]),
  });
  const safeZonesVisible = ref(false);
  /** Preview zoom: 1 fits the frame in the window. */
  const zoom = ref(1);
  const safeZonePlatform = ref<SafeZoneChoice>('all');

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
    const project = documentStore.project;
    const el = selectedElement.value;
    const current = span.value;
    if (project === null || el === null || current === null) return null;
    const frame = evaluate(project, current.start + sceneTime.value);
    const layer = frame.layers.find((l) => l.key === current.scene.id);
    return (layer && findElement(layer.elements, el.id)) ?? el;
  });

  function select(elementId: string | null): void {
    pickedElementId.value = elementId;
  }

  function setTool(next: Tool): void {
    tool.value = next;
    if (next !== 'select') pickedElementId.value = null;
  }

  function add(input: Record<string, unknown>, label: string, base = documentStore.project): void {
    const project = base;
    const sceneId = scene.value?.id;
    if (project === null || !sceneId) return;
    // Ids read like `rect-3`: the first free one for the kind.
    const parsed = ElementSchema.safeParse({ id: nextId(String(input.kind), usedIds(project)), ...input });
    if (!parsed.success) return;
    const added = addElement(project, sceneId, parsed.data);
    documentStore.apply(added.project, label);
    pickedElementId.value = added.elementId;
    tool.value = 'select';
  }

  /** Adds a shape filling `box` (frame pixels), turning about its centre. */
  function addShape(kind: BoxShape, box: FrameRect): void {
    const width = Math.max(MIN_SHAPE, Math.abs(box.width));
    const height = Math.max(MIN_SHAPE, Math.abs(box.height));
    const x = Math.min(box.x, box.x + box.width) + width / 2;
    const y = Math.min(box.y, box.y + box.height) + height / 2;
    const fill = NEW_SHAPE_FILLS[kind];
    switch (kind) {
      case 'rect': {
        const cornerRadius = Math.round(Math.min(width, height) * 0.12);
        add(
          { kind, x, y, width, height, anchorX: width / 2, anchorY: height / 2, fill, cornerRadius },
          'Add rectangle',
        );
        return;
      }
      case 'ellipse':
        add({ kind, x, y, radiusX: width / 2, radiusY: height / 2, fill }, 'Add ellipse');
        return;
      case 'star': {
        const outerRadius = Math.min(width, height) / 2;
        add({ kind, x, y, points: 5, outerRadius, innerRadius: outerRadius * 0.45, fill }, 'Add star');
        return;
      }
      case 'bubble':
        // The tail points down and to the left, at whoever is speaking.
        add(
          {
            kind,
            x,
            y,
            width,
            height,
            anchorX: width / 2,
            anchorY: height / 2,
            tailX: width * 0.22,
            tailY: height + Math.min(120, height * 0.45),
            text: 'You matter.',
            fontSize: Math.max(24, Math.min(64, Math.round(height / 4))),
            fill,
          },
          'Add speech bubble',
        );
        return;
    }
  }

  /** Brush settings for the next stroke (session state, not saved). */
  const brushColor = ref('#ffffff');
  const brushWidth = ref(14);

  /**
   * Adds a drawn stroke as a brush element. Its points stay in frame pixels; the element turns and
   * scales about the middle of the stroke.
   */
  function addBrushStroke(points: readonly BrushPoint[]): void {
    if (points.length === 0) return;
    // With a drawing layer active, the stroke goes into its frame under the playhead.
    if (useDrawing().drawStroke(points, brushColor.value, brushWidth.value)) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    add(
      {
        kind: 'brush',
        x: cx,
        y: cy,
        anchorX: cx,
        anchorY: cy,
        strokes: [
          {
            color: brushColor.value,
            width: brushWidth.value,
            points: points.slice(0, 20000).map((p) => ({
              x: Math.round(p.x * 10) / 10,
              y: Math.round(p.y * 10) / 10,
              pressure: Math.min(1, Math.max(0, p.pressure)),
            })),
          },
        ],
      },
      'Draw with the brush',
    );
    // Keep drawing: the brush stays the tool until another is picked.
    tool.value = 'brush';
    pickedElementId.value = null;
  }

  /** Adds an arrow from one point to another (frame pixels). */
  function addArrow(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const end = Math.hypot(dx, dy) < MIN_SHAPE ? { x: 240, y: 0 } : { x: dx, y: dy };
    add(
      {
        kind: 'line',
        x: from.x,
        y: from.y,
        points: [0, 0, end.x, end.y],
        arrowEnd: true,
        stroke: '#ffffff',
        strokeWidth: 12,
        fill: '#ffffff',
      },
      'Add arrow',
    );
  }

  /** Adds a line of text centred on a point, ready to be typed over in the properties panel. */
  function addText(x: number, y: number): void {
    const width = 800;
    add(
      {
        kind: 'text',
        text: 'Be kind',
        x,
        y,
        width,
        anchorX: width / 2,
        anchorY: 56,
        fontFamily: 'Fredoka',
        fontSize: 96,
        fill: '#ffffff',
        align: 'center',
      },
      'Add text',
    );
  }

  /**
   * Adds a picture file to the document (the host keeps its bytes) and places it on the
   * selected scene, centred on `at` (frame pixels) or on the frame, at most 720x900.
   */
  async function importImage(file: File, at: { x: number; y: number } | null): Promise<boolean> {
    const docId = documentStore.docId;
    const video = documentStore.project?.video;
    if (docId === null || video === undefined) return false;
    if (!/^image\/(png|jpeg|gif|webp|svg\+xml)$/.test(file.type)) {
      notices.show(
        'warning',
        `“${file.name}” is not a picture the studio can use (PNG, JPEG, GIF, WebP or SVG).`,
      );
      return false;
    }
    let natural: { width: number; height: number };
    try {
      const bitmap = await createImageBitmap(file);
      natural = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
    } catch {
      notices.show('error', `“${file.name}” could not be read as a picture. It may be damaged.`);
      return false;
    }
    const result = await host.importAsset({
      docId,
      name: file.name,
      mime: file.type,
      data: await toBase64(file),
    });
    if (!result.ok) {
      notices.show('error', result.error.message);
      return false;
    }
    const project = documentStore.project;
    if (project === null || documentStore.docId !== docId) return false;
    const fit = Math.min(1, 720 / natural.width, 900 / natural.height);
    const width = Math.max(1, Math.round(natural.width * fit));
    const height = Math.max(1, Math.round(natural.height * fit));
    const where = at ?? { x: video.width / 2, y: video.height / 2 };
    add(
      {
        kind: 'image',
        assetId: result.assetId,
        x: where.x,
        y: where.y,
        width,
        height,
        anchorX: width / 2,
        anchorY: height / 2,
      },
      'Add picture',
      setAsset(project, result.assetId, result.info),
    );
    return true;
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

  const ZOOM_STEP = 1.25;
  function zoomIn(): void {
    zoom.value = Math.min(8, Math.round(zoom.value * ZOOM_STEP * 1000) / 1000);
  }
  function zoomOut(): void {
    zoom.value = Math.max(0.25, Math.round((zoom.value / ZOOM_STEP) * 1000) / 1000);
  }
  function zoomToFit(): void {
    zoom.value = 1;
  }

  function toggleSafeZones(): void {
    safeZonesVisible.value = !safeZonesVisible.value;
  }

  return {
    tool,
    safeZonesVisible,
    safeZonePlatform,
    toggleSafeZones,
    zoom,
    zoomIn,
    zoomOut,
    zoomToFit,
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
    importImage,
    change,
    addKeyframe,
    deleteSelected,
    reorder,
    moveKeyframes,
    deleteKeyframes,
    setEasing,
  };
});

/** A file's bytes as base64, the way asset bytes cross the host boundary. */
function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
