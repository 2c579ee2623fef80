import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import type { Dispatch } from '../../src/host/contract';
import { contentTypeOf } from '../../src/host/node/contentTypes';
import { resolveAppRequest } from './appRequests';
import { APP_SCHEME, securityHeaders, type DevServerOrigin } from './security';

/**
 * Declares the app scheme before the app is ready (Electron requires it then). `standard` and
 * `secure` give `kindness://app` a real origin, so 'self' in the CSP and fetch work as on https.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
    },
  ]);
}

export interface ServeAppOptions {
  /** The built renderer (index.html and assets/). */
  root: string;
  /** The host dispatcher, for project pictures (`readAsset`). */
  dispatch: Dispatch;
  devOrigin: DevServerOrigin;
}

function respond(status: number, body: BodyInit | null, type: string, devOrigin: DevServerOrigin): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': type, 'cache-control': 'no-store', ...securityHeaders(devOrigin) },
  });
}

/** Serves the studio and its project pictures as `kindness://app/...`, with the CSP on every response. */
export function serveApp(target: Session, options: ServeAppOptions): void {
  const { root, dispatch, devOrigin } = options;
  target.protocol.handle(APP_SCHEME, async (request) => {
    const wanted = resolveAppRequest(root, request.method, request.url);
    const text = 'text/plain; charset=utf-8';
    if (wanted.kind === 'refused') return respond(wanted.status, 'Not available', text, devOrigin);
    if (wanted.kind === 'project-asset') {
      const answer = (await dispatch('readAsset', { docId: wanted.docId, assetId: wanted.assetId })) as
        { ok: true; mime: string; data: string } | { ok: false };
      if (!answer.ok) return respond(404, 'This picture is not part of an open project', text, devOrigin);
      return respond(200, Buffer.from(answer.data, 'base64'), answer.mime, devOrigin);
    }
    try {
      const body = await readFile(wanted.path);
      return respond(200, request.method === 'HEAD' ? null : body, contentTypeOf(wanted.path), devOrigin);
    } catch {
      return respond(404, 'Not found', text, devOrigin);
    }
  });
}
