import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { addElement, pasteScene } from '../../core/edit';
import type { Element, Scene } from '../../core/schema';
import { useCanvas } from './canvas';
import { useDocument } from './document';
import { useNotices } from './notices';
import { useStudio } from './studio';

type Clip = { kind: 'element'; element: Element; fromSceneId: string } | { kind: 'scene'; scene: Scene };

/** A pasted copy in the same scene is nudged, so it does not hide exactly behind the original. */
const NUDGE = 40;

/**
 * Copy, cut and paste of elements (within and across scenes) and of whole scenes. The copy is
 * plain project data, so it also pastes into another project opened later in this window.
 */
export const useClipboard = defineStore('clipboard', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const canvas = useCanvas();
  const notices = useNotices();
  const clip = shallowRef<Clip | null>(null);

  function copy(): boolean {
    const element = canvas.selectedElement;
    const scene = studio.selectedScene;
    if (element && scene) clip.value = { kind: 'element', element, fromSceneId: scene.id };
    else if (scene) clip.value = { kind: 'scene', scene };
    else return false;
    return true;
  }

  function cut(): void {
    if (!copy() || clip.value === null) return;
    if (clip.value.kind === 'element') canvas.deleteSelected();
    else if (studio.scenes.length > 1) studio.deleteScene(clip.value.scene.id);
    else notices.show('info', 'Copied. A video keeps at least one scene, so this one stays.');
  }

  function paste(): void {
    const project = documentStore.project;
    const current = clip.value;
    const scene = studio.selectedScene;
    if (project === null || current === null || scene === null) return;
    if (current.kind === 'scene') {
      const added = pasteScene(project, current.scene, studio.selectedIndex + 1);
      if (added.sceneId === '') return;
      documentStore.apply(added.project, 'Paste scene');
      studio.selectScene(added.sceneId);
      return;
    }
    const nudge = current.fromSceneId === scene.id ? NUDGE : 0;
    const element = { ...current.element, x: current.element.x + nudge, y: current.element.y + nudge };
    const added = addElement(project, scene.id, element);
    documentStore.apply(added.project, 'Paste element');
    canvas.select(added.elementId);
    // The next paste of the same copy lands one more step away.
    clip.value = { ...current, element };
  }

  return { clip, copy, cut, paste };
});
