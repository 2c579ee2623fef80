import { isAbsolute, resolve } from 'node:path';

export const PROJECT_EXTENSION = '.kindness';

/** Files the native Open dialog offers: projects, and plain-JSON projects such as the samples. */
export const OPEN_DIALOG_FILTERS = [
  { name: 'Kindness Studio project', extensions: ['kindness', 'json'] },
] as const;
export const SAVE_DIALOG_FILTERS = [{ name: 'Kindness Studio project', extensions: ['kindness'] }] as const;

function isProjectFile(arg: string): boolean {
  const lower = arg.toLowerCase();
  return lower.endsWith(PROJECT_EXTENSION) || lower.endsWith(`${PROJECT_EXTENSION}.json`);
}

/**
 * The project a launch asks to open: the first project-file argument (a double-click in the
 * file manager, "Open with", or `kindness-studio my.kindness`). Switches (`--flag`) and
 * Electron's own arguments are ignored. Relative paths are taken from `cwd`.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-') || !isProjectFile(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** A save path with the project extension (some file dialogs let the creator leave it out). */
export function withProjectExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : `${path}${PROJECT_EXTENSION}`;
}

/** A file name for the Save dialog from the document's title, without characters file systems refuse. */
export function suggestedFileName(title: string): string {
  const cleaned = title
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return withProjectExtension(cleaned === '' ? 'Untitled' : cleaned);
}
