import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { MenuCommand, ShellEvent } from '../../host/contract';
import { useHost } from './useHost';
import { useShell } from './shell';
import { useCanvas } from '../features/canvas/stores/canvas';
import { useClipboard } from '../features/canvas/stores/clipboard';
import { useDocument } from '../state/document';
import { useExports } from '../features/export/stores/exports';
import { useDrawing } from '../features/canvas/stores/drawing';
import { useFiles } from '../features/files/stores/files';
import { useNotices } from '../state/notices';
import { useSelection } from '../features/canvas/stores/selection';
import { useStudio } from '../state/studio';

/** Text fields keep their own undo, cut, copy, paste and delete (the shell already applied them). */
function typingInField(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['range', 'color', 'checkbox', 'button'].includes(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

const TEXT_EDITS: ReadonlySet<MenuCommand> = new Set([
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.delete',
]);

/**
 * Connects the desktop shell (when there is one): its menu commands and file events run the
 * same actions as the page's buttons, and the shell always knows whether there are unsaved
 * changes (title bar, prompt on close). In a browser this does nothing.
 */
export function useShellEvents(): void {
  const shell = useShell();
  if (shell === null) return;
  const host = useHost();
  const documentStore = useDocument();
  const files = useFiles();
  const studio = useStudio();
  const notices = useNotices();
  const canvas = useCanvas();
  const clipboard = useClipboard();
  const exporter = useExports();
  const selection = useSelection();

  async function runMenu(command: MenuCommand): Promise<void> {
    if (TEXT_EDITS.has(command) && typingInField()) return;
    const sceneId = studio.selectedSceneId;
    switch (command) {
      case 'file.newFromTemplate':
        return files.goHome();
      case 'file.open':
        return files.showOpen();
      case 'file.save':
        return documentStore.isOpen ? files.save() : undefined;
      case 'file.export':
        exporter.open();
        return;
      case 'file.saveAs':
        return documentStore.isOpen ? files.showSaveAs() : undefined;
      case 'edit.undo':
        documentStore.undo();
        return;
      case 'edit.redo':
        documentStore.redo();
        return;
      case 'edit.copy':
        clipboard.copy();
        return;
      case 'edit.cut':
        clipboard.cut();
        return;
      case 'edit.paste':
        clipboard.paste();
        return;
      case 'edit.duplicate':
        if (selection.count > 0) selection.duplicate();
        else if (sceneId) studio.duplicateScene(sceneId);
        return;
      case 'edit.delete':
        if (selection.count > 0) selection.deleteAll();
        else if (sceneId) studio.deleteScene(sceneId);
        return;
      case 'view.zoomIn':
        canvas.zoomIn();
        return;
      case 'view.zoomOut':
        canvas.zoomOut();
        return;
      case 'view.zoomToFit':
        canvas.zoomToFit();
        return;
      case 'view.toggleSafeZones':
        canvas.toggleSafeZones();
        return;
      case 'view.toggleOnionSkin':
        useDrawing().toggleOnionSkin();
        return;
      case 'help.about': {
        const info = await host.appInfo({});
        notices.show('info', info.ok ? `Kindness Studio ${info.version}` : 'Kindness Studio');
        return;
      }
      default:
        // Export, clipboard and view commands arrive with the canvas editor and the exporter UI.
        notices.show('info', 'That is not available in this version of the studio yet.');
    }
  }

  async function onEvent(event: ShellEvent): Promise<void> {
    switch (event.type) {
      case 'menu':
        return runMenu(event.command);
      case 'open-project':
        await files.openFile(event.path);
        return;
      case 'save-as':
        if (documentStore.isOpen) await documentStore.saveTo(event.path, true, event.replaceConfirmed);
        return;
      case 'save-before-close':
        if (documentStore.isOpen) await files.save();
        await reportState();
        return;
    }
  }

  async function reportState(): Promise<void> {
    await shell?.setDocumentState({
      dirty: documentStore.dirty,
      title: documentStore.project?.title ?? '',
      path: documentStore.path,
      docId: documentStore.docId,
    });
  }

  let stop: (() => void) | null = null;
  onMounted(() => {
    stop = shell.onEvent((event) => void onEvent(event));
  });
  onBeforeUnmount(() => stop?.());
  watch(
    () => [documentStore.dirty, documentStore.project?.title, documentStore.path, documentStore.docId],
    () => void reportState(),
    { immediate: true },
  );
}
