import type { MenuItemConstructorOptions } from 'electron';
import { MENU_SHORTCUTS, type MenuCommand } from '../../src/host/contract/events';

/** Text edits Electron applies to a focused text field (`webContents.undo()` and so on). */
export type NativeEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete';

/** What the menu items do; the Electron wiring (menu.ts) supplies these, tests record them. */
export interface MenuActions {
  /** Sends a menu command to the page. */
  send(command: MenuCommand): void;
  /** Applies a text edit to the focused field, if any. */
  nativeEdit(edit: NativeEdit): void;
  /** Shows the native Open dialog. */
  chooseAndOpen(): void;
  /** Shows the native Save dialog. */
  chooseAndSaveAs(): void;
  openRecent(path: string): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly { name: string; path: string }[];
  /** Adds reload and developer tools (only in `npm run dev`). */
  developer: boolean;
}

/**
 * A menu item for a page command. The shortcut is shown but not registered with the system:
 * the page owns the keyboard, so a key press never runs a command twice (see MENU_SHORTCUTS).
 */
function commandItem(label: string, command: MenuCommand, click: () => void): MenuItemConstructorOptions {
  const accelerator = MENU_SHORTCUTS[command];
  return {
    id: command,
    label,
    ...(accelerator === null ? {} : { accelerator, registerAccelerator: false }),
    click,
  };
}

/** The native menus: File, Edit, View, Help (and the app menu on macOS). */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const edit = (nativeEdit: NativeEdit, command: MenuCommand) => () => {
    actions.nativeEdit(nativeEdit);
    actions.send(command);
  };

  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ id: 'file.recent.none', label: 'No Recent Projects', enabled: false }]
      : options.recent.map((file, index) => ({
          id: `file.recent.${index}`,
          label: file.name,
          sublabel: file.path,
          toolTip: file.path,
          click: () => actions.openRecent(file.path),
        }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      commandItem('New from Template…', 'file.newFromTemplate', send('file.newFromTemplate')),
      commandItem('Open…', 'file.open', () => actions.chooseAndOpen()),
      { id: 'file.recent', label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      commandItem('Save', 'file.save', send('file.save')),
      commandItem('Save As…', 'file.saveAs', () => actions.chooseAndSaveAs()),
      { type: 'separator' },
      commandItem('Export Video…', 'file.export', send('file.export')),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      commandItem('Undo', 'edit.undo', edit('undo', 'edit.undo')),
      commandItem('Redo', 'edit.redo', edit('redo', 'edit.redo')),
      { type: 'separator' },
      commandItem('Cut', 'edit.cut', edit('cut', 'edit.cut')),
      commandItem('Copy', 'edit.copy', edit('copy', 'edit.copy')),
      commandItem('Paste', 'edit.paste', edit('paste', 'edit.paste')),
      commandItem('Duplicate', 'edit.duplicate', send('edit.duplicate')),
      commandItem('Delete', 'edit.delete', edit('delete', 'edit.delete')),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      commandItem('Zoom In', 'view.zoomIn', send('view.zoomIn')),
      commandItem('Zoom Out', 'view.zoomOut', send('view.zoomOut')),
      commandItem('Zoom to Fit', 'view.zoomToFit', send('view.zoomToFit')),
      { type: 'separator' },
      commandItem('Safe Zones', 'view.toggleSafeZones', send('view.toggleSafeZones')),
      commandItem('Onion Skin', 'view.toggleOnionSkin', send('view.toggleOnionSkin')),
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Full Screen' },
      ...(options.developer
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [commandItem(`About ${options.appName}`, 'help.about', send('help.about'))],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, editMenu, view, help];
}
