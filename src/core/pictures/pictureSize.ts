import { displayName } from '../text';
/**
 * The size a picture file declares, read from its header before anything decodes it: a 12 KB
 * file can declare 23000 x 23000 pixels, and decoding it takes 2 GB. Pure (bytes in, numbers out).
 */

export type PictureFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

export interface PictureSize {
  readonly format: PictureFormat;
  readonly width: number;
  readonly height: number;
}

/** The biggest picture the studio decodes: 40 megapixels (a 7300 x 5470 photo), 16384 on a side. */
export const MAX_PICTURE_PIXELS = 40_000_000;
export const MAX_PICTURE_SIDE = 16_384;

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return u16le(b, i) | ((b[i + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) * 0x1000000 + (b[i + 1] ?? 0) * 0x10000 + u16be(b, i + 2);
}
function ascii(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

function pngSize(b: Uint8Array): PictureSize | null {
  // Signature, then the first chunk must be IHDR: width and height as 32-bit big-endian.
  if (ascii(b, 12, 4) !== 'IHDR' || b.length < 24) return null;
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

/** Start-of-frame markers (baseline, progressive, lossless...), not DHT (C4), JPG (C8) or DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(b: Uint8Array): PictureSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or image data before any frame header
    if (isStartOfFrame(marker)) return { format: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function gifSize(b: Uint8Array): PictureSize | null {
  if (b.length < 10) return null;
  return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
}

function webpSize(b: Uint8Array): PictureSize | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) {
    return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return { format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

/** An SVG's own width and height (or its viewBox), which a decoder rasterises it at. */
function svgSize(b: Uint8Array): PictureSize | null {
  const head = ascii(b, 0, Math.min(b.length, 4096));
  const tag = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (tag === undefined) return null;
  const attribute = (name: string): number | null => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.eE+]+)`, 'i').exec(tag)?.[1];
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isFinite(n) ? n : null;
  };
  const box = /\sviewBox\s*=\s*["']\s*[-0-9.eE+]+[\s,]+[-0-9.eE+]+[\s,]+([0-9.eE+]+)[\s,]+([0-9.eE+]+)/i.exec(
    tag,
  );
  const width = attribute('width') ?? (box ? Number(box[1]) : 300);
  const height = attribute('height') ?? (box ? Number(box[2]) : 150);
  return { format: 'svg', width: Math.ceil(width), height: Math.ceil(height) };
}

/** The declared size of a PNG, JPEG, GIF, WebP or SVG file; null for anything else or a damaged header. */
export function pictureSize(bytes: Uint8Array): PictureSize | null {
  const b = bytes;
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return pngSize(b);
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (ascii(b, 0, 4) === 'GIF8') return gifSize(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b);
  if (/^(\uFEFF)?\s*<(\?xml|svg|!--|!DOCTYPE)/i.test(ascii(b, 0, 200))) return svgSize(b);
  return null;
}

/**
 * The largest picture file the studio reads to decode: a 40-megapixel photo is far smaller, and
 * a bigger file (padded on purpose) would be read whole before its pixels could be counted.
 */
export const MAX_PICTURE_FILE_BYTES = 100 * 1024 * 1024;

/** Why a picture file is too large to read at all (placeholder instead); null when it is not. */
export function pictureFileRefusal(name: string, byteCount: number): string | null {
  if (byteCount <= MAX_PICTURE_FILE_BYTES) return null;
  return (
    `The picture "${displayName(name)}" is a ${Math.round(byteCount / 1024 / 1024)} MB file, more than the ` +
    `${MAX_PICTURE_FILE_BYTES / 1024 / 1024} MB the studio reads for a picture, so it shows as a placeholder. ` +
    'Save a smaller copy and add that instead.'
  );
}

/**
 * Why a picture is not drawn (placeholder instead), for the creator, naming the file; null when
 * it may be decoded. `name` is the picture's file name as the project lists it.
 */
export function pictureRefusal(name: string, bytes: Uint8Array): string | null {
  const size = pictureSize(bytes);
  if (size === null) {
    return `The picture "${displayName(name)}" is not a PNG, JPEG, GIF, WebP or SVG file the studio can read, so it shows as a placeholder.`;
  }
  const { width, height } = size;
  if (width * height > MAX_PICTURE_PIXELS || width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE) {
    return (
      `The picture "${displayName(name)}" is ${width} x ${height} pixels, more than the studio draws ` +
      `(${MAX_PICTURE_PIXELS / 1_000_000} megapixels, at most ${MAX_PICTURE_SIDE} on a side), so it shows as ` +
      'a placeholder. Save a smaller copy (4000 pixels wide is plenty for a video) and add that instead.'
    );
  }
  return null;
}
