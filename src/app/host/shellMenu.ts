import { computed, watch } from 'vue';
import type { ShellBridge } from '../../host/contract';
import { readContext } from '../commands/context';
import { shellMenuItems } from '../commands/menus';
import { COMMANDS } from '../commands/registry';

/**
 * Keeps the desktop shell's native menus in step with the studio. They are generated from the
 * same registry as the page's keys and web menu, and an item that does not apply now (Save on the
 * start screen, Delete with nothing selected) is greyed out as in the web menu. Only a change in
 * which items apply sends them again, not every selection or tool change. Returns the stop.
 */
export function syncShellMenu(shell: Pick<ShellBridge, 'setMenu'>): () => void {
  const items = computed(() => shellMenuItems(COMMANDS, readContext()));
  const enabledKey = computed(() => items.value.map((item) => (item.enabled ? '1' : '0')).join(''));
  return watch(enabledKey, () => void shell.setMenu(items.value), { immediate: true });
}
