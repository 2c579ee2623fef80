import { formatKeys, matches, parseKeys, type KeyPress, type Platform } from './keys';
import type { Command, CommandContext } from './types';

/** Whether a command applies in this context. */
export function applies(command: Command, ctx: CommandContext): boolean {
  return command.when === undefined || command.when(ctx);
}

/**
 * The command a key press runs, or null. `typing`: the press lands in a text field, where
 * only commands marked `inFields` (Ctrl+S and the like) take keys; every other key is typed.
 */
export function commandForKey(
  commands: readonly Command[],
  press: KeyPress,
  ctx: CommandContext,
  typing: boolean,
): Command | null {
  for (const command of commands) {
    if (command.keys === undefined || (typing && command.inFields !== true)) continue;
    if (!command.keys.some((spec) => matches(parseKeys(spec), press))) continue;
    if (applies(command, ctx)) return command;
  }
  return null;
}

/** The command's first key combination for people ("Ctrl+Shift+Z"), or '' when it has none. */
export function shortcutText(command: Command | undefined, platform: Platform): string {
  const spec = command?.keys?.[0];
  return spec === undefined ? '' : formatKeys(spec, platform);
}

/** A tooltip in the studio's style: "Save (Ctrl+S)", or the label alone without a key. */
export function tooltip(label: string, command: Command | undefined, platform: Platform): string {
  const keys = shortcutText(command, platform);
  return keys === '' ? label : `${label} (${keys})`;
}
