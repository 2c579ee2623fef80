import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId, MENU_NAMES, MenuItemData } from '../../src/host/contract/events';

/** Text edits Electron applies to a focused text field (`webContents.undo()` and so on). */
export type NativeEdit = NonNullable<MenuItemData['textEdit']>;

/** What the menu items do; the Electron wiring (menu.ts) supplies these, tests record them. */
export interface MenuActions {
  /** Sends a command to the page. */
  send(command: CommandId): void;
  /** Applies a text edit to the focused field, if any. */
  nativeEdit(edit: NativeEdit): void;
  openRecent(path: string): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly { name: string; path: string }[];
  /** The page's commands for the menus (empty until the page has reported them). */
  items: readonly MenuItemData[];
  /** Adds reload and developer tools (only in `npm run dev`). */
  developer: boolean;
}

const TITLES: Readonly<Record<(typeof MENU_NAMES)[number], string>> = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  help: '&Help',
};

/**
 * A menu item for a page command. The shortcut is shown but not registered with the system:
 * the page owns the keyboard, so a key press never runs a command twice.
 */
function commandItem(item: MenuItemData, actions: MenuActions): MenuItemConstructorOptions {
  return {
    id: item.id,
    label: item.label,
    enabled: item.enabled,
    ...(item.accelerator === null ? {} : { accelerator: item.accelerator, registerAccelerator: false }),
    click: () => {
      if (item.textEdit !== null) actions.nativeEdit(item.textEdit);
      actions.send(item.id);
    },
  };
}

/** One menu's items, in their groups with separators between. */
function menuItems(
  name: (typeof MENU_NAMES)[number],
  items: readonly MenuItemData[],
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const groups = [...new Set(items.filter((i) => i.menu === name).map((i) => i.group))].sort((a, b) => a - b);
  return groups.flatMap((group, index) => [
    ...(index > 0 ? [{ type: 'separator' } as const] : []),
    ...items.filter((i) => i.menu === name && i.group === group).map((i) => commandItem(i, actions)),
  ]);
}

/**
 * The native menus: File, Edit, View, Help (and the app menu on macOS), generated from the
 * page's command registry, plus what only the shell has: Open Recent, Quit, Full Screen and,
 * in development, reload and the developer tools.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
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
  const recent: MenuItemConstructorOptions = {
    id: 'file.recent',
    label: 'Open Recent',
    submenu: recentItems,
  };

  const fileItems = menuItems('file', options.items, actions);
  // Open Recent sits right after Open… (or first, before the page has reported its menus).
  const openAt = fileItems.findIndex((item) => item.id === 'file.open');
  fileItems.splice(openAt + 1, 0, recent);
  if (!mac) fileItems.push({ type: 'separator' }, { role: 'quit', label: 'Quit' });

  const viewItems = menuItems('view', options.items, actions);
  viewItems.push(
    ...(viewItems.length > 0 ? [{ type: 'separator' } as const] : []),
    { role: 'togglefullscreen', label: 'Full Screen' },
    ...(options.developer
      ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
      : []),
  );

  const menus: MenuItemConstructorOptions[] = [
    { label: TITLES.file, submenu: fileItems },
    { label: TITLES.edit, submenu: menuItems('edit', options.items, actions) },
    { label: TITLES.view, submenu: viewItems },
    { label: TITLES.help, role: 'help', submenu: menuItems('help', options.items, actions) },
  ];

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

  return [...appMenu, ...menus];
}
