/**
 * Metadata values reach ffmpeg as plain arguments of a process spawned without a shell, so
 * no quoting is needed; they are still cleaned so that a pasted caption cannot carry control
 * characters into the file, and kept to a length the platforms accept.
 */

/** YouTube's description limit, the longest of the platforms' post-text limits. */
export const MAX_METADATA_CHARS = 5000;

// Line and paragraph breaks (and tabs) become spaces; every other control character goes.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
const CONTROLS = /\p{Cc}/gu;
// With the u flag a surrogate class matches only unpaired halves, never half of an emoji.
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function sanitizeMetadataValue(text: string, maxChars: number = MAX_METADATA_CHARS): string {
  const clean = text
    .replace(BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATES, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (clean.length <= maxChars) return clean;
  // Cut between whole characters as a reader sees them (an emoji with skin tone stays whole).
  let out = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (out.length + segment.length > maxChars) break;
    out += segment;
  }
  return out.trimEnd();
}
