import { CURRENT_VERSION, ProjectSchema, type Project } from '../schema';
import { checkNestingDepth } from './depth';
import { checkEnvelope } from './envelope';
import { parseJsonText } from './json';
import { MigrationFailedError, runMigrations } from './migrations';
import { cloneJsonLike, type PlainObject } from './plain';
import { formatProblems, problemsFromIssues } from './problems';
import { clampOutOfRange, repairProject } from './repair';
import {
  notAProjectMessage,
  type LoadError,
  type LoadOptions,
  type LoadResult,
  type Problem,
  type Repair,
} from './types';

const PROBLEMS_IN_MESSAGE = 3;

function invalid(problems: Problem[]): { ok: false; error: LoadError } {
  const count = problems.length;
  const shown = formatProblems(problems.slice(0, PROBLEMS_IN_MESSAGE)).replaceAll('\n', '; ');
  const more = count > PROBLEMS_IN_MESSAGE ? `; and ${count - PROBLEMS_IN_MESSAGE} more` : '';
  return {
    ok: false,
    error: {
      kind: 'invalid',
      problems,
      message:
        `This project has ${count === 1 ? 'a problem' : `${count} problems`} that could not be repaired, ` +
        `so it was not opened: ${shown}${more}. The file was not changed.`,
    },
  };
}

/**
 * Turns a project file's text (or its parsed value) into a valid Project: check the envelope,
 * refuse newer versions, migrate older ones, repair what is safe to repair, and validate.
 * Never throws and never mutates `input`; every failure comes back as a typed error.
 */
export function loadProject(input: string | unknown, options: LoadOptions = {}): LoadResult {
  try {
    return load(input, options);
  } catch (error) {
    // Nothing should get here (deep nesting is refused above); a last line of defence.
    const reason = error instanceof Error ? error.message : String(error);
    return invalid([{ path: '(document)', message: `could not be read: ${reason}` }]);
  }
}

function load(input: unknown, options: LoadOptions): LoadResult {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) {
      return {
        ok: false,
        error: { kind: 'not-json', detail: parsed.detail, message: notAProjectMessage(parsed.detail) },
      };
    }
    value = parsed.value;
  }

  const envelope = checkEnvelope(value);
  if (!envelope.ok) return envelope;
  const tooDeep = checkNestingDepth(envelope.doc);
  if (tooDeep !== null) return invalid([tooDeep]);

  let doc = cloneJsonLike(envelope.doc) as PlainObject;
  let migratedFrom: number | null = null;
  if (envelope.version < CURRENT_VERSION) {
    try {
      doc = runMigrations(doc, envelope.version).doc;
    } catch (error) {
      if (error instanceof MigrationFailedError) return { ok: false, error: error.failure };
      throw error;
    }
    migratedFrom = envelope.version;
  }

  // Out-of-range numbers are repaired on the raw document, guided by the schema's own issues;
  // then the strict parse fills defaults and reports everything that is still wrong.
  const repairs: Repair[] = [];
  let parsed = ProjectSchema.safeParse(doc);
  if (!parsed.success) {
    const clamped = clampOutOfRange(doc, parsed.error.issues);
    if (clamped.length > 0) {
      repairs.push(...clamped);
      parsed = ProjectSchema.safeParse(doc);
    }
  }
  if (!parsed.success) return invalid(problemsFromIssues(parsed.error.issues, doc));

  const project: Project = parsed.data;
  repairs.push(...repairProject(project, options));

  // The repairs work on typed data and should keep it valid; check, so a bug there can never
  // hand the editor a document the schema rejects.
  const final = ProjectSchema.safeParse(project);
  if (!final.success) return invalid(problemsFromIssues(final.error.issues, project));
  return { ok: true, project: final.data, migratedFrom, repairs };
}
