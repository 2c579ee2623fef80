import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  changeManyAtTime,
  deleteElements,
  duplicateElements,
  reorderElements,
  type ElementPatch,
  type ReorderMove,
} from '../../../../core/edit';
import {
  alignOffsets,
  distributeOffsets,
  elementBounds,
  safeZoneBox,
  type AlignEdge,
  type Box,
  type DistributeAxis,
  type Offset,
} from '../../../../core/geometry';
import type { Element } from '../../../../core/schema';
import { useCanvas } from './canvas';
import { useDocument } from '../../../state/document';
import { useFrameAtPlayhead } from '../../../state/frameAtPlayhead';
import { useStudio } from '../../../state/studio';

/** Where one element aligns to (several align to their own common bounds). */
export type AlignTarget = 'frame' | 'safe';

/** Measures elements as drawn (the editor's Konva nodes), in frame pixels. */
export type Measurer = (ids: readonly string[]) => Map<string, Box>;

/**
 * The selection of several elements and the commands over it. The selected ids live in the
 * canvas store (session state, never saved); every command here is one undo step.
 */
export const useSelection = defineStore('selection', () => {
  const canvas = useCanvas();
  const studio = useStudio();
  const documentStore = useDocument();
  /** The element a shift-click in the layer list extends a range from. */
  const anchorId = ref<string | null>(null);
  const alignTarget = ref<AlignTarget>('frame');
  let measurer: Measurer | null = null;

  /** Selected ids still in the scene (undo can take an element away), in picking order. */
  const ids = computed<string[]>(() => {
    const scene = studio.selectedScene;
    if (scene === null) return [];
    const present = new Set(scene.elements.map((el) => el.id));
    return canvas.selectedIds.filter((id) => present.has(id));
  });
  const idSet = computed(() => new Set(ids.value));
  /** The selected elements in painting order (back first). */
  const elements = computed<Element[]>(() =>
    (studio.selectedScene?.elements ?? []).filter((el) => idSet.value.has(el.id)),
  );
  const count = computed(() => ids.value.length);

  function set(next: readonly string[]): void {
    canvas.selectedIds = [...new Set(next)];
    anchorId.value = next.at(-1) ?? null;
  }

  function isSelected(id: string): boolean {
    return idSet.value.has(id);
  }

  /** Adds an element to the selection, or takes it out (shift- or Ctrl-click). */
  function toggle(id: string): void {
    if (isSelected(id)) canvas.selectedIds = ids.value.filter((other) => other !== id);
    else canvas.selectedIds = [...ids.value, id];
    anchorId.value = id;
  }

  /** Selects every element between the last picked one and `id` in the scene's order. */
  function selectRange(id: string): void {
    const list = studio.selectedScene?.elements ?? [];
    const from = list.findIndex((el) => el.id === anchorId.value);
    const to = list.findIndex((el) => el.id === id);
    if (from < 0 || to < 0) return set([id]);
    const [lo, hi] = from < to ? [from, to] : [to, from];
    canvas.selectedIds = [...new Set([...ids.value, ...list.slice(lo, hi + 1).map((el) => el.id)])];
  }

  /** Ctrl+A: every element that can be edited (locked ones stay out). */
  function selectAll(): void {
    set((studio.selectedScene?.elements ?? []).filter((el) => !el.locked).map((el) => el.id));
  }

  function setMeasurer(next: Measurer | null): void {
    measurer = next;
  }

  /** Seconds into the scene at the playhead, and the scene's elements as they look there. */
  function shownElements(): Map<string, Element> {
    const scene = studio.selectedScene;
    const shown = new Map<string, Element>();
    if (scene === null) return shown;
    const layer = useFrameAtPlayhead().layerOf(scene.id);
    for (const el of layer?.elements ?? []) shown.set(el.id, el);
    // A scene outside the playhead is not in the frame: its elements as saved.
    for (const el of scene.elements) if (!shown.has(el.id)) shown.set(el.id, el);
    return shown;
  }

  /** Bounds of the selected elements as drawn (measured when the editor can, else computed). */
  function boundsOf(list: readonly string[]): { id: string; box: Box }[] {
    const measured = measurer?.(list) ?? new Map<string, Box>();
    const shown = shownElements();
    const result: { id: string; box: Box }[] = [];
    for (const id of list) {
      const el = shown.get(id);
      const box = measured.get(id) ?? (el ? elementBounds(el) : null);
      if (box !== null) result.push({ id, box });
    }
    return result;
  }

  function apply(patches: Map<string, ElementPatch>, label: string, coalesce?: string): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null || patches.size === 0) return;
    documentStore.apply(changeManyAtTime(project, scene.id, patches, canvas.sceneTime), label, coalesce);
  }

  /** Moves elements by per-element offsets, from where they are at the playhead. */
  function moveBy(offsets: ReadonlyMap<string, Offset>, label: string, coalesce?: string): void {
    const shown = shownElements();
    const patches = new Map<string, ElementPatch>();
    for (const [id, { dx, dy }] of offsets) {
      const el = shown.get(id);
      if (el && (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6))
        patches.set(id, { x: round(el.x + dx), y: round(el.y + dy) });
    }
    apply(patches, label, coalesce);
  }

  function nudge(dx: number, dy: number): void {
    const offsets = new Map(ids.value.map((id) => [id, { dx, dy }] as const));
    moveBy(offsets, 'Nudge elements', `nudge:${ids.value.join(',')}`);
  }

  /**
   * Aligns the selection's edges or centres: several to their common bounds, one to the frame
   * or to the chosen platform's safe zone.
   */
  function align(edge: AlignEdge): void {
    const video = documentStore.project?.video;
    const measured = boundsOf(ids.value);
    if (video === undefined || measured.length === 0) return;
    let target: Box | undefined;
    if (measured.length === 1) {
      target =
        alignTarget.value === 'safe'
          ? safeZoneBox(canvas.safeZonePlatform, video.width, video.height)
          : { x: 0, y: 0, width: video.width, height: video.height };
    }
    const offsets = alignOffsets(
      measured.map((m) => m.box),
      edge,
      target,
    );
    moveBy(new Map(measured.map((m, i) => [m.id, offsets[i] ?? { dx: 0, dy: 0 }])), ALIGN_LABELS[edge]);
  }

  /** Spaces three or more elements with equal gaps between them. */
  function distribute(axis: DistributeAxis): void {
    const measured = boundsOf(ids.value);
    if (measured.length < 3) return;
    const offsets = distributeOffsets(
      measured.map((m) => m.box),
      axis,
    );
    moveBy(
      new Map(measured.map((m, i) => [m.id, offsets[i] ?? { dx: 0, dy: 0 }])),
      axis === 'horizontal' ? 'Distribute horizontally' : 'Distribute vertically',
    );
  }

  /** Sets the same properties on every selected element (the common properties panel). */
  function changeAll(patch: ElementPatch, label: string, coalesce?: string): void {
    apply(new Map(ids.value.map((id) => [id, patch])), label, coalesce);
  }

  /** Commits where the Transformer left each node, as one step. */
  function commitPlacements(placements: ReadonlyMap<string, ElementPatch>, label: string): void {
    apply(new Map(placements), label);
  }

  function deleteAll(): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null || ids.value.length === 0) return;
    const label = ids.value.length === 1 ? 'Delete element' : 'Delete elements';
    documentStore.apply(deleteElements(project, scene.id, ids.value), label);
    set([]);
  }

  function duplicate(): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null || ids.value.length === 0) return;
    const added = duplicateElements(project, scene.id, ids.value);
    documentStore.apply(added.project, ids.value.length === 1 ? 'Duplicate element' : 'Duplicate elements');
    set(added.elementIds);
  }

  function reorder(move: ReorderMove): void {
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null || ids.value.length === 0) return;
    documentStore.apply(reorderElements(project, scene.id, ids.value, move), REORDER_LABELS[move]);
  }

  /** Locks or hides every selected element (or `only` these), as one step. */
  function setFlag(flag: 'locked' | 'visible', value: boolean, only: readonly string[] = ids.value): void {
    const label = flag === 'locked' ? (value ? 'Lock' : 'Unlock') : value ? 'Show' : 'Hide';
    const noun = only.length === 1 ? 'element' : 'elements';
    apply(new Map(only.map((id) => [id, { [flag]: value }])), `${label} ${noun}`);
  }

  return {
    ids,
    elements,
    count,
    anchorId,
    alignTarget,
    set,
    isSelected,
    toggle,
    selectRange,
    selectAll,
    setMeasurer,
    boundsOf,
    moveBy,
    nudge,
    align,
    distribute,
    changeAll,
    commitPlacements,
    deleteAll,
    duplicate,
    reorder,
    setFlag,
  };
});

const round = (value: number) => Math.round(value * 100) / 100;

const ALIGN_LABELS: Record<AlignEdge, string> = {
  left: 'Align left',
  centre: 'Align centres',
  right: 'Align right',
  top: 'Align top',
  middle: 'Align middles',
  bottom: 'Align bottom',
};

const REORDER_LABELS: Record<ReorderMove, string> = {
  forward: 'Bring forward',
  backward: 'Send backward',
  front: 'Bring to front',
  back: 'Send to back',
};
