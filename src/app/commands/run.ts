import { dialogOpen, readContext } from './context';
import { applies } from './match';
import { commandById } from './registry';
import { isTextField } from './textField';

/**
 * Runs a command picked from a menu or the palette, if it applies now. A desktop menu's text
 * edit (Undo, Cut…) was already applied by the shell to a focused text field: then the page
 * leaves it alone. Returns whether the command ran.
 */
export function runCommand(id: string, from: 'menu' | 'palette'): boolean {
  const command = commandById(id);
  if (command === undefined) return false;
  if (from === 'menu' && command.textEdit !== undefined && isTextField(document.activeElement)) return false;
  if (from === 'menu' && dialogOpen()) return false;
  const ctx = readContext();
  if (!applies(command, ctx)) return false;
  void command.run(ctx);
  return true;
}
