/** Match the web server's headers and path (the app may not import the server). */
export const PAGE_HEADER = 'x-kindness-page';
export const FOLLOWS_HEADER = 'x-kindness-follows';
const BYE_PATH = '/page-gone';
const PAGE_KEY = 'kindness-studio-page';
const ENDED_KEY = 'kindness-studio-page-ended';

/**
 * This page load's id, and the page it follows in this tab: the one before it, when that one
 * ended (a reload), told by the tab's sessionStorage. A duplicated tab starts with a copy of the
 * storage of a page that has not ended, so it follows nothing and closes nothing of that page.
 */
export function pageIdentity(storage: Storage): { pageId: string; follows: string | null } {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const pageId = btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
  const previous = storage.getItem(PAGE_KEY);
  const follows = previous !== null && storage.getItem(ENDED_KEY) === previous ? previous : null;
  storage.setItem(PAGE_KEY, pageId);
  storage.removeItem(ENDED_KEY);
  return { pageId, follows };
}

/**
 * When the page goes away for good (a reload, a closed tab; not when it is only put in the
 * back-forward cache), it notes that in the tab's storage and tells the web host with a beacon
 * (sent by the browser after the page is gone; the token goes in the body, a beacon has no
 * headers), so the host closes the documents the page left open.
 */
export function sayGoodbyeOnPageEnd(
  target: Pick<Window, 'addEventListener'>,
  storage: Storage,
  sendBeacon: (url: string, body: Blob) => boolean,
  page: { token: string; pageId: string; base?: string },
): void {
  target.addEventListener('pagehide', (event) => {
    if ((event as PageTransitionEvent).persisted) return;
    storage.setItem(ENDED_KEY, page.pageId);
    const body = new Blob([JSON.stringify({ token: page.token, pageId: page.pageId })], {
      type: 'text/plain',
    });
    sendBeacon(`${page.base ?? ''}${BYE_PATH}`, body);
  });
}
