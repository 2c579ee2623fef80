/**
 * Keeps Tab inside an open dialog: from the last control to the first, and back with
 * Shift+Tab. Only visible, enabled controls count.
 */
export function keepTabInside(event: KeyboardEvent, panel: HTMLElement | null): void {
  if (event.key !== 'Tab' || panel === null) return;
  const focusable = [
    ...panel.querySelectorAll<HTMLElement>(
      'button:not(:disabled), input:not(:disabled), textarea, select, summary',
    ),
  ].filter((el) => el.offsetParent !== null);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}
