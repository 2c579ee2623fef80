/**
 * What went wrong with the microphone, in words a creator understands. getUserMedia rejects
 * with a DOMException whose name says why (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia).
 */
export type MicProblem = 'none-found' | 'refused' | 'busy' | 'unsupported' | 'other';

export const MIC_MESSAGES: Readonly<Record<MicProblem, string>> = {
  'none-found':
    'No microphone found. Plug one in (or turn it on in your system’s sound settings) and press Record voice again.',
  refused:
    'The studio was not allowed to use the microphone. Allow the microphone for Kindness Studio in your browser or system settings, then press Record voice again.',
  busy: 'The microphone is busy or could not be started: another app may be using it. Close that app, or pick another microphone in your system’s sound settings, and try again.',
  unsupported: 'Recording is not available here: this browser gives the studio no access to a microphone.',
  other: 'The microphone could not be started. Check that it is connected and try again.',
};

function nameOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return '';
}

export function micProblem(error: unknown): MicProblem {
  switch (nameOf(error)) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'none-found';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'refused';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

export function micMessage(error: unknown): string {
  return MIC_MESSAGES[micProblem(error)];
}
