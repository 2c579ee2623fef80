/** Input types that take typed text; range sliders, checkboxes, colours and buttons do not. */
const NOT_TYPED = new Set([
  'range',
  'color',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'image',
]);

/**
 * Whether keys pressed on `target` are typing: a text input, a text area, a select (whose
 * letters and arrows pick an option) or editable content. The one check the keyboard handler,
 * the paste handler and the desktop menu share: a shortcut never runs while the creator types.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}
