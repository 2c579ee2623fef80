/** A closed range of code points. */
export type CodeRange = readonly [from: number, to: number];

/**
 * The code points of a CSS `unicode-range` value: "U+0000-00FF, U+0131, U+4??" (a `?` stands
 * for any hex digit). Parts it cannot read are left out, so it never claims too much.
 */
export function parseUnicodeRange(value: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) continue;
    const start = match[1];
    if (start.includes('?')) {
      ranges.push([parseInt(start.replace(/\?/g, '0'), 16), parseInt(start.replace(/\?/g, 'f'), 16)]);
    } else {
      const from = parseInt(start, 16);
      const to = match[2] ? parseInt(match[2], 16) : from;
      if (to >= from) ranges.push([from, to]);
    }
  }
  return ranges;
}

export function inRanges(ranges: readonly CodeRange[], code: number): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to);
}
