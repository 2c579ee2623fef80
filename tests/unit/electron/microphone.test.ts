import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  MICROPHONE_REQUEST_WINDOW_MS,
  MicrophoneRequests,
  type PermissionQuery,
} from '../../../electron/main/microphone';

const asked: PermissionQuery = {
  permission: 'media',
  requestingUrl: 'kindness://app/index.html',
  mediaTypes: ['audio'],
  recordingRequested: true,
  devOrigin: null,
};

describe('the desktop app’s microphone permission', () => {
  it('allows the microphone to the studio’s own page after the creator pressed Record voice', () => {
    expect(allowPermission(asked)).toBe(true);
    // A permission check names the origin, not the page.
    expect(allowPermission({ ...asked, requestingUrl: 'kindness://app' })).toBe(true);
  });

  it('refuses it before Record voice was pressed', () => {
    expect(allowPermission({ ...asked, recordingRequested: false })).toBe(false);
  });

  it('refuses any other page, even after a press', () => {
    for (const url of [
      'https://example.com/',
      'file:///home/me/page.html',
      'kindness://other/index.html',
      'http://127.0.0.1:5173/',
      'kindness://user:pw@app/index.html',
      '',
      null,
      undefined,
    ]) {
      expect(allowPermission({ ...asked, requestingUrl: url }), String(url)).toBe(false);
    }
  });

  it('allows the dev server only during `npm run dev`', () => {
    const devOrigin = 'http://localhost:5173';
    expect(allowPermission({ ...asked, requestingUrl: 'http://localhost:5173/', devOrigin })).toBe(true);
    expect(allowPermission({ ...asked, requestingUrl: 'http://localhost:5173/' })).toBe(false);
  });

  it('refuses the camera, the screen and an unknown kind, alone or with the microphone', () => {
    for (const mediaTypes of [['video'], ['audio', 'video'], ['unknown'], [], undefined]) {
      expect(allowPermission({ ...asked, mediaTypes }), String(mediaTypes)).toBe(false);
    }
  });

  it('refuses every other permission, whatever was pressed', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'midiSysex',
      'display-capture',
      'openExternal',
      'fullscreen',
      'pointerLock',
    ]) {
      expect(allowPermission({ ...asked, permission }), permission).toBe(false);
    }
  });
});

describe('presses of Record voice', () => {
  it('count for their own window only, for a minute', () => {
    const requests = new MicrophoneRequests();
    expect(requests.isRequested(1, 0)).toBe(false);
    requests.request(1, 1000);
    expect(requests.isRequested(1, 1000)).toBe(true);
    expect(requests.isRequested(2, 1000)).toBe(false);
    expect(requests.isRequested(undefined, 1000)).toBe(false);
    expect(requests.isRequested(1, 1000 + MICROPHONE_REQUEST_WINDOW_MS)).toBe(true);
    expect(requests.isRequested(1, 1001 + MICROPHONE_REQUEST_WINDOW_MS)).toBe(false);
    // Once expired it stays expired.
    expect(requests.isRequested(1, 1000)).toBe(false);
    requests.request(3, 0);
    requests.forget(3);
    expect(requests.isRequested(3, 0)).toBe(false);
  });
});
