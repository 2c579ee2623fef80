/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;

/**
 * The reading direction of a line: `rtl` when its letters are all right-to-left (Arabic, say),
 * `mixed` when it has letters of both directions, else `ltr`. Digits, emoji and punctuation
 * are neutral. The canvas orders a whole line by the Unicode bidi rules; this tells the caption
 * layout where each word lands so per-word colouring follows the same order.
 */
export function lineDirection(text: string): 'ltr' | 'rtl' | 'mixed' {
  let rtl = false;
  let ltr = false;
  for (const char of text) {
    if (RTL_LETTER.test(char)) rtl = true;
    else if (LETTER.test(char)) ltr = true;
  }
  if (rtl) return ltr ? 'mixed' : 'rtl';
  return 'ltr';
}
