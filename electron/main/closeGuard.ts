import type { DocumentState } from '../../src/host/contract/events';

/** The native prompt for unsaved changes on close; button order matches `CloseChoice`. */
export function unsavedChangesPrompt(title: string) {
  const name = title.trim() === '' ? 'this project' : `“${title.trim()}”`;
  return {
    type: 'warning' as const,
    title: 'Unsaved changes',
    message: `Do you want to save the changes to ${name}?`,
    detail: 'If you close without saving, your changes since the last save are lost.',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The choice for the index `dialog.showMessageBox` returns (Escape gives `cancelId`). */
export function closeChoiceOf(response: number): CloseChoice {
  if (response === 0) return 'save';
  if (response === 1) return 'discard';
  return 'cancel';
}

/** What the window should do next. */
export type CloseStep = 'close' | 'prompt' | 'stay' | 'save-then-close';

/**
 * Decides, without Electron, what closing the window does: close at once when nothing is
 * unsaved, otherwise ask; "Save" asks the page to save and closes once it reports a clean
 * document (a failed or cancelled save keeps the window open).
 */
export class CloseGuard {
  private state: DocumentState = { dirty: false, title: '', path: null, docId: null };
  private closeAllowed = false;
  private waitingForSave = false;

  get document(): DocumentState {
    return this.state;
  }

  /** The window's close was requested (close button, Quit, Cmd+W). */
  onCloseRequested(): CloseStep {
    if (this.closeAllowed || !this.state.dirty) return 'close';
    return 'prompt';
  }

  onChoice(choice: CloseChoice): CloseStep {
    if (choice === 'cancel') return 'stay';
    if (choice === 'discard') {
      this.closeAllowed = true;
      return 'close';
    }
    this.waitingForSave = true;
    return 'save-then-close';
  }

  /** The page reported its document; answers 'close' when a save chosen on close has succeeded. */
  onDocumentState(state: DocumentState): CloseStep {
    this.state = state;
    if (!this.waitingForSave) return 'stay';
    this.waitingForSave = false;
    if (state.dirty) return 'stay';
    this.closeAllowed = true;
    return 'close';
  }
}
