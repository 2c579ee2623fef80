import { describe, expect, it } from 'vitest';
import { CloseGuard, closeChoiceOf, unsavedChangesPrompt } from '../../../electron/main/closeGuard';

const clean = { dirty: false, title: 'Be the Reason', path: '/p/a.kindness', docId: 'doc_123' };
const dirty = { ...clean, dirty: true };

describe('closing the window with unsaved changes', () => {
  it('closes at once when everything is saved', () => {
    const guard = new CloseGuard();
    expect(guard.onCloseRequested()).toBe('close');
    guard.onDocumentState(clean);
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('asks first when there are unsaved changes; Cancel keeps the window', () => {
    const guard = new CloseGuard();
    guard.onDocumentState(dirty);
    expect(guard.onCloseRequested()).toBe('prompt');
    expect(guard.onChoice('cancel')).toBe('stay');
    expect(guard.onCloseRequested()).toBe('prompt');
  });

  it('Don’t Save closes without asking again', () => {
    const guard = new CloseGuard();
    guard.onDocumentState(dirty);
    expect(guard.onChoice('discard')).toBe('close');
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('Save closes once the page reports the document saved', () => {
    const guard = new CloseGuard();
    guard.onDocumentState(dirty);
    expect(guard.onChoice('save')).toBe('save-then-close');
    expect(guard.onDocumentState(clean)).toBe('close');
    expect(guard.onCloseRequested()).toBe('close');
  });

  it('a failed or cancelled save keeps the window open and asks again next time', () => {
    const guard = new CloseGuard();
    guard.onDocumentState(dirty);
    guard.onChoice('save');
    expect(guard.onDocumentState(dirty)).toBe('stay');
    expect(guard.onCloseRequested()).toBe('prompt');
    // A later, unrelated save does not close the window by surprise.
    expect(guard.onDocumentState(clean)).toBe('stay');
  });

  it('names the project in the prompt, with Save, Don’t Save and Cancel', () => {
    const prompt = unsavedChangesPrompt('Be the Reason');
    expect(prompt.message).toContain('Be the Reason');
    expect(prompt.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(closeChoiceOf(prompt.defaultId)).toBe('save');
    expect(closeChoiceOf(1)).toBe('discard');
    expect(closeChoiceOf(prompt.cancelId)).toBe('cancel');
    expect(unsavedChangesPrompt('').message).toContain('this project');
  });
});
