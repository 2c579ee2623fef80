import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  addScene as addSceneCommand,
  deleteScene as deleteSceneCommand,
  duplicateScene as duplicateSceneCommand,
  moveScene as moveSceneCommand,
  updateScene as updateSceneCommand,
  type ScenePatch,
} from '../../core/edit';
import { timelineOf } from '../../core/timeline';
import { useDocument } from './document';
import { usePlayback } from './playback';

/**
 * Session state of the studio (never saved in the file): which scene is selected, which dialog
 * is open; and the storyboard's commands, each one undo step through the document store.
 */
export const useStudio = defineStore('studio', () => {
  const documentStore = useDocument();
  const playback = usePlayback();
  /** The scene the creator picked, and where it was, in case an edit or undo removes it. */
  const pickedSceneId = ref<string | null>(null);
  const pickedIndex = ref(0);
  const dialog = ref<'open' | 'save' | null>(null);
  /** What the inspector shows: the selected scene, or the end card (picked on the timeline or storyboard). */
  const inspecting = ref<'scene' | 'endCard'>('scene');

  const scenes = computed(() => documentStore.project?.scenes ?? []);
  /** The selected scene: the picked one, or the one now at its place when it is gone (undo, delete). */
  const selectedSceneId = computed<string | null>(() => {
    const list = scenes.value;
    if (list.some((s) => s.id === pickedSceneId.value)) return pickedSceneId.value;
    return list[Math.min(pickedIndex.value, list.length - 1)]?.id ?? null;
  });
  const selectedIndex = computed(() => scenes.value.findIndex((s) => s.id === selectedSceneId.value));
  const selectedScene = computed(() => scenes.value[selectedIndex.value] ?? null);

  function selectScene(id: string, options: { seek?: boolean } = {}): void {
    inspecting.value = 'scene';
    pickedSceneId.value = id;
    pickedIndex.value = Math.max(
      0,
      scenes.value.findIndex((s) => s.id === id),
    );
    const project = documentStore.project;
    if (project === null || options.seek === false) return;
    const span = timelineOf(project).spans.find((s) => s.scene.id === id);
    if (span !== undefined) playback.seek(span.start);
  }

  function addScene(): void {
    const project = documentStore.project;
    if (project === null) return;
    const at = selectedIndex.value >= 0 ? selectedIndex.value + 1 : project.scenes.length;
    const added = addSceneCommand(project, at);
    if (added.sceneId === '') return;
    documentStore.apply(added.project, 'Add scene');
    selectScene(added.sceneId);
  }

  function duplicateScene(id: string): void {
    const project = documentStore.project;
    if (project === null) return;
    const added = duplicateSceneCommand(project, id);
    if (added.sceneId === '') return;
    documentStore.apply(added.project, 'Duplicate scene');
    selectScene(added.sceneId);
  }

  function deleteScene(id: string): void {
    const project = documentStore.project;
    if (project === null) return;
    const index = project.scenes.findIndex((s) => s.id === id);
    const next = deleteSceneCommand(project, id);
    if (next === project) return;
    documentStore.apply(next, 'Delete scene');
    const neighbour = next.scenes[Math.min(index, next.scenes.length - 1)];
    if (neighbour) selectScene(neighbour.id, { seek: false });
  }

  function moveScene(id: string, toIndex: number): void {
    const project = documentStore.project;
    if (project === null) return;
    documentStore.apply(moveSceneCommand(project, id, toIndex), 'Reorder scenes');
  }

  /** Changes a scene's settings; `coalesce` merges a run of edits (typing, dragging) into one step. */
  function updateScene(id: string, patch: ScenePatch, label: string, coalesce?: string): void {
    const project = documentStore.project;
    if (project === null) return;
    documentStore.apply(updateSceneCommand(project, id, patch), label, coalesce);
  }

  function reset(): void {
    pickedSceneId.value = documentStore.project?.scenes[0]?.id ?? null;
    pickedIndex.value = 0;
    dialog.value = null;
    inspecting.value = 'scene';
    playback.pause();
    playback.seek(0);
  }

  return {
    selectedSceneId,
    selectedScene,
    selectedIndex,
    scenes,
    dialog,
    inspecting,
    selectScene,
    addScene,
    duplicateScene,
    deleteScene,
    moveScene,
    updateScene,
    reset,
  };
});
