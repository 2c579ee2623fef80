import { createHostClient, type Host, type Transport } from '../../host/contract';

/** Matches the web server's TOKEN_HEADER (the app may not import the server). */
const TOKEN_HEADER = 'x-kindness-token';

/** The host reached over HTTP from a browser: `POST /api/<channel>` with the per-run token. */
export function createBrowserHost(token: string, base = ''): Host {
  const transport: Transport = async (channel, request) => {
    const response = await fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(request),
    });
    // Errors come back as results in the body, whatever the status.
    return response.json();
  };
  return createHostClient(transport);
}
