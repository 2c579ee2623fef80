import type { Project } from '../schema';

/** One problem found in a document, at a path written like `scenes[0].elements[2].width`. */
export interface Problem {
  path: string;
  message: string;
}

/** Something the loader fixed (or kept but wants the creator to know about). Shown as a warning. */
export interface Repair {
  path: string;
  message: string;
}

export type LoadError =
  | { kind: 'not-json'; message: string; detail: string }
  | { kind: 'not-a-project'; message: string; detail: string }
  | { kind: 'newer-version'; message: string; fileVersion: number; supportedVersion: number }
  | { kind: 'invalid'; message: string; problems: Problem[] }
  | { kind: 'migration-failed'; message: string; fromVersion: number; toVersion: number; detail: string };

export type LoadErrorKind = LoadError['kind'];

export type LoadResult =
  | {
      ok: true;
      project: Project;
      /** The file's version when migrations ran, otherwise null. */
      migratedFrom: number | null;
      repairs: Repair[];
    }
  | { ok: false; error: LoadError };

export interface LoadOptions {
  /**
   * Ids of the asset files that really exist (in the container). When given, a reference to an
   * id outside this set is reported as missing even if the document lists it.
   */
  availableAssets?: ReadonlySet<string>;
}

/** The creator-facing sentence for "this is not our file" errors; the host adds the file name. */
export function notAProjectMessage(detail: string): string {
  return `This is not a Kindness Studio project, or it is damaged: ${detail}. Nothing was changed.`;
}
