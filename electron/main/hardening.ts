import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl, type DevServerOrigin } from './security';

/**
 * Electron's security checklist, applied to every web contents the app ever creates: no
 * navigation away from the app, no new windows (https links go to the system browser), no
 * <webview>, and every permission request (camera, microphone, notifications...) denied.
 */
export function hardenWebContents(devOrigin: DevServerOrigin): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const blockNavigation = (event: { url: string; preventDefault(): void }) => {
      if (!isAllowedNavigation(event.url, devOrigin)) {
        event.preventDefault();
        console.warn(`[security] blocked navigation to ${event.url}`);
      }
    };
    contents.on('will-navigate', blockNavigation);
    contents.on('will-frame-navigate', blockNavigation);
    contents.on('will-redirect', blockNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only plain https links reach the system browser (isSafeExternalUrl, unit-tested; the
      // Electronegativity exception for this line is in scripts/electronegativity-exceptions.mjs).
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Denies every permission request and check; the studio needs none. */
export function denyPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}
