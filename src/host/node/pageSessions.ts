/**
 * Which open documents belong to which page, so a page that goes away without closing its
 * documents (a reload, a closed tab or window) does not keep them, and their assets, in the host
 * for good. The web host (src/web/server.ts) and the desktop shell (electron/main/windowPages.ts)
 * both use it; what follows is how the web host knows its pages.
 *
 * Every page load has an id of its own, sent with each request; a document belongs to every page
 * that opened it or named it in a request. A page is known to be gone in two ways, and its
 * documents are then closed, except those another page still holds:
 * - it says goodbye (a beacon sent when it is unloaded for good, not when it only goes into the
 *   back-forward cache);
 * - the next page in the same tab says it follows it (a reload: the tab's sessionStorage notes
 *   that the page before ended, so this works even when the goodbye was lost). A duplicated tab
 *   copies the storage of a page that has not ended, so it follows nothing.
 * A page that is still there is never judged by time or silence: an idle or frozen tab keeps its
 * documents. A page that never says goodbye and is never followed (its renderer crashed and the
 * tab was closed) keeps its documents until the host stops, as every page did before.
 */

/** A page load's id: random, URL-safe. */
export const PAGE_ID = /^[A-Za-z0-9_-]{16,64}$/;

export interface PageSessionsOptions {
  /** Closes a document in the host (its assets and spooled files go with it). */
  closeDocument: (docId: string) => Promise<void>;
}

export interface PageSessions {
  /** After a request of a page ran: the documents it opened, named or closed, and the page it follows. */
  noteRequest(
    page: { pageId: string; follows: string | null } | null,
    channel: string,
    request: unknown,
    result: unknown,
  ): void;
  /** The page said goodbye: it is gone. */
  gone(pageId: string): void;
  /** For tests and the log: pages holding documents, and the documents they hold. */
  counts(): { pages: number; documents: number };
}

export function createPageSessions(options: PageSessionsOptions): PageSessions {
  /** Page id -> its documents. */
  const pages = new Map<string, Set<string>>();
  /** Document id -> the pages holding it. */
  const holders = new Map<string, Set<string>>();
  /** Pages known to be gone (bounded: the oldest are forgotten), so a late request does not bring one back. */
  const ended = new Set<string>();

  function hold(pageId: string, docId: string): void {
    let docs = pages.get(pageId);
    if (docs === undefined) {
      docs = new Set();
      pages.set(pageId, docs);
    }
    docs.add(docId);
    let set = holders.get(docId);
    if (set === undefined) {
      set = new Set();
      holders.set(docId, set);
    }
    set.add(pageId);
  }

  function forgetDocument(docId: string): void {
    for (const pageId of holders.get(docId) ?? []) pages.get(pageId)?.delete(docId);
    holders.delete(docId);
  }

  /** The page is gone: its documents that no other page holds are closed. */
  function release(pageId: string): void {
    ended.add(pageId);
    if (ended.size > 10_000) ended.delete(ended.values().next().value as string);
    const docs = pages.get(pageId);
    pages.delete(pageId);
    for (const docId of docs ?? []) {
      const set = holders.get(docId);
      set?.delete(pageId);
      if (set !== undefined && set.size > 0) continue;
      holders.delete(docId);
      void options.closeDocument(docId).catch(() => undefined);
    }
  }

  return {
    noteRequest(page, channel, request, result) {
      if (page === null) return;
      if (isOk(result)) {
        if (channel === 'closeDocument') {
          const docId = field(request, 'docId');
          if (docId !== null) forgetDocument(docId);
        } else if (!ended.has(page.pageId)) {
          // First this page's hold, then the page before it let go: a document both hold stays.
          for (const docId of [field(result, 'docId'), field(request, 'docId')]) {
            if (docId !== null) hold(page.pageId, docId);
          }
        }
      }
      if (page.follows !== null && page.follows !== page.pageId && !ended.has(page.follows)) {
        release(page.follows);
      }
    },

    gone(pageId) {
      release(pageId);
    },

    counts() {
      return { pages: pages.size, documents: holders.size };
    },
  };
}

function isOk(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
}

function field(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : null;
}
