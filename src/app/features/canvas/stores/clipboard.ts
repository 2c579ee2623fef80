import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { deleteElements, pasteElements, pasteScene } from '../../../../core/edit';
import type { Element, Scene } from '../../../../core/schema';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { useSelection } from './selection';
import { useStudio } from '../../../state/studio';

type Clip = { kind: 'elements'; elements: Element[]; fromSceneId: string } | { kind: 'scene'; scene: Scene };

/** A pasted copy in the same scene is nudged, so it does not hide exactly behind the original. */
const NUDGE = 40;

/**
 * Copy, cut and paste of elements (a selection of one or more, within and across scenes) and of
 * whole scenes. The copy is plain project data, so it also pastes into another project opened
 * later in this window.
 */
export const useClipboard = defineStore('clipboard', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const selection = useSelection();
  const notices = useNotices();
  const clip = shallowRef<Clip | null>(null);

  function copy(): boolean {
    const scene = studio.selectedScene;
    const elements = selection.elements;
    if (scene && elements.length > 0) clip.value = { kind: 'elements', elements, fromSceneId: scene.id };
    else if (scene) clip.value = { kind: 'scene', scene };
    else return false;
    return true;
  }

  function cut(): void {
    if (!copy() || clip.value === null) return;
    if (clip.value.kind === 'elements') {
      const project = documentStore.project;
      const scene = studio.selectedScene;
      if (project === null || scene === null) return;
      const count = clip.value.elements.length;
      documentStore.apply(
        deleteElements(
          project,
          scene.id,
          clip.value.elements.map((el) => el.id),
        ),
        count === 1 ? 'Cut element' : 'Cut elements',
      );
      selection.set([]);
    } else if (studio.scenes.length > 1) studio.deleteScene(clip.value.scene.id);
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
    const added = pasteElements(project, scene.id, current.elements, nudge);
    if (added.elementIds.length === 0) return;
    documentStore.apply(added.project, added.elementIds.length === 1 ? 'Paste element' : 'Paste elements');
    selection.set(added.elementIds);
    // The next paste of the same copy lands one more step away.
    const moved = current.elements.map((el) => ({ ...el, x: el.x + nudge, y: el.y + nudge }) as Element);
    clip.value = { ...current, elements: moved };
  }

  return { clip, copy, cut, paste };
});
