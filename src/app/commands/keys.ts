/**
 * Key combinations as the registry writes them ("Mod+Shift+Z", "Alt+A", "ArrowLeft", "Space"):
 * parsing, matching a keydown, and spelling them for people (tooltips, menus), for
 * `aria-keyshortcuts` and for Electron's menu accelerators. `Mod` is Cmd on a Mac, Ctrl elsewhere.
 * Pure: no DOM beyond the shape of a keyboard event, so it is unit-tested in Node.
 */

export type Platform = 'mac' | 'other';

export interface KeyCombo {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** A lower-case character (`z`, `,`, `[`) or a key name (`ArrowLeft`, `Enter`, `Space`, `Plus`). */
  key: string;
}

/** What matching reads from a keydown (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const NAMED = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Enter',
  'Escape',
  'Delete',
  'Backspace',
  'Space',
  'Home',
  'End',
  'Plus',
  'Tab',
]);

/** Parses "Mod+Shift+Z"; throws on a spelling the registry must not contain (caught by its unit test). */
export function parseKeys(spec: string): KeyCombo {
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const combo: KeyCombo = { mod: false, shift: false, alt: false, key: '' };
  for (const part of parts) {
    if (part === 'Mod') combo.mod = true;
    else if (part === 'Shift') combo.shift = true;
    else if (part === 'Alt') combo.alt = true;
    else throw new Error(`Unknown modifier "${part}" in "${spec}"`);
  }
  if (key.length === 1) combo.key = key.toLowerCase();
  else if (NAMED.has(key)) combo.key = key;
  else throw new Error(`Unknown key "${key}" in "${spec}"`);
  return combo;
}

/** The registry's own spelling of a combination, one per combination (for duplicate checks). */
export function canonical(combo: KeyCombo): string {
  return [combo.mod && 'Mod', combo.alt && 'Alt', combo.shift && 'Shift', combo.key]
    .filter(Boolean)
    .join('+');
}

/**
 * The key a press names, in the registry's spelling. With Alt held (which changes the character
 * on a Mac) and for brackets (Shift turns `]` into `}`) the physical key decides.
 */
export function pressedKey(press: KeyPress): string {
  if (press.code === 'BracketLeft') return '[';
  if (press.code === 'BracketRight') return ']';
  if (press.altKey && press.code.startsWith('Key')) return press.code.slice(3).toLowerCase();
  if (press.key === ' ') return 'Space';
  if (press.key === '+') return 'Plus';
  return press.key.length === 1 ? press.key.toLowerCase() : press.key;
}

/** Whether a keydown is this combination; Ctrl and Cmd both count as Mod, as the studio always had. */
export function matches(combo: KeyCombo, press: KeyPress): boolean {
  return (
    combo.mod === (press.ctrlKey || press.metaKey) &&
    combo.shift === press.shiftKey &&
    combo.alt === press.altKey &&
    combo.key === pressedKey(press)
  );
}

const SHOWN_NAMES: Record<string, string> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  Escape: 'Esc',
  Plus: '+',
};

/** For people: "Ctrl+Shift+Z" (Windows, Linux) or "Cmd+Shift+Z" (Mac). */
export function formatKeys(spec: string, platform: Platform): string {
  const combo = parseKeys(spec);
  const parts: string[] = [];
  if (combo.mod) parts.push(platform === 'mac' ? 'Cmd' : 'Ctrl');
  if (combo.alt) parts.push(platform === 'mac' ? 'Option' : 'Alt');
  if (combo.shift) parts.push('Shift');
  parts.push(SHOWN_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key));
  return parts.join('+');
}

/** For `aria-keyshortcuts`: "Control+Shift+Z", "Meta+K", "ArrowLeft", "Space". */
export function ariaKeys(spec: string, platform: Platform): string {
  const combo = parseKeys(spec);
  const parts: string[] = [];
  if (combo.mod) parts.push(platform === 'mac' ? 'Meta' : 'Control');
  if (combo.alt) parts.push('Alt');
  if (combo.shift) parts.push('Shift');
  parts.push(combo.key === 'Plus' ? '+' : combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return parts.join('+');
}

const ACCELERATOR_NAMES: Record<string, string> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
};

/** For Electron's menus: "CmdOrCtrl+Shift+Z". */
export function accelerator(spec: string): string {
  const combo = parseKeys(spec);
  const parts: string[] = [];
  if (combo.mod) parts.push('CmdOrCtrl');
  if (combo.alt) parts.push('Alt');
  if (combo.shift) parts.push('Shift');
  parts.push(ACCELERATOR_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key));
  return parts.join('+');
}

/** The platform the page runs on, for how shortcuts are spelled. */
export function currentPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other';
}
