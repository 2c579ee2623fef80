import { onBeforeUnmount, onMounted } from 'vue';
import { useDocument } from '../state/document';
import { dialogOpen, readContext } from './context';
import { commandForKey } from './match';
import { COMMANDS } from './registry';
import { isTextField } from './textField';

/** Roles and elements that Enter and Space activate themselves (a focused button presses). */
const ACTIVATED = [
  'button',
  'a[href]',
  'summary',
  'input:is([type="button"], [type="checkbox"], [type="radio"], [type="submit"], [type="reset"], [type="color"], [type="file"])',
  '[role="button"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="checkbox"]',
  '[role="switch"]',
].join(', ');

/** Enter or Space alone on a control that they press: the control acts, not a command. */
function activatesItself(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || (event.key !== 'Enter' && event.key !== ' '))
    return false;
  return event.target instanceof Element && event.target.closest(ACTIVATED) !== null;
}

/**
 * Enter or Escape in a one-line field (a name, a number) that did not use the key itself: the
 * field is done, so focus leaves it (its change is kept) and the next letter is a shortcut again,
 * as in other editors. Text areas keep Enter for new lines.
 */
function leavesField(event: KeyboardEvent): event is KeyboardEvent & { target: HTMLInputElement } {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
  if (event.key !== 'Enter' && event.key !== 'Escape') return false;
  return event.target instanceof HTMLInputElement && isTextField(event.target);
}

/**
 * The studio's one keydown listener: it finds the registry's command for the key and runs it.
 * A focused control that handles a key (a caption block, the timeline) takes it first by
 * preventing its default. A key that runs a command is consumed here, so it never reaches a
 * text field, even one the command itself focuses (C adds a caption and opens its text field:
 * the "c" must not be typed into it).
 */
export function useCommandKeys(): void {
  const documentStore = useDocument();

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || dialogOpen()) return;
    if (activatesItself(event)) return;
    if (leavesField(event)) {
      event.preventDefault();
      event.target.blur();
      return;
    }
    const command = commandForKey(COMMANDS, event, readContext(), isTextField(event.target));
    if (command === null || command.nativeKey === true) return;
    event.preventDefault();
    void command.run(readContext());
  }

  /** A released arrow key ends a nudge, so the next one is its own undo step. */
  function onKeyup(event: KeyboardEvent): void {
    if (event.key.startsWith('Arrow')) documentStore.seal();
  }

  onMounted(() => {
    window.addEventListener('keydown', onKeydown);
    window.addEventListener('keyup', onKeyup);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown);
    window.removeEventListener('keyup', onKeyup);
  });
}
