import { dirname } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { OPEN_DIALOG_FILTERS, SAVE_DIALOG_FILTERS, withProjectExtension } from './projectPaths';

/** The native Open dialog for projects; the chosen path, or null if cancelled. */
export async function showOpenProjectDialog(
  window: BrowserWindow,
  defaultFolder: string,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open Project',
    defaultPath: defaultFolder,
    buttonLabel: 'Open',
    properties: ['openFile'],
    filters: OPEN_DIALOG_FILTERS.map((filter) => ({ ...filter, extensions: [...filter.extensions] })),
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export interface SaveLocation {
  path: string;
  /** The dialog asked about replacing this very path (not so if the extension had to be added). */
  replaceConfirmed: boolean;
}

/** The native Save dialog (it asks before replacing a file); the chosen `.kindness` path, or null. */
export async function showSaveProjectDialog(
  window: BrowserWindow,
  defaultPath: string,
): Promise<SaveLocation | null> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Save Project',
    defaultPath,
    buttonLabel: 'Save',
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    filters: SAVE_DIALOG_FILTERS.map((filter) => ({ ...filter, extensions: [...filter.extensions] })),
  });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  const path = withProjectExtension(result.filePath);
  return { path, replaceConfirmed: path === result.filePath };
}

/** The folder to start a dialog in: where the current file is, else the default projects folder. */
export function dialogFolder(currentPath: string | null, fallback: string): string {
  return currentPath === null ? fallback : dirname(currentPath);
}
