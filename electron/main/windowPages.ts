import type { PageSessions } from '../../src/host/node/pageSessions';

/** The part of a window's WebContents this needs: its id and its navigation and end events. */
export interface PageContents {
  readonly id: number;
  on(
    event: 'did-start-navigation',
    listener: (details: { isMainFrame: boolean; isSameDocument: boolean }) => void,
  ): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface WindowPages {
  /** After a host request from `sender` ran: the documents it opened or named belong to that window's page. */
  noteRequest(sender: unknown, channel: string, request: unknown, result: unknown): void;
}

/**
 * Ties the documents a window opens to the page loaded in it, as the web host does for its tabs
 * (src/host/node/pageSessions.ts): when the window reloads or closes without closing them, they
 * are closed, and their assets and spooled files freed, unless another window still holds them.
 * Each load of a window's page is a page of its own (`window-<id>-<load>`).
 */
export function createWindowPages(pages: PageSessions): WindowPages {
  const loads = new Map<number, number>();
  const pageOf = (id: number) => `window-${id}-${loads.get(id) ?? 0}`;

  function watch(contents: PageContents): void {
    if (loads.has(contents.id)) return;
    const id = contents.id;
    loads.set(id, 0);
    contents.on('did-start-navigation', (details) => {
      if (!details.isMainFrame || details.isSameDocument) return;
      pages.gone(pageOf(id));
      loads.set(id, (loads.get(id) ?? 0) + 1);
    });
    contents.once('destroyed', () => {
      pages.gone(pageOf(id));
      loads.delete(id);
    });
  }

  return {
    noteRequest(sender, channel, request, result) {
      if (!isPageContents(sender)) return;
      watch(sender);
      pages.noteRequest({ pageId: pageOf(sender.id), follows: null }, channel, request, result);
    },
  };
}

function isPageContents(value: unknown): value is PageContents {
  if (typeof value !== 'object' || value === null) return false;
  const contents = value as Partial<Record<'id' | 'on' | 'once', unknown>>;
  return (
    typeof contents.id === 'number' &&
    typeof contents.on === 'function' &&
    typeof contents.once === 'function'
  );
}
