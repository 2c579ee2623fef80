import { dialogOpen, readContext } from './context';
import { applies } from './match';
import { commandById } from './registry';
import { isTextField } from './textField';

/**
 * Runs a command picked in the page's menu bar or palette (`page`) or in the desktop's native
 * menu (`shell`), if it applies now. A native menu's text edit (Undo, Cut…) was already applied
 * by the shell to a focused text field: then the page leaves it alone. Returns whether it ran.
 */
export function runCommand(id: string, from: 'shell' | 'page'): boolean {
  const command = commandById(id);
  if (command === undefined) return false;
  if (from === 'shell' && command.textEdit !== undefined && isTextField(document.activeElement)) return false;
  if (from === 'shell' && dialogOpen()) return false;
  const ctx = readContext();
  if (!applies(command, ctx)) return false;
  void command.run(ctx);
  return true;
}
