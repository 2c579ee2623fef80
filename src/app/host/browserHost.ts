import { createHostClient, type Host, type Transport } from '../../host/contract';
import { FOLLOWS_HEADER, PAGE_HEADER } from './pagePresence';

/** Matches the web server's TOKEN_HEADER (the app may not import the server). */
const TOKEN_HEADER = 'x-kindness-token';

/**
 * The host reached over HTTP from a browser: `POST /api/<channel>` with the per-run token, and
 * this page load's id and the page it follows in its tab (see pagePresence.ts), so the host ties
 * the documents it opens to this page and closes those the page before left open.
 */
export function createBrowserHost(
  token: string,
  base = '',
  page: { pageId: string; follows: string | null } | null = null,
): Host {
  const pageHeaders: Record<string, string> =
    page === null
      ? {}
      : {
          [PAGE_HEADER]: page.pageId,
          ...(page.follows === null ? {} : { [FOLLOWS_HEADER]: page.follows }),
        };
  const transport: Transport = async (channel, request) => {
    const response = await fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...pageHeaders },
      body: JSON.stringify(request),
    });
    // Errors come back as results in the body, whatever the status.
    return response.json();
  };
  return createHostClient(transport);
}
