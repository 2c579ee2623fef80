/**
 * The shell's security rules as plain data and pure functions (no `electron` import), so they
 * are unit-tested in Node. Electron's security checklist: a custom privileged scheme instead of
 * `file://`, a strict Content-Security-Policy, no navigation away from the app, IPC only from
 * our own frames.
 */

/** The studio's pages and project pictures are served as `kindness://app/...`. */
export const APP_SCHEME = 'kindness';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * During `npm run dev` the page comes from electron-vite's dev server (a loopback http URL);
 * that origin is trusted then and only then. Null in a built app.
 */
export type DevServerOrigin = string | null;

/** The dev server origin from ELECTRON_RENDERER_URL, accepted only on loopback over http. */
export function devServerOriginFrom(rendererUrl: string | undefined, isPackaged: boolean): DevServerOrigin {
  if (isPackaged || rendererUrl === undefined || rendererUrl === '') return null;
  const url = parseUrl(rendererUrl);
  if (url === null || url.protocol !== 'http:') return null;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') return null;
  return url.origin;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The directives shared by the built app and the dev server. */
function directives(devOrigin: DevServerOrigin): string[] {
  // The dev server's hot reload talks over a WebSocket to the same host and port; its page
  // is not on the app scheme, so project pictures (kindness://app/project-assets) are named.
  const devSocket = devOrigin === null ? '' : ` ${devOrigin.replace(/^http:/, 'ws:')}`;
  const appFromDev = devOrigin === null ? '' : ` ${APP_ORIGIN}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Vue and Konva set inline style attributes (positions, sizes, cursors).
    "style-src 'self' 'unsafe-inline'",
    // Pictures of a project, thumbnails drawn to blobs, small icons Vite inlines as data: URLs.
    `img-src 'self' blob: data:${appFromDev}`,
    "font-src 'self' data:",
    `media-src 'self' blob:${appFromDev}`,
    `connect-src 'self'${devSocket}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
}

/** The Content-Security-Policy sent with every response of the app scheme. */
export function contentSecurityPolicy(devOrigin: DevServerOrigin = null): string {
  return directives(devOrigin).join('; ');
}

/** Headers every `kindness://` response carries, whatever its type. */
export function securityHeaders(devOrigin: DevServerOrigin = null): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(devOrigin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** True for a URL of the app itself: `kindness://app/...`, or the dev server during `npm run dev`. */
export function isAppUrl(url: string, devOrigin: DevServerOrigin = null): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  // Non-special schemes have an opaque origin in WHATWG URLs, so compare scheme, host and port.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return devOrigin !== null && parsed.origin === devOrigin;
}

/**
 * Whether an IPC message may be answered: it must come from a frame showing our app (not an
 * iframe of something else, not a page the window was somehow navigated to). `senderUrl` is
 * `event.senderFrame.url`; a missing frame (destroyed, navigated) is never trusted.
 */
export function isTrustedSender(
  senderUrl: string | null | undefined,
  devOrigin: DevServerOrigin = null,
): boolean {
  return typeof senderUrl === 'string' && isAppUrl(senderUrl, devOrigin);
}

/** Navigation inside the window is allowed only within the app (a reload); everything else is blocked. */
export function isAllowedNavigation(url: string, devOrigin: DevServerOrigin = null): boolean {
  return isAppUrl(url, devOrigin);
}

/** Links the studio may hand to the system browser (help pages, safety resources): https only. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}
