import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  canRedo,
  canUndo,
  createHistory,
  record,
  redo as redoHistory,
  redoLabel,
  seal as sealHistory,
  undo as undoHistory,
  undoLabel,
  withdraw as withdrawHistory,
  type History,
} from '../../core/edit';
import type { Project } from '../../core/schema';
import { useHost } from '../host/useHost';
import { useNotices } from './notices';

/** How long after the last edit unsaved work is backed up. */
export const BACKUP_DELAY_MS = 700;

export interface OpenedDocument {
  docId: string;
  project: Project;
  path: string | null;
  repairs: { path: string; message: string }[];
}

/**
 * The open document: its undo history (the present is the project on screen), the file it
 * belongs to, and whether it has unsaved edits. Projects are immutable and kept in shallow refs:
 * Vue must never wrap them in proxies, since the renderer and timeline rely on their identity.
 */
export const useDocument = defineStore('document', () => {
  const host = useHost();
  const notices = useNotices();

  const docId = ref<string | null>(null);
  const path = ref<string | null>(null);
  const history = shallowRef<History | null>(null);
  const savedProject = shallowRef<Project | null>(null);
  const backedUpAt = ref<number | null>(null);
  const saving = ref(false);

  const project = computed(() => history.value?.present ?? null);
  const isOpen = computed(() => history.value !== null);
  const dirty = computed(() => history.value !== null && history.value.present !== savedProject.value);
  const fileName = computed(() => (path.value === null ? null : (path.value.split(/[\\/]/).pop() ?? null)));
  const canUndoNow = computed(() => history.value !== null && canUndo(history.value));
  const canRedoNow = computed(() => history.value !== null && canRedo(history.value));
  const undoText = computed(() => (history.value ? undoLabel(history.value) : null));
  const redoText = computed(() => (history.value ? redoLabel(history.value) : null));

  /** Starts editing a document the host opened. `fromFile` marks it as saved (nothing to back up). */
  function open(opened: OpenedDocument, options: { saved: boolean }): void {
    releaseOnHost(opened.docId);
    docId.value = opened.docId;
    path.value = opened.path;
    history.value = createHistory(opened.project);
    savedProject.value = options.saved ? opened.project : null;
    backedUpAt.value = null;
    backedUpProject.value = null;
    if (opened.repairs.length > 0) {
      const first = opened.repairs[0];
      const more = opened.repairs.length > 1 ? ` (and ${opened.repairs.length - 1} more)` : '';
      // A sound that cannot be read (path "sounds", from the host) is not a change: it is said as it is.
      const lead = first?.path === 'sounds' ? '' : 'Opened with changes: ';
      notices.show('warning', `${lead}${first?.message ?? ''}${more}`);
    }
  }

  /** The host keeps each open document's pictures and sounds: let go of the one left behind. */
  function releaseOnHost(next: string | null): void {
    const previous = docId.value;
    if (previous === null || previous === next) return;
    // Nothing to tell the creator if it fails: the memory is freed when the host stops.
    host.closeDocument({ docId: previous }).catch(() => {});
  }

  function close(): void {
    cancelBackup();
    releaseOnHost(null);
    docId.value = null;
    path.value = null;
    history.value = null;
    savedProject.value = null;
  }

  /** Records an edit as one undo step; edits with the same `coalesce` key merge until `seal()`. */
  function apply(next: Project, label: string, coalesce?: string): void {
    if (history.value === null) return;
    history.value = record(history.value, next, coalesce === undefined ? { label } : { label, coalesce });
  }

  function seal(): void {
    if (history.value !== null) history.value = sealHistory(history.value);
  }

  /** Takes back the running step recorded with `coalesce`, leaving no undo or redo of it. */
  function withdraw(coalesce: string): void {
    if (history.value !== null) history.value = withdrawHistory(history.value, coalesce);
  }

  function undo(): void {
    if (history.value !== null && canUndo(history.value)) history.value = undoHistory(history.value);
  }

  function redo(): void {
    if (history.value !== null && canRedo(history.value)) history.value = redoHistory(history.value);
  }

  async function saveTo(
    target: string,
    asNew: boolean,
    overwrite = false,
  ): Promise<'saved' | 'exists' | 'failed'> {
    const current = project.value;
    if (current === null || docId.value === null || saving.value) return 'failed';
    saving.value = true;
    try {
      // A backup still on its way would land after the save removed the backups, and the start
      // screen would offer to recover work that is saved: let it land first.
      cancelBackup();
      await backupInFlight;
      const result = asNew
        ? await host.saveProjectAs({ docId: docId.value, path: target, project: current, overwrite })
        : await host.saveProject({ docId: docId.value, path: target, project: current });
      if (!result.ok) {
        if (result.error.kind === 'exists') return 'exists';
        notices.show('error', result.error.message);
        return 'failed';
      }
      cancelBackup();
      path.value = result.path;
      savedProject.value = current;
      notices.show('success', `Saved “${fileName.value ?? 'project'}”.`);
      return 'saved';
    } finally {
      saving.value = false;
      // An edit made while saving waited for the save: back it up now.
      if (dirty.value && backupTimer === null)
        backupTimer = setTimeout(() => void backupNow(), BACKUP_DELAY_MS);
    }
  }

  /** Saves over the document's file; false when it has none yet (the caller asks where: Save As). */
  async function save(): Promise<boolean> {
    if (path.value === null) return false;
    await saveTo(path.value, false);
    return true;
  }

  // Unsaved work is backed up a moment after each edit, so a crash loses at most that moment.
  let backupTimer: ReturnType<typeof setTimeout> | null = null;
  /** The project the last backup holds, so leaving right after a backup does not write it again. */
  const backedUpProject = shallowRef<Project | null>(null);
  function cancelBackup(): void {
    if (backupTimer !== null) clearTimeout(backupTimer);
    backupTimer = null;
  }
  /** The backup being written, if any (a save waits for it). */
  let backupInFlight: Promise<unknown> | null = null;
  async function backupNow(): Promise<void> {
    backupTimer = null;
    const current = project.value;
    // During a save no backup starts: the save removes them, and an edit made meanwhile backs up after.
    if (current === null || docId.value === null || !dirty.value || saving.value) return;
    const writing = host.writeRecovery({ docId: docId.value, project: current, path: path.value });
    backupInFlight = writing.catch(() => undefined);
    const result = await writing;
    if (result.ok) {
      backedUpAt.value = result.savedAt;
      backedUpProject.value = current;
    } else notices.show('warning', result.error.message);
  }
  watch(project, () => {
    cancelBackup();
    if (dirty.value) backupTimer = setTimeout(() => void backupNow(), BACKUP_DELAY_MS);
  });

  /** Writes the pending backup now (before leaving the document, so nothing is lost). */
  async function flushBackup(): Promise<void> {
    cancelBackup();
    if (dirty.value && backedUpProject.value !== project.value) await backupNow();
  }

  /** Leaves the document without saving: its backup is removed too. */
  async function discard(): Promise<void> {
    const id = docId.value;
    close();
    if (id !== null) await host.discardRecovery({ id });
  }

  return {
    docId,
    path,
    history,
    project,
    isOpen,
    dirty,
    fileName,
    backedUpAt,
    /** Whether the last backup holds the edits on screen (the status must not claim more). */
    backupIsCurrent: computed(
      () => backedUpProject.value !== null && backedUpProject.value === project.value,
    ),
    saving,
    canUndo: canUndoNow,
    canRedo: canRedoNow,
    undoText,
    redoText,
    open,
    close,
    discard,
    flushBackup,
    apply,
    seal,
    withdraw,
    undo,
    redo,
    save,
    saveTo,
  };
});
