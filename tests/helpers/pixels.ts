/** Pixel helpers for renderer tests: read RGBA bytes at points and over areas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pixel at (x, y) of an RGBA buffer `width` pixels wide. */
export function pixelAt(rgba: Uint8Array, width: number, x: number, y: number): Rgba {
  const i = (Math.round(y) * width + Math.round(x)) * 4;
  return { r: rgba[i] ?? 0, g: rgba[i + 1] ?? 0, b: rgba[i + 2] ?? 0, a: rgba[i + 3] ?? 0 };
}

/** '#rrggbb' parsed, alpha 255. */
export function hex(colour: string): Rgba {
  const n = parseInt(colour.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 255 };
}

/** True when every channel is within `tolerance` of the expected colour. */
export function near(actual: Rgba, expected: Rgba, tolerance = 3): boolean {
  return (
    Math.abs(actual.r - expected.r) <= tolerance &&
    Math.abs(actual.g - expected.g) <= tolerance &&
    Math.abs(actual.b - expected.b) <= tolerance &&
    Math.abs(actual.a - expected.a) <= tolerance
  );
}

/** How many pixels of an area (clipped to the image) satisfy `test`. */
export function countPixels(
  rgba: Uint8Array,
  width: number,
  area: Area,
  test: (pixel: Rgba) => boolean,
): number {
  const height = rgba.length / 4 / width;
  let count = 0;
  const x0 = Math.max(0, Math.floor(area.x));
  const y0 = Math.max(0, Math.floor(area.y));
  const x1 = Math.min(width, Math.ceil(area.x + area.width));
  const y1 = Math.min(height, Math.ceil(area.y + area.height));
  // One reused object: whole-frame scans stay quick.
  const pixel: Rgba = { r: 0, g: 0, b: 0, a: 0 };
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      pixel.r = rgba[i] ?? 0;
      pixel.g = rgba[i + 1] ?? 0;
      pixel.b = rgba[i + 2] ?? 0;
      pixel.a = rgba[i + 3] ?? 0;
      if (test(pixel)) count++;
    }
  }
  return count;
}

/** Pixels of the whole image outside `area` that satisfy `test`. */
export function countOutside(
  rgba: Uint8Array,
  width: number,
  area: Area,
  test: (pixel: Rgba) => boolean,
): number {
  const height = rgba.length / 4 / width;
  const all = countPixels(rgba, width, { x: 0, y: 0, width, height }, test);
  return all - countPixels(rgba, width, area, test);
}

/** A pixel that differs from a background colour by more than `tolerance` in any channel. */
export function differsFrom(background: Rgba, tolerance = 24): (pixel: Rgba) => boolean {
  return (p) =>
    Math.abs(p.r - background.r) > tolerance ||
    Math.abs(p.g - background.g) > tolerance ||
    Math.abs(p.b - background.b) > tolerance;
}

/** Saves a PNG under test-results/render/ (gitignored) for a person to look at. */
export function saveTestPng(name: string, png: Uint8Array): string {
  const folder = join(process.cwd(), 'test-results', 'render');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  writeFileSync(path, png);
  return path;
}
