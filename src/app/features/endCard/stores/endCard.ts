import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  endCardOf,
  replaceEndCardResource,
  setAsset,
  setEndCardRegion,
  toggleEndCardResource,
  updateEndCard,
  type EndCardPatch,
} from '../../../../core/edit';
import { entranceEnd } from '../../../../core/endCard';
import {
  cardResource,
  entriesForRegion,
  removeUserEntry,
  upsertUserEntry,
  type DirectoryEntry,
  type SafetyEntry,
} from '../../../../core/safety';
import type { SafetyRegion } from '../../../../core/schema';
import { timelineOf } from '../../../../core/timeline';
import type { ResponseOf } from '../../../../host/contract';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { usePlayback } from '../../../state/playback';
import { useStudio } from '../../../state/studio';

type Directory = Extract<ResponseOf<'getSafetyDirectory'>, { ok: true }>;

const PICTURE_TYPES = /^image\/(png|jpeg|gif|webp)$/;

/**
 * The end-card editor: opening it, its undoable edits (through the core's end-card commands
 * and the document store), and the safety-resource directory the region picker fills from.
 */
export const useEndCard = defineStore('endCard', () => {
  const host = useHost();
  const documentStore = useDocument();
  const notices = useNotices();
  const playback = usePlayback();
  const studio = useStudio();

  const directory = shallowRef<Directory | null>(null);
  const directoryError = ref<string | null>(null);

  const card = computed(() => (documentStore.project ? endCardOf(documentStore.project) : null));
  const isOpen = computed(() => studio.inspecting === 'endCard');
  /** Directory entries for the card's region (its own, then the worldwide ones). */
  const regionEntries = computed<DirectoryEntry[]>(() =>
    directory.value && card.value ? entriesForRegion(directory.value.entries, card.value.region) : [],
  );

  async function loadDirectory(): Promise<void> {
    const result = await host.getSafetyDirectory({});
    if (!result.ok) {
      directoryError.value = result.error.message;
      return;
    }
    directoryError.value = null;
    directory.value = result;
    if (result.notice) notices.show('warning', result.notice);
  }

  /** Shows the card on the canvas once it has fully arrived, so edits are seen in place. */
  function showCard(): void {
    const project = documentStore.project;
    if (project === null) return;
    const start = timelineOf(project).endCardStart;
    if (start !== null) playback.seek(start + Math.min(entranceEnd(card.value?.resources.length ?? 0), 2));
  }

  async function open(options: { seek?: boolean } = {}): Promise<void> {
    studio.inspecting = 'endCard';
    if (options.seek !== false) showCard();
    if (directory.value === null) await loadDirectory();
  }

  function close(): void {
    studio.inspecting = 'scene';
  }

  function apply(next: ReturnType<typeof updateEndCard>, label: string, coalesce?: string): void {
    if (next !== documentStore.project) documentStore.apply(next, label, coalesce);
  }

  function update(patch: EndCardPatch, label: string, coalesce?: string): void {
    const project = documentStore.project;
    if (project !== null) apply(updateEndCard(project, patch), label, coalesce);
  }

  /** Turns the card on (filled with the region's resources when it has none yet) or off. */
  function setEnabled(enabled: boolean): void {
    let project = documentStore.project;
    if (project === null) return;
    const current = endCardOf(project);
    if (enabled && current.resources.length === 0 && directory.value !== null) {
      const entries = entriesForRegion(directory.value.entries, current.region);
      project = setEndCardRegion(project, current.region, entries.map(cardResource));
    }
    apply(updateEndCard(project, { enabled }), enabled ? 'Add end card' : 'Remove end card');
    documentStore.seal();
    if (enabled) showCard();
  }

  /** Picks a region: the card lists that region's resources (the creator can untick any). */
  function setRegion(region: SafetyRegion): void {
    const project = documentStore.project;
    if (project === null || directory.value === null) return;
    const entries = entriesForRegion(directory.value.entries, region);
    apply(setEndCardRegion(project, region, entries.map(cardResource)), 'Change end-card region');
    documentStore.seal();
  }

  function toggleResource(entry: Pick<SafetyEntry, 'name' | 'contact'>): void {
    const project = documentStore.project;
    if (project === null) return;
    const next = toggleEndCardResource(project, cardResource(entry));
    if (next === project) {
      notices.show('warning', 'An end card lists at most 6 resources. Untick one first.');
      return;
    }
    apply(next, 'Change end-card resources');
    documentStore.seal();
  }

  async function saveLayer(entries: SafetyEntry[]): Promise<boolean> {
    const result = await host.saveSafetyDirectory({ entries });
    if (!result.ok) {
      notices.show('error', result.error.message);
      return false;
    }
    directory.value = result;
    return true;
  }

  /**
   * Saves a new or corrected entry in the creator's own directory (the shipped one is kept).
   * A corrected entry that is on the card is updated there too, in its place.
   */
  async function saveEntry(entry: SafetyEntry, previous: SafetyEntry | null): Promise<boolean> {
    const d = directory.value;
    if (d === null) return false;
    const shipped = d.entries.flatMap((e) =>
      e.origin === 'bundled' ? [e] : e.shipped !== null ? [e.shipped] : [],
    );
    if (!(await saveLayer(upsertUserEntry(d.userEntries, shipped, entry)))) return false;
    const project = documentStore.project;
    if (previous !== null && project !== null) {
      apply(
        replaceEndCardResource(project, cardResource(previous), cardResource(entry)),
        'Update end-card resource',
      );
      documentStore.seal();
    }
    return true;
  }

  /** Removes the creator's entry, or brings back the shipped details of a corrected one. */
  async function removeEntry(id: string): Promise<boolean> {
    const d = directory.value;
    if (d === null) return false;
    const edited = d.entries.find((e) => e.id === id && e.origin === 'edited');
    if (!(await saveLayer(removeUserEntry(d.userEntries, id)))) return false;
    const project = documentStore.project;
    if (edited?.shipped && project !== null) {
      apply(
        replaceEndCardResource(project, cardResource(edited), cardResource(edited.shipped)),
        'Update end-card resource',
      );
      documentStore.seal();
    }
    return true;
  }

  /** Imports a picture (as any picture is imported) and puts it beside the creator's handle. */
  async function chooseAvatar(file: File): Promise<void> {
    const docId = documentStore.docId;
    if (docId === null) return;
    if (!PICTURE_TYPES.test(file.type)) {
      notices.show('warning', `“${file.name}” is not a picture the card can show (PNG, JPEG, GIF or WebP).`);
      return;
    }
    const data = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsDataURL(file);
    }).catch(() => null);
    if (data === null) {
      notices.show('error', `“${file.name}” could not be read.`);
      return;
    }
    const result = await host.importAsset({ docId, name: file.name, mime: file.type, data });
    if (!result.ok) {
      notices.show('error', result.error.message);
      return;
    }
    const project = documentStore.project;
    if (project === null || documentStore.docId !== docId) return;
    apply(
      updateEndCard(setAsset(project, result.assetId, result.info), { avatar: result.assetId }),
      'Add end-card picture',
    );
    documentStore.seal();
  }

  return {
    card,
    directory,
    directoryError,
    isOpen,
    regionEntries,
    loadDirectory,
    open,
    close,
    update,
    setEnabled,
    setRegion,
    toggleResource,
    saveEntry,
    removeEntry,
    chooseAvatar,
  };
});
