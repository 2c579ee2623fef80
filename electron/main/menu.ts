import { Menu, type BrowserWindow } from 'electron';
import type { CommandId, MenuItemData } from '../../src/host/contract';
import { buildMenuTemplate, type MenuActions, type NativeEdit } from './menuTemplate';

export interface StudioMenuOptions {
  appName: string;
  developer: boolean;
  /** The window menu commands go to (the studio has one). */
  window: () => BrowserWindow | null;
  send(command: CommandId): void;
  openRecent(path: string): void;
}

/** Installs the native menus; call again when the recent files or the page's commands change. */
export function installStudioMenu(
  options: StudioMenuOptions,
  recent: readonly { name: string; path: string }[],
  items: readonly MenuItemData[],
): void {
  const actions: MenuActions = {
    send: (command) => options.send(command),
    nativeEdit: (edit: NativeEdit) => {
      const contents = options.window()?.webContents;
      if (contents === undefined) return;
      // Applies to a focused text field only; elsewhere these do nothing and the page acts on the command.
      if (edit === 'undo') contents.undo();
      else if (edit === 'redo') contents.redo();
      else if (edit === 'cut') contents.cut();
      else if (edit === 'copy') contents.copy();
      else if (edit === 'paste') contents.paste();
      else contents.delete();
    },
    openRecent: (path) => options.openRecent(path),
  };
  const template = buildMenuTemplate(
    { platform: process.platform, appName: options.appName, recent, items, developer: options.developer },
    actions,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
