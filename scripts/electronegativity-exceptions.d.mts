/** One justified exception to Electronegativity findings in the built app (see the .mjs). */
export interface ScanException {
  name: string;
  checks: string[];
  /** The built file, relative to the build folder (main/index.js). */
  file: string;
  reason: string;
  /** Whether the reason still holds for the finding at `line` of the built file's `source`. */
  holds(finding: { source: string; line: number }): boolean;
}
export const EXCEPTIONS: ScanException[];
/** The lines from 1-based `line` to the `});` that closes the call opened there. */
export function callAt(source: string, line: number): string;
/** The text of the top-level `function name(...) {...}`, or ''. */
export function functionText(source: string, name: string): string;
/** The exception covering a finding, or undefined. */
export function exceptionFor(finding: {
  id: string;
  file: string;
  line: number;
  source: string;
}): ScanException | undefined;
