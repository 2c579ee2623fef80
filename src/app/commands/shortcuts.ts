import { ariaKeys, currentPlatform } from './keys';
import { shortcutText, tooltip } from './match';
import { commandById } from './registry';

/**
 * Shortcut spellings for the page's buttons, from the registry and for this platform
 * (Ctrl on Windows and Linux, Cmd on a Mac): a button names its command, never its keys.
 */
const platform = currentPlatform();

/** "Ctrl+S" for `file.save`, '' for a command without keys. */
export function shortcutFor(id: string): string {
  return shortcutText(commandById(id), platform);
}

/** Every key of the command for `aria-keyshortcuts` ("Control+Shift+Z Control+Y"), or undefined. */
export function ariaShortcutFor(id: string): string | undefined {
  const keys = commandById(id)?.keys;
  return keys === undefined || keys.length === 0
    ? undefined
    : keys.map((k) => ariaKeys(k, platform)).join(' ');
}

/** "Save (Ctrl+S)". */
export function tipFor(label: string, id: string): string {
  return tooltip(label, commandById(id), platform);
}
