import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { insertItem } from '../../../../core/edit';
import { unionBox } from '../../../../core/geometry';
import {
  LIBRARY,
  elementToSave,
  pictureIdsOf,
  savedLibraryItem,
  searchLibrary,
  type LibraryItem,
  type SavedItem,
  type SavedKind,
} from '../../../../core/library';
import type { Point } from '../../../../core/library';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { useStudio } from '../../../state/studio';
import { useCanvas } from '../../canvas/stores/canvas';
import { useSelection } from '../../canvas/stores/selection';
import { forgetThumbnail } from '../thumbnails';

/** Which panel the left column shows (session state, never saved). */
export type LeftPanel = 'storyboard' | 'library';

/**
 * The library panel: the built-in characters, props and stickers with the creator's own saved
 * items, one search over all of them, and the commands that insert an item (one undo step) or
 * save the selection to the library through the host.
 */
export const useLibrary = defineStore('library', () => {
  const host = useHost();
  const notices = useNotices();
  const documentStore = useDocument();
  const studio = useStudio();
  const canvas = useCanvas();

  const panel = ref<LeftPanel>('storyboard');
  const query = ref('');
  const saved = shallowRef<readonly SavedItem[]>([]);
  /** Saved files the host skipped (damaged or foreign), in words for the creator. */
  const problems = ref<string[]>([]);
  const loaded = ref(false);
  /** "Save as character" / "Save as prop" asks for a name (the panel shows the dialog). */
  const saving = ref<SavedKind | null>(null);
  /** The search field should take the keyboard once the panel shows ("Show Library"). */
  const searchFocusPending = ref(false);

  const mine = computed<LibraryItem[]>(() => saved.value.map(savedLibraryItem));
  const everything = computed<readonly LibraryItem[]>(() => [...LIBRARY, ...mine.value]);
  /** What the search finds, best first; everything when the field is empty. */
  const results = computed(() => searchLibrary(query.value, { items: everything.value }));

  function item(id: string): LibraryItem | undefined {
    return everything.value.find((i) => i.id === id);
  }

  /** Reads the creator's saved items from the host (once; again after a save or removal). */
  async function load(): Promise<void> {
    const answer = await host.listSavedItems({});
    if (!answer.ok) {
      notices.show('warning', answer.error.message);
      return;
    }
    saved.value = answer.items;
    problems.value = answer.problems;
    loaded.value = true;
  }

  function show(which: LeftPanel): void {
    panel.value = which;
    if (which === 'library' && !loaded.value) void load();
  }

  /** Shows the library and puts the keyboard in its search field. */
  function open(): void {
    show('library');
    searchFocusPending.value = true;
  }

  /** Shows the library with the "Save as …" dialog for the selection. */
  function askToSave(kind: SavedKind): void {
    show('library');
    saving.value = kind;
  }

  /**
   * Puts an item on the selected scene, centred on `at` (frame pixels) or on the frame, selected,
   * as one undo step. A saved item's pictures are copied into the document by the host first.
   * False when there is no scene to put it in or its pictures could not be had.
   */
  async function insert(id: string, at?: Point): Promise<boolean> {
    const chosen = item(id);
    if (chosen === undefined) return false;
    if (chosen.pictures !== undefined) {
      const docId = documentStore.docId;
      if (docId === null) return false;
      const answer = await host.addLibraryPictures({ docId, id: chosen.id.slice('mine/'.length) });
      if (!answer.ok) {
        notices.show('error', answer.error.message);
        return false;
      }
      // Another document was opened while the pictures were copied: this insert is moot.
      if (documentStore.docId !== docId) return false;
    }
    const project = documentStore.project;
    const scene = studio.selectedScene;
    if (project === null || scene === null) return false;
    const added = insertItem(project, scene.id, chosen, at);
    if (added.elementId === '') return false;
    documentStore.apply(added.project, `Add ${chosen.name}`);
    canvas.setTool('select');
    canvas.select(added.elementId);
    return true;
  }

  /** Saves the selected elements to the library under `name`; false when it was not saved. */
  async function saveSelection(name: string, kind: SavedKind): Promise<boolean> {
    const selection = useSelection();
    const elements = selection.elements;
    if (elements.length === 0) {
      notices.show('warning', 'Select what to save first: click it on the canvas.');
      return false;
    }
    const boxes = selection.boundsOf(elements.map((el) => el.id)).map((b) => b.box);
    const box = boxes.length > 0 ? unionBox(boxes) : { x: -50, y: -50, width: 100, height: 100 };
    const element = elementToSave(elements, box);
    if (element === null) return false;
    // The pictures it shows go along: the host copies their bytes from this document.
    const assets = documentStore.project?.assets ?? {};
    const pictures = Object.fromEntries(
      [...pictureIdsOf(element)].flatMap((assetId) => {
        const info = assets[assetId];
        return info === undefined ? [] : [[assetId, info]];
      }),
    );
    const answer = await host.saveLibraryItem({
      name,
      kind,
      width: Math.max(1, box.width),
      height: Math.max(1, box.height),
      element,
      ...(documentStore.docId !== null ? { docId: documentStore.docId } : {}),
      pictures,
    });
    if (!answer.ok) {
      notices.show('error', answer.error.message);
      return false;
    }
    saved.value = [answer.item, ...saved.value.filter((s) => s.id !== answer.item.id)];
    notices.show('success', `Saved “${answer.item.name}” to My library.`);
    return true;
  }

  /** Removes a saved item (the panel has asked the creator first). */
  async function remove(savedId: string): Promise<void> {
    const answer = await host.removeLibraryItem({ id: savedId });
    if (!answer.ok) {
      notices.show('error', answer.error.message);
      return;
    }
    const gone = saved.value.find((s) => s.id === savedId);
    saved.value = saved.value.filter((s) => s.id !== savedId);
    forgetThumbnail(`mine/${savedId}`);
    if (gone) notices.show('info', `Removed “${gone.name}” from My library.`);
  }

  return {
    panel,
    query,
    saved,
    mine,
    problems,
    loaded,
    saving,
    searchFocusPending,
    results,
    item,
    load,
    show,
    open,
    askToSave,
    insert,
    saveSelection,
    remove,
  };
});
