/**
 * The fonts for text beyond Latin (Arabic, Japanese, Chinese) in the Node export. The
 * @fontsource packages split them into unicode-range subsets (about 120 files per weight for
 * Japanese or Chinese); registering them all costs seconds and tens of MB, so only the subset
 * files that hold characters the project actually uses are registered, once per process.
 * The same subsets, families and weights are what the browser loads for the preview.
 */
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCRIPT_FONT_FAMILIES, SCRIPT_FONT_WEIGHTS } from '../../core/fonts';

/** The npm package of each script family. */
const SCRIPT_FONT_PACKAGES: Readonly<Record<string, string>> = {
  [SCRIPT_FONT_FAMILIES.arabic]: '@fontsource/noto-sans-arabic',
  [SCRIPT_FONT_FAMILIES.japanese]: '@fontsource/noto-sans-jp',
  [SCRIPT_FONT_FAMILIES.chinese]: '@fontsource/noto-sans-sc',
};

/** One subset file of one family and weight, and the code points it covers. */
export interface SubsetFace {
  readonly family: string;
  readonly weight: number;
  readonly path: string;
  /** Inclusive [first, last] code point ranges, from the CSS unicode-range. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Parses a CSS `unicode-range` value such as `U+0600-06FF,U+200C`. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) continue;
    const first = parseInt(match[1], 16);
    ranges.push([first, match[2] === undefined ? first : parseInt(match[2], 16)]);
  }
  return ranges;
}

/** The subset faces a @fontsource `<weight>.css` file declares (woff2 files only). */
export function parseFontsourceCss(
  css: string,
  folder: string,
  family: string,
  weight: number,
): SubsetFace[] {
  const faces: SubsetFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file === undefined || range === undefined) continue;
    faces.push({ family, weight, path: join(folder, 'files', file), ranges: parseUnicodeRange(range) });
  }
  return faces;
}

/** Whether the subset file holds this code point (its CSS unicode-range). */
export function covers(face: SubsetFace, codePoint: number): boolean {
  return face.ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}

let allFaces: SubsetFace[] | null = null;
const registered = new Set<string>();
const checkedCodePoints = new Set<number>();

function scriptFaces(packageFolder: (packageName: string) => string): SubsetFace[] {
  if (allFaces !== null) return allFaces;
  const faces: SubsetFace[] = [];
  for (const [family, packageName] of Object.entries(SCRIPT_FONT_PACKAGES)) {
    const folder = packageFolder(packageName);
    for (const weight of SCRIPT_FONT_WEIGHTS) {
      faces.push(...fontsourceFaces(packageName, folder, family, weight));
    }
  }
  allFaces = faces;
  return faces;
}

/**
 * The subset faces of one weight of a @fontsource package, from its `<weight>.css`; an error
 * naming the package when the stylesheet is missing.
 */
export function fontsourceFaces(
  packageName: string,
  folder: string,
  family: string,
  weight: number,
): SubsetFace[] {
  let css: string;
  try {
    css = readFileSync(join(folder, `${weight}.css`), 'utf8');
  } catch (error) {
    throw new Error(
      `The font package ${packageName} is incomplete (no ${weight}.css in ${folder}). ` +
        `Reinstall the app's dependencies (npm install).`,
      { cause: error },
    );
  }
  return parseFontsourceCss(css, folder, family, weight);
}

/**
 * Registers every Arabic, Japanese and Chinese subset file that draws a character of these
 * texts, in each family and weight that has it (the renderer's family chain picks among them).
 * Latin and emoji are registered at start. Returns how many files were newly registered.
 */
export function registerScriptFontsFor(
  texts: Iterable<string>,
  packageFolder: (packageName: string) => string,
): number {
  const fresh: number[] = [];
  for (const text of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      // Latin (Inter, Fredoka) and the emoji font are always registered.
      if (codePoint < 0x250 || checkedCodePoints.has(codePoint)) continue;
      checkedCodePoints.add(codePoint);
      fresh.push(codePoint);
    }
  }
  if (fresh.length === 0) return 0;
  let count = 0;
  for (const face of scriptFaces(packageFolder)) {
    if (registered.has(face.path) || !fresh.some((codePoint) => covers(face, codePoint))) continue;
    if (!GlobalFonts.registerFromPath(face.path, face.family)) {
      throw new Error(`The font file ${face.path} (${face.family}) could not be loaded.`);
    }
    registered.add(face.path);
    count++;
  }
  return count;
}
