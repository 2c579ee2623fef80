import { app, session, shell, type Session, type WebContents } from 'electron';
import { allowPermission, type MicrophoneRequests } from './microphone';
import { isAllowedNavigation, isSafeExternalUrl, type DevServerOrigin } from './security';

/**
 * Electron's security checklist, applied to every web contents the app ever creates: no
 * navigation away from the app, no new windows (https links go to the system browser), no
 * <webview>, and every permission request denied but the microphone for Record voice.
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

/**
 * Denies every permission request and check, except the microphone (sound only) for the
 * studio's own page right after the creator pressed Record voice (`allowPermission`).
 * Without `microphone`, everything is denied.
 */
export function denyPermissions(
  target: Session = session.defaultSession,
  microphone: { requests: MicrophoneRequests; devOrigin: DevServerOrigin } | null = null,
): void {
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    if (microphone === null || contents == null) return callback(false);
    const mediaTypes = details && 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      allowPermission({
        permission,
        requestingUrl: details?.requestingUrl,
        mediaTypes,
        recordingRequested: microphone.requests.isRequested(contents.id, Date.now()),
        devOrigin: microphone.devOrigin,
      }),
    );
  });
  target.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    if (microphone === null || contents == null) return false;
    const mediaType = details && 'mediaType' in details ? details.mediaType : undefined;
    return allowPermission({
      permission,
      requestingUrl: requestingOrigin,
      mediaTypes: mediaType === undefined ? undefined : [mediaType],
      recordingRequested: microphone.requests.isRequested(contents.id, Date.now()),
      devOrigin: microphone.devOrigin,
    });
  });
  target.setDevicePermissionHandler(() => false);
}
