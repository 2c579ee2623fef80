import { MENU_NAMES, type Command, type MenuName } from './types';

/** The menus' titles, as both the desktop and the web menu bar show them. */
export const MENU_TITLES: Readonly<Record<MenuName, string>> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  help: 'Help',
};

/** One menu's commands, in groups (parted by separators), each in the registry's order. */
export function menuGroups(commands: readonly Command[], name: MenuName): Command[][] {
  const groups = new Map<number, Command[]>();
  for (const command of commands) {
    if (command.menu?.name !== name) continue;
    const group = groups.get(command.menu.group) ?? [];
    group.push(command);
    groups.set(command.menu.group, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/** Every menu with at least one command, in the menu bar's order. */
export function menuBar(commands: readonly Command[]): { name: MenuName; groups: Command[][] }[] {
  return MENU_NAMES.map((name) => ({ name, groups: menuGroups(commands, name) })).filter(
    (menu) => menu.groups.length > 0,
  );
}
