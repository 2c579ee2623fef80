import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/** Project pictures are served under this path: `kindness://app/project-assets/<docId>/<assetId>`. */
export const PROJECT_ASSETS_PATH = '/project-assets/';

/** What a `kindness://` request asks for. */
export type AppRequest =
  | { kind: 'file'; path: string }
  | { kind: 'project-asset'; docId: string; assetId: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405 };

/**
 * Maps a request of the app scheme to a file of the built UI in `root` or a project asset.
 * Only GET and HEAD of `kindness://app/...` are served; paths that climb out of `root` are refused.
 */
export function resolveAppRequest(root: string, method: string, url: string): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { kind: 'refused', status: 403 };

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { kind: 'refused', status: 400 };

  if (path.startsWith(PROJECT_ASSETS_PATH)) {
    const [docId, assetId, ...rest] = path.slice(PROJECT_ASSETS_PATH.length).split('/');
    // The contract's schemas check the ids again; this only keeps odd paths out early.
    if (docId === undefined || assetId === undefined || rest.length > 0)
      return { kind: 'refused', status: 404 };
    if (!/^[A-Za-z0-9_-]{6,64}$/.test(docId) || !/^[0-9a-f]{64}$/.test(assetId)) {
      return { kind: 'refused', status: 404 };
    }
    return { kind: 'project-asset', docId, assetId };
  }

  const wanted = path === '/' || path === '' ? 'index.html' : normalize(path).replace(/^[/\\]+/, '');
  const file = join(root, wanted);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { kind: 'refused', status: 404 };
  }
  return { kind: 'file', path: file };
}
