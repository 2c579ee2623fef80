import { defineStore } from 'pinia';
import { ref } from 'vue';
import { deleteElement, eraseDrawingFrame, tidyStroke, updateElement } from '../../../../core/edit';
import { drawingFrameIndex } from '../../../../core/frame';
import { eraseStrokes, eraserCircles, toLocal, type Circle } from '../../../../core/geometry';
import type { Element } from '../../../../core/schema';
import { useCanvas } from './canvas';
import { useDocument } from '../../../state/document';
import { useFrameAtPlayhead } from '../../../state/frameAtPlayhead';
import { useNotices } from '../../../state/notices';
import { useStudio } from '../../../state/studio';

/** Strokes a brush element may hold (the schema's limit): an erase that would need more is refused. */
const MAX_STROKES = 2000;
export const MIN_ERASER = 4;
export const MAX_ERASER = 400;

/**
 * The eraser: cuts brush strokes of the selected scene where it passes, and the strokes of each
 * drawing layer's frame under the playhead (the one on screen). Each drag is one undo step (its
 * edits coalesce under the drag's key); a brush stroke erased entirely takes its element with
 * it, while an emptied drawing frame stays so the drawing's timing never shifts. Locked and
 * hidden elements are left alone.
 */
export const useEraser = defineStore('eraser', () => {
  const canvas = useCanvas();
  const studio = useStudio();
  const documentStore = useDocument();
  const notices = useNotices();
  /** Diameter in frame pixels (session state). */
  const size = ref(48);
  let drags = 0;
  let warned = false;

  function setSize(next: number): void {
    if (Number.isFinite(next)) size.value = Math.round(Math.min(MAX_ERASER, Math.max(MIN_ERASER, next)));
  }

  /** A new key for the next drag, so it becomes its own undo step. */
  function begin(): string {
    warned = false;
    return `erase:${++drags}`;
  }

  /** Erases along a piece of the drag (frame pixels); `key` joins the drag into one step. */
  function eraseAlong(path: readonly { x: number; y: number }[], key: string): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null || path.length === 0 || !canvas.editable) return;
    const shown = shownAtPlayhead(scene.id);
    const circles = eraserCircles(path, size.value / 2);
    let next = project;
    const tooMany = () => {
      if (!warned)
        notices.show('warning', 'This drawing is cut into too many pieces to erase more of it here.');
      warned = true;
    };
    for (const el of scene.elements) {
      if ((el.kind !== 'brush' && el.kind !== 'drawing') || el.locked || !el.visible) continue;
      const placed = shown.elements.get(el.id) ?? el;
      const stretch = Math.sqrt(Math.abs(placed.scaleX * placed.scaleY)) || 1;
      const local: Circle[] = circles.map((c) => ({ ...toLocal(c, placed), radius: c.radius / stretch }));
      if (el.kind === 'drawing') {
        const index = drawingFrameIndex(el, shown.sceneTime, project.video.fps);
        const erased = eraseDrawingFrame(next, scene.id, el.id, index, local);
        if (erased.tooMany) tooMany();
        next = erased.project;
        continue;
      }
      const strokes = eraseStrokes(el.strokes, local, { minLength: 2, padWithWidth: true });
      if (strokes === el.strokes) continue;
      if (strokes.length === 0) {
        next = deleteElement(next, scene.id, el.id);
      } else if (strokes.length > MAX_STROKES) {
        tooMany();
      } else {
        next = updateElement(next, scene.id, el.id, { strokes: strokes.map(tidyStroke) });
      }
    }
    if (next !== project) documentStore.apply(next, 'Erase', key);
  }

  function end(): void {
    documentStore.seal();
  }

  return { size, setSize, begin, eraseAlong, end };
});

/**
 * The scene as the preview shows it at the playhead: its elements where they are drawn
 * (keyframed strokes move) and its exact time, which picks each drawing's frame on screen.
 */
function shownAtPlayhead(sceneId: string): { elements: Map<string, Element>; sceneTime: number } {
  const canvas = useCanvas();
  const elements = new Map<string, Element>();
  const layer = useFrameAtPlayhead().layerOf(sceneId);
  for (const el of layer?.elements ?? []) elements.set(el.id, el);
  return { elements, sceneTime: layer?.sceneTime ?? canvas.sceneTime };
}
