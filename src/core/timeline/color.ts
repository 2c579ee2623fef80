/**
 * `#rgb`, `#rrggbb` and `#rrggbbaa` colours as one packed unsigned 32-bit number (0xRRGGBBAA):
 * interpolating a colour then needs no arrays or objects, only the result string.
 */

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  if (code >= 65 && code <= 70) return code - 55; // A-F
  return -1;
}

function hexByte(s: string, at: number): number {
  const hi = hexDigit(s.charCodeAt(at));
  const lo = hexDigit(s.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** 0xRRGGBBAA for a colour string, or NaN when it is not one of the accepted forms. */
export function parseColor(color: string): number {
  if (color.charCodeAt(0) !== 35 /* # */) return NaN;
  let r: number;
  let g: number;
  let b: number;
  let a = 255;
  if (color.length === 4) {
    const dr = hexDigit(color.charCodeAt(1));
    const dg = hexDigit(color.charCodeAt(2));
    const db = hexDigit(color.charCodeAt(3));
    r = dr < 0 ? -1 : dr * 17;
    g = dg < 0 ? -1 : dg * 17;
    b = db < 0 ? -1 : db * 17;
  } else if (color.length === 7 || color.length === 9) {
    r = hexByte(color, 1);
    g = hexByte(color, 3);
    b = hexByte(color, 5);
    if (color.length === 9) a = hexByte(color, 7);
  } else {
    return NaN;
  }
  if (r < 0 || g < 0 || b < 0 || a < 0) return NaN;
  // Multiplying instead of shifting keeps the value unsigned (r << 24 would go negative).
  return r * 0x1000000 + ((g << 16) | (b << 8) | a);
}

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function byteHex(v: number): string {
  return HEX_BYTES[v] ?? '00';
}

/** `#rrggbb` when opaque, `#rrggbbaa` otherwise. */
export function formatColor(packed: number): string {
  const r = Math.floor(packed / 0x1000000) & 255;
  const g = (packed >>> 16) & 255;
  const b = (packed >>> 8) & 255;
  const a = packed & 255;
  const rgb = '#' + byteHex(r) + byteHex(g) + byteHex(b);
  return a === 255 ? rgb : rgb + byteHex(a);
}

function channel(v: number): number {
  const r = Math.round(v);
  return r < 0 ? 0 : r > 255 ? 255 : r;
}

/**
 * The colour a fraction `p` of the way from `from` to `to`, per RGBA channel (p may overshoot
 * with Back/Elastic easings; channels are clamped). An unreadable colour holds `from`.
 */
export function mixColors(from: string, to: string, p: number): string {
  const a = parseColor(from);
  const b = parseColor(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return from;
  const ar = Math.floor(a / 0x1000000);
  const br = Math.floor(b / 0x1000000);
  const r = channel(ar + (br - ar) * p);
  const g = channel(((a >>> 16) & 255) + (((b >>> 16) & 255) - ((a >>> 16) & 255)) * p);
  const bl = channel(((a >>> 8) & 255) + (((b >>> 8) & 255) - ((a >>> 8) & 255)) * p);
  const al = channel((a & 255) + ((b & 255) - (a & 255)) * p);
  return formatColor(r * 0x1000000 + ((g << 16) | (bl << 8) | al));
}
