import { isAppUrl, type DevServerOrigin } from './security';

/**
 * Who may use the microphone, as pure functions (no `electron` import) so the rule is
 * unit-tested in Node: only the studio's own page, only for sound (never the camera or the
 * screen), and only in the moments after the creator pressed Record voice. Every other
 * permission (camera, notifications, location, clipboard, MIDI…) stays refused.
 */

/** How long a press of Record voice opens the door: enough for the system's own prompt. */
export const MICROPHONE_REQUEST_WINDOW_MS = 60_000;

export interface PermissionQuery {
  /** Electron's permission name ('media', 'notifications', …). */
  permission: string;
  /** The page asking: the request's `details.requestingUrl`, or a check's requesting origin. */
  requestingUrl: string | null | undefined;
  /** What a 'media' request wants (`details.mediaTypes`, or a check's one `details.mediaType`). */
  mediaTypes: readonly string[] | undefined;
  /** The creator pressed Record voice in this window a moment ago. */
  recordingRequested: boolean;
  devOrigin: DevServerOrigin;
}

export function allowPermission(query: PermissionQuery): boolean {
  if (query.permission !== 'media') return false;
  const types = query.mediaTypes ?? [];
  if (types.length === 0 || !types.every((type) => type === 'audio')) return false;
  if (typeof query.requestingUrl !== 'string' || !isAppUrl(query.requestingUrl, query.devOrigin)) {
    return false;
  }
  return query.recordingRequested;
}

/**
 * Presses of Record voice, per window (web contents id). The page reports one just before it
 * asks for the microphone; it counts for MICROPHONE_REQUEST_WINDOW_MS.
 */
export class MicrophoneRequests {
  private readonly until = new Map<number, number>();

  request(contentsId: number, now: number): void {
    this.until.set(contentsId, now + MICROPHONE_REQUEST_WINDOW_MS);
  }

  isRequested(contentsId: number | undefined, now: number): boolean {
    if (contentsId === undefined) return false;
    const until = this.until.get(contentsId);
    if (until === undefined) return false;
    if (now > until) {
      this.until.delete(contentsId);
      return false;
    }
    return true;
  }

  /** The window closed or navigated: its press no longer counts. */
  forget(contentsId: number): void {
    this.until.delete(contentsId);
  }
}
