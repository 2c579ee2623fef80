import { CURRENT_VERSION, PROJECT_FORMAT } from '../schema';
import { describeValue, isPlainObject, type PlainObject } from './plain';
import { notAProjectMessage, type LoadError } from './types';

export type EnvelopeResult =
  { ok: true; doc: PlainObject; version: number } | { ok: false; error: LoadError };

function notAProject(detail: string): EnvelopeResult {
  return { ok: false, error: { kind: 'not-a-project', detail, message: notAProjectMessage(detail) } };
}

/** Checks `{ format: "kindness-studio", version: N }` before anything else looks at the document. */
export function checkEnvelope(value: unknown): EnvelopeResult {
  if (!isPlainObject(value)) {
    return notAProject(`it holds ${describeValue(value)} where a project document was expected`);
  }
  const { format, version } = value;
  if (format === undefined) return notAProject('it has no "format" field');
  if (format !== PROJECT_FORMAT) {
    return notAProject(`its format is ${describeValue(format)}, not "${PROJECT_FORMAT}"`);
  }
  if (version === undefined) return notAProject('it has no version number');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return notAProject(`its version (${describeValue(version)}) is not a version number`);
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      error: {
        kind: 'newer-version',
        fileVersion: version,
        supportedVersion: CURRENT_VERSION,
        message:
          `This project was made with a newer version of Kindness Studio (file version ${version}; ` +
          `this app reads up to ${CURRENT_VERSION}). Update Kindness Studio to open it. The file was not changed.`,
      },
    };
  }
  return { ok: true, doc: value, version };
}
