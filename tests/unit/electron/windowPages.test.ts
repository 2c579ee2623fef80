import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createWindowPages } from '../../../electron/main/windowPages';
import { createPageSessions } from '../../../src/host/node/pageSessions';

/** A window's WebContents as far as windowPages uses it. */
class FakeContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
  navigate(isSameDocument = false): void {
    this.emit('did-start-navigation', { isMainFrame: true, isSameDocument });
  }
}

function setup() {
  const closed: string[] = [];
  const pages = createPageSessions({ closeDocument: async (docId) => void closed.push(docId) });
  const windows = createWindowPages(pages);
  const open = (sender: FakeContents, docId: string) =>
    windows.noteRequest(sender, 'openProject', { path: '/p' }, { ok: true, docId });
  return { closed, pages, windows, open };
}

describe('documents belong to the window page that opened them (issue 10)', () => {
  it('a reload or a closed window closes the documents it opened; a hash change does not', async () => {
    const { closed, pages, open } = setup();
    const one = new FakeContents(1);
    const two = new FakeContents(2);
    open(one, 'doc-a');
    open(two, 'doc-b');
    one.navigate(true);
    expect(closed).toEqual([]);
    one.navigate();
    await Promise.resolve();
    expect(closed).toEqual(['doc-a']);
    // The reloaded page opens its own; closing the window closes that one, never the other window's.
    open(one, 'doc-c');
    one.emit('destroyed');
    await Promise.resolve();
    expect(closed).toEqual(['doc-a', 'doc-c']);
    expect(pages.counts()).toEqual({ pages: 1, documents: 1 });
  });

  it('a document another window still uses stays open', async () => {
    const { closed, windows, open } = setup();
    const one = new FakeContents(1);
    const two = new FakeContents(2);
    open(one, 'doc-a');
    windows.noteRequest(two, 'saveProject', { docId: 'doc-a' }, { ok: true });
    one.emit('destroyed');
    await Promise.resolve();
    expect(closed).toEqual([]);
    two.navigate();
    await Promise.resolve();
    expect(closed).toEqual(['doc-a']);
  });

  it('a sender that is not a window (tests, odd callers) is left alone', () => {
    const { closed, windows } = setup();
    windows.noteRequest({}, 'openProject', {}, { ok: true, docId: 'doc-x' });
    expect(closed).toEqual([]);
  });
});
