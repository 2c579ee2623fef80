import type { MenuItemData } from '../../host/contract';
import { accelerator } from './keys';
import { applies } from './match';
import { MENU_NAMES, type Command, type CommandContext, type MenuName } from './types';

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

/**
 * The menu items the desktop shell builds its native menus from (`setMenu`). With a context, an
 * item that does not apply in it is disabled, as in the web menu. Text edits stay enabled: the
 * shell applies them to a focused text field, whatever the studio's own state.
 */
export function shellMenuItems(commands: readonly Command[], ctx?: CommandContext): MenuItemData[] {
  return commands.flatMap((command) => {
    if (command.menu === undefined) return [];
    const keys = command.keys?.[0];
    return [
      {
        id: command.id,
        label: command.label,
        menu: command.menu.name,
        group: command.menu.group,
        accelerator: keys === undefined ? null : accelerator(keys),
        textEdit: command.textEdit ?? null,
        enabled: ctx === undefined || command.textEdit !== undefined || applies(command, ctx),
      },
    ];
  });
}
