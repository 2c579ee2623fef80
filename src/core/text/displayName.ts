/**
 * A file or entry name as every message quotes it: characters that could hide or disguise what
 * it says are shown escaped (`\u202E`), and a very long name is shortened in the middle (its
 * start and its extension stay). One helper, used wherever a message quotes a name.
 */

/** Names longer than this are shortened: a message must stay readable and within its size. */
export const MAX_QUOTED_NAME = 80;

/**
 * Control characters (C0, DEL, C1), bidirectional controls (a right-to-left override makes
 * `invoice<U+202E>fdp.exe` read as `invoiceexe.pdf`), invisible joiners and separators, byte-order
 * marks, and lone surrogate halves.
 */
const HIDDEN = new RegExp(
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufff9-\\ufffb]' +
    '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g',
);

function escapeChar(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Hidden characters as `\uXXXX`; everything else as is. */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, escapeChar);
}

/** The name to put between quotes in a message: escaped, and at most about `max` characters. */
export function displayName(name: string, max: number = MAX_QUOTED_NAME): string {
  const chars = Array.from(escapeHidden(name));
  if (chars.length <= max) return chars.join('');
  const tail = Math.min(20, Math.floor(max / 3));
  return `${chars.slice(0, max - tail - 1).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
