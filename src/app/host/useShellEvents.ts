import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { ShellEvent } from '../../host/contract';
import { runCommand } from '../commands/run';
import { useShell } from './shell';
import { syncShellMenu } from './shellMenu';
import { useDocument } from '../state/document';
import { useFiles } from '../features/files/stores/files';

/**
 * Connects the desktop shell (when there is one): its menu commands and file events run the
 * same actions as the page's buttons, and the shell always knows whether there are unsaved
 * changes (title bar, prompt on close). In a browser this does nothing.
 */
export function useShellEvents(): void {
  const shell = useShell();
  if (shell === null) return;
  const documentStore = useDocument();
  const files = useFiles();

  async function onEvent(event: ShellEvent): Promise<void> {
    switch (event.type) {
      case 'menu':
        runCommand(event.command, 'shell');
        return;
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
  let stopMenu: (() => void) | null = null;
  onMounted(() => {
    stop = shell.onEvent((event) => void onEvent(event));
    stopMenu = syncShellMenu(shell);
  });
  onBeforeUnmount(() => {
    stop?.();
    stopMenu?.();
  });
  watch(
    () => [documentStore.dirty, documentStore.project?.title, documentStore.path, documentStore.docId],
    () => void reportState(),
    { immediate: true },
  );
}
