import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { deleteElement } from '../../../../core/edit';
import { useDocument } from '../../../state/document';
import { useStudio } from '../../../state/studio';
import { useCanvas } from './canvas';

/** The undo key of one text's edit session: the whole session is one step. */
export function textEditKey(elementId: string): string {
  return `text:${elementId}`;
}

export interface TextEditSession {
  sceneId: string;
  elementId: string;
  /** Made by the text tool for this session: left empty, it is taken back. */
  isNew: boolean;
}

/**
 * Editing a text's or a speech bubble's words in place on the canvas. A session is one undo
 * step (a new text's "Add text" included). Leaving it commits what was typed; a text left empty
 * is removed (a new one as if it was never added), as in Figma and Canva.
 */
export const useTextEditing = defineStore('textEditing', () => {
  const documentStore = useDocument();
  const studio = useStudio();
  const canvas = useCanvas();
  const session = shallowRef<TextEditSession | null>(null);

  function element() {
    const current = session.value;
    const scene = documentStore.project?.scenes.find((s) => s.id === current?.sceneId);
    const el = scene?.elements.find((e) => e.id === current?.elementId);
    return el && (el.kind === 'text' || el.kind === 'bubble') ? el : null;
  }

  /** Opens the editor on a text or bubble of the selected scene (ends any other session). */
  function begin(elementId: string, isNew = false): void {
    const scene = studio.selectedScene;
    const el = scene?.elements.find((e) => e.id === elementId);
    if (!scene || !el || (el.kind !== 'text' && el.kind !== 'bubble')) return;
    if (session.value !== null) end();
    // A new text's "Add text" is still open under its key: typing joins it. Otherwise the
    // session starts a step of its own.
    if (!isNew) documentStore.seal();
    canvas.select(elementId);
    session.value = { sceneId: scene.id, elementId, isNew };
  }

  /** The words typed so far, applied as they are typed (one undo step for the session). */
  function type(text: string): void {
    const current = session.value;
    if (current === null) return;
    canvas.change(
      current.elementId,
      { text },
      current.isNew ? 'Add text' : 'Edit text',
      textEditKey(current.elementId),
    );
  }

  /** Commits and closes the editor (Escape, a click elsewhere, Ctrl+Enter). */
  function end(): void {
    const current = session.value;
    if (current === null) return;
    const el = element();
    session.value = null;
    const key = textEditKey(current.elementId);
    if (el !== null && el.kind === 'text' && el.text.trim() === '') {
      const project = documentStore.project;
      if (current.isNew) documentStore.withdraw(key);
      else if (project !== null)
        documentStore.apply(deleteElement(project, current.sceneId, el.id), 'Edit text', key);
      canvas.select(null);
    }
    documentStore.seal();
  }

  return { session, element, begin, type, end };
});
