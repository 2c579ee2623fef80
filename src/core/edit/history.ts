import type { Project } from '../schema';

/**
 * Undo and redo over whole project snapshots. Commands share every untouched part of the
 * document, so a snapshot costs only what changed, and undo can never disagree with redo.
 */
export interface History {
  readonly past: readonly Entry[];
  readonly present: Project;
  /** What the present state's change was called, for "Undo <label>". */
  readonly presentLabel: string;
  readonly future: readonly Entry[];
  /** Edits with this key replace the present instead of adding a step (one drag = one undo). */
  readonly coalesceKey: string | null;
  readonly limit: number;
}

interface Entry {
  readonly project: Project;
  readonly label: string;
}

export const DEFAULT_HISTORY_LIMIT = 500;

export function createHistory(project: Project, limit = DEFAULT_HISTORY_LIMIT): History {
  return {
    past: [],
    present: project,
    presentLabel: '',
    future: [],
    coalesceKey: null,
    limit: Math.max(1, limit),
  };
}

export interface RecordOptions {
  /** Shown as "Undo <label>". */
  label: string;
  /**
   * Successive records with the same key merge into one step (dragging a slider or a card).
   * `seal()` ends the run, so the next drag starts a new step.
   */
  coalesce?: string;
}

/** Makes `project` the present. A project identical to the present is not a step. */
export function record(history: History, project: Project, options: RecordOptions): History {
  if (project === history.present) return history;
  const key = options.coalesce ?? null;
  if (key !== null && key === history.coalesceKey) {
    return { ...history, present: project, future: [] };
  }
  const past = [...history.past, { project: history.present, label: history.presentLabel }];
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, past, present: project, presentLabel: options.label, future: [], coalesceKey: key };
}

/** Ends a coalescing run (pointer released), so the next edit is its own step. */
export function seal(history: History): History {
  return history.coalesceKey === null ? history : { ...history, coalesceKey: null };
}

/**
 * Takes back the running step recorded with `coalesce` as if it never happened (no redo):
 * a new text left empty is not a step. Any other present is left alone.
 */
export function withdraw(history: History, coalesce: string): History {
  const previous = history.past[history.past.length - 1];
  if (history.coalesceKey !== coalesce || previous === undefined) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous.project,
    presentLabel: previous.label,
    future: [],
    coalesceKey: null,
  };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

/** The label of the step undo would revert, or null. */
export function undoLabel(history: History): string | null {
  return canUndo(history) ? history.presentLabel : null;
}

export function redoLabel(history: History): string | null {
  return history.future[0]?.label ?? null;
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous.project,
    presentLabel: previous.label,
    future: [{ project: history.present, label: history.presentLabel }, ...history.future],
    coalesceKey: null,
  };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (next === undefined) return history;
  return {
    ...history,
    past: [...history.past, { project: history.present, label: history.presentLabel }],
    present: next.project,
    presentLabel: next.label,
    future: history.future.slice(1),
    coalesceKey: null,
  };
}
