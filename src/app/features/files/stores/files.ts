import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Recovery, RecentFile, TemplateSummary } from '../../../../host/contract';
import { fileNameFor } from '../../../ui/format';
import { useShell } from '../../../host/shell';
import { useHost } from '../../../host/useHost';
import { useCanvas } from '../../canvas/stores/canvas';
import { useDocument, type OpenedDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { useStudio } from '../../../state/studio';

/**
 * Starting, opening and leaving documents, and what the start screen lists. Leaving a document
 * with unsaved edits never loses them: its backup is written first and offered on the start screen.
 */
export const useFiles = defineStore('files', () => {
  const host = useHost();
  const shell = useShell();
  const documentStore = useDocument();
  const studio = useStudio();
  const canvas = useCanvas();
  const notices = useNotices();

  const templates = ref<TemplateSummary[]>([]);
  const recoveries = ref<Recovery[]>([]);
  const recent = ref<RecentFile[]>([]);
  const busy = ref(false);

  async function refresh(): Promise<void> {
    const [t, r, f] = await Promise.all([
      host.listTemplates({}),
      host.listRecoveries({}),
      host.listRecent({}),
    ]);
    if (t.ok) templates.value = t.templates;
    else notices.show('error', t.error.message);
    if (r.ok) recoveries.value = r.recoveries;
    if (f.ok) recent.value = f.files;
  }

  async function leaveCurrent(): Promise<void> {
    if (!documentStore.isOpen) return;
    const unsaved = documentStore.dirty;
    await documentStore.flushBackup();
    documentStore.close();
    if (unsaved)
      notices.show('info', 'Your unsaved edits are kept under “Unsaved work” on the start screen.');
  }

  async function start(
    load: () => Promise<
      ({ ok: true } & OpenedDocument) | { ok: false; error: { message: string; detail?: string } }
    >,
    saved: boolean,
  ): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      const result = await load();
      if (!result.ok) {
        notices.show('error', result.error.message, result.error.detail);
        return false;
      }
      await leaveCurrent();
      documentStore.open(result, { saved });
      studio.reset();
      canvas.select(null);
      canvas.setTool('select');
      return true;
    } finally {
      busy.value = false;
    }
  }

  const newFromTemplate = (id: string) => start(() => host.loadTemplate({ id }), true);
  const openFile = (path: string) => start(() => host.openProject({ path }), true);
  // A recovered document has unsaved edits by definition: it starts dirty.
  const recover = (id: string) => start(() => host.takeRecovery({ id }), false);

  async function discardRecovery(id: string): Promise<void> {
    const result = await host.discardRecovery({ id });
    if (!result.ok) notices.show('error', result.error.message);
    recoveries.value = recoveries.value.filter((r) => r.id !== id);
  }

  async function goHome(): Promise<void> {
    await leaveCurrent();
    await refresh();
  }

  /** Asks which project to open: the desktop's native dialog, or the in-app one in a browser. */
  async function showOpen(): Promise<void> {
    if (shell === null) {
      studio.dialog = 'open';
      return;
    }
    const path = await shell.chooseProjectToOpen();
    if (path !== null) await openFile(path);
  }

  /** Asks where to save a copy: the native dialog, or the in-app one in a browser. */
  async function showSaveAs(): Promise<void> {
    if (shell === null) {
      studio.dialog = 'save';
      return;
    }
    const suggested = documentStore.fileName ?? fileNameFor(documentStore.project?.title ?? 'Untitled');
    const chosen = await shell.chooseSaveLocation(suggested);
    if (chosen !== null) await documentStore.saveTo(chosen.path, true, chosen.replaceConfirmed);
  }

  /** Save, or ask where when the document has no file yet. */
  async function save(): Promise<void> {
    if (!(await documentStore.save())) await showSaveAs();
  }

  return {
    templates,
    recoveries,
    recent,
    busy,
    refresh,
    newFromTemplate,
    openFile,
    recover,
    discardRecovery,
    goHome,
    save,
    showOpen,
    showSaveAs,
  };
});
