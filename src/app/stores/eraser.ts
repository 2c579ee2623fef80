import { defineStore } from 'pinia';
import { ref } from 'vue';
import { deleteElement, updateElement } from '../../core/edit';
import { evaluate } from '../../core/frame';
import { eraseStrokes, eraserCircles, toLocal } from '../../core/geometry';
import type { BrushStroke, Element, Project } from '../../core/schema';
import { timelineOf } from '../../core/timeline';
import { useCanvas } from './canvas';
import { useDocument } from './document';
import { useNotices } from './notices';
import { useStudio } from './studio';

/** Strokes a brush element may hold (the schema's limit): an erase that would need more is refused. */
const MAX_STROKES = 2000;
export const MIN_ERASER = 4;
export const MAX_ERASER = 400;

/**
 * The eraser: cuts brush strokes of the selected scene where it passes. Each drag is one undo
 * step (its edits coalesce under the drag's key); a stroke erased entirely takes its element
 * with it. Locked and hidden elements are left alone.
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
    const shown = shownAtPlayhead(project, scene.id);
    const circles = eraserCircles(path, size.value / 2);
    let next = project;
    for (const el of scene.elements) {
      if (el.kind !== 'brush' || el.locked || !el.visible) continue;
      const placed = shown.get(el.id) ?? el;
      const stretch = Math.sqrt(Math.abs(placed.scaleX * placed.scaleY)) || 1;
      const local = circles.map((c) => ({ ...toLocal(c, placed), radius: c.radius / stretch }));
      const strokes = eraseStrokes(el.strokes, local, { minLength: 2, padWithWidth: true });
      if (strokes === el.strokes) continue;
      if (strokes.length === 0) {
        next = deleteElement(next, scene.id, el.id);
      } else if (strokes.length > MAX_STROKES) {
        if (!warned)
          notices.show('warning', 'This drawing is cut into too many pieces to erase more of it here.');
        warned = true;
      } else {
        next = updateElement(next, scene.id, el.id, { strokes: strokes.map(tidy) });
      }
    }
    if (next !== project) documentStore.apply(next, 'Erase', key);
  }

  function end(): void {
    documentStore.seal();
  }

  return { size, setSize, begin, eraseAlong, end };
});

/** The scene's elements where the playhead shows them (keyframed strokes move). */
function shownAtPlayhead(project: Project, sceneId: string): Map<string, Element> {
  const canvas = useCanvas();
  const span = timelineOf(project).spans.find((s) => s.scene.id === sceneId);
  const shown = new Map<string, Element>();
  if (span === undefined) return shown;
  const layer = evaluate(project, span.start + canvas.sceneTime).layers.find((l) => l.key === sceneId);
  for (const el of layer?.elements ?? []) shown.set(el.id, el);
  return shown;
}

/** Cut points keep a tenth of a pixel, as drawn points do: no more weight in the file. */
function tidy(stroke: BrushStroke): BrushStroke {
  return {
    ...stroke,
    points: stroke.points.map((p) => ({
      x: Math.round(p.x * 10) / 10,
      y: Math.round(p.y * 10) / 10,
      pressure: Math.round(p.pressure * 1000) / 1000,
    })),
  };
}
