/**
 * The Node side of the renderer: Konva drawing on @napi-rs/canvas (Skia), with the app's
 * fonts registered from the @fontsource packages so the export matches the editor.
 */
import Konva from 'konva';
import { DOMMatrix, GlobalFonts, Image, Path2D, createCanvas, loadImage } from '@napi-rs/canvas';
import type { Canvas } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FAMILIES } from '../../core/fonts';
import type { DecodedImage, RenderBackend } from '../backend';
import { covers, fontsourceFaces, registerScriptFontsFor, type SubsetFace } from './nodeScriptFonts';

// @napi-rs/canvas implements the canvas API but not the DOM's class types; the renderer only
// uses the standard members, so its objects stand in for the DOM ones at these boundaries.
function asDomCanvas(canvas: Canvas): HTMLCanvasElement {
  return canvas as unknown as HTMLCanvasElement;
}
function asNativeCanvas(canvas: HTMLCanvasElement): Canvas {
  return canvas as unknown as Canvas;
}

function createNodeCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = createCanvas(width, height) as Canvas & { style?: object };
  // Konva writes inline styles on every canvas it makes.
  canvas.style = {};
  return asDomCanvas(canvas);
}

export const nodeBackend: RenderBackend = {
  name: 'node',
  createCanvas: createNodeCanvas,
  createImage: () => new Image() as unknown as HTMLImageElement,
  async loadImage(source: Uint8Array | string): Promise<DecodedImage> {
    try {
      const image = await loadImage(typeof source === 'string' ? source : Buffer.from(source));
      return image as unknown as DecodedImage;
    } catch (error) {
      const what = typeof source === 'string' ? `"${source}"` : `an image of ${source.byteLength} bytes`;
      throw new Error(`Could not read ${what} as a picture (${(error as Error).message}).`, { cause: error });
    }
  },
  // `data()` is a fresh copy of the stored pixels, premultiplied. It is as fast as
  // getImageData here and never unpremultiplies; over the renderer's opaque base it is exact.
  readRgba: (canvas) => asNativeCanvas(canvas).data(),
  encodePng: (canvas) => asNativeCanvas(canvas).encodeSync('png'),
};

let konvaInstalled = false;

/**
 * Points Konva at @napi-rs/canvas and registers the app's fonts, plus the Arabic, Japanese,
 * Chinese and colour emoji font files these texts need (pass every text the project draws).
 * Without texts, the emoji font is registered in case. Safe to call many times. Konva's
 * factories are process-wide, so this is done once for the whole process.
 */
export function installKonvaNodeBackend(texts?: Iterable<string>): RenderBackend {
  if (!konvaInstalled) {
    const globals = globalThis as { DOMMatrix?: unknown; Path2D?: unknown };
    globals.DOMMatrix = DOMMatrix;
    globals.Path2D = Path2D;
    Konva.Util.createCanvasElement = () => createNodeCanvas(300, 300);
    Konva.Util.createImageElement = () => nodeBackend.createImage();
    konvaInstalled = true;
  }
  registerNodeFonts();
  const drawn = texts === undefined ? null : [...texts];
  registerScriptFontsFor(drawn ?? [], packageFolder);
  if (drawn === null || needsEmojiFont(drawn)) registerEmojiFont();
  return nodeBackend;
}

/** One font file the app ships, from an npm package. */
interface FontFile {
  readonly packageName: string;
  readonly file: string;
  readonly family: string;
}

function fontsourceFiles(
  packageName: string,
  family: string,
  stem: string,
  subsets: readonly string[],
  weights: readonly number[],
): FontFile[] {
  return subsets.flatMap((subset) =>
    weights.map((weight) => ({ packageName, family, file: `${stem}-${subset}-${weight}-normal.woff2` })),
  );
}

/** The text faces, by weight (captions use 600, bold text 700). */
const TEXT_FONT_FILES: readonly FontFile[] = [
  ...fontsourceFiles(
    '@fontsource/inter',
    FONT_FAMILIES.text,
    'inter',
    ['latin', 'latin-ext'],
    [400, 600, 700],
  ),
  ...fontsourceFiles('@fontsource/fredoka', FONT_FAMILIES.display, 'fredoka', ['latin'], [500, 600, 700]),
];
const EMOJI_PACKAGE = '@fontsource/noto-color-emoji';

const requireFromHere = createRequire(import.meta.url);

/** The folder of a @fontsource package. */
function packageFolder(packageName: string): string {
  let manifest: string;
  try {
    manifest = requireFromHere.resolve(`${packageName}/package.json`);
  } catch (error) {
    throw new Error(
      `The font package ${packageName} is not installed. Reinstall the app's dependencies (npm install).`,
      { cause: error },
    );
  }
  return dirname(manifest);
}

/** The `files/` folder of a @fontsource package. */
function fontFolder(packageName: string): string {
  return join(packageFolder(packageName), 'files');
}

/** Full path of a font file, or an error naming the file and the package it should come from. */
export function resolveFontFile(packageName: string, file: string): string {
  const path = join(fontFolder(packageName), file);
  if (!existsSync(path)) {
    throw new Error(
      `The font file ${file} from the package ${packageName} is missing (looked for ${path}). ` +
        `Reinstall the app's dependencies (npm install).`,
    );
  }
  return path;
}

function register(path: string, family: string, packageName: string): void {
  if (!GlobalFonts.registerFromPath(path, family)) {
    throw new Error(`The font file ${path} from the package ${packageName} could not be loaded.`);
  }
}

let fontsRegistered = false;
let emojiFaces: readonly SubsetFace[] | null = null;

/** Registers Inter and Fredoka with Skia. System fonts are never relied on. */
export function registerNodeFonts(): void {
  if (fontsRegistered) return;
  for (const font of TEXT_FONT_FILES) {
    register(resolveFontFile(font.packageName, font.file), font.family, font.packageName);
  }
  fontsRegistered = true;
}

/**
 * The colour emoji font's subset files, as the app's stylesheet declares them (`400.css`, the
 * same faces and unicode-ranges the preview loads): what the font covers, code point by code
 * point. They are never registered with Skia (registerEmojiFont says why).
 */
function emojiSubsetFaces(): readonly SubsetFace[] {
  emojiFaces ??= fontsourceFaces(EMOJI_PACKAGE, packageFolder(EMOJI_PACKAGE), FONT_FAMILIES.emoji, 400);
  return emojiFaces;
}

/**
 * Whether these texts have a character the colour emoji font draws and the Latin faces do not.
 * Registering it takes about 0.14 s, so a project without emoji goes without. Below U+0250 the
 * Latin faces, first in every family chain, draw every character, so the emoji font is never
 * reached there.
 */
export function needsEmojiFont(texts: readonly string[]): boolean {
  const faces = emojiSubsetFaces();
  return texts.some((text) => {
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      if (codePoint >= 0x250 && faces.some((face) => covers(face, codePoint))) return true;
    }
    return false;
  });
}

/** The package's whole font: the one file of it with colour glyphs Skia draws (COLR/CPAL). */
export const BUNDLED_EMOJI_FILE = 'noto-color-emoji-emoji-400-normal.woff2';

/**
 * Makes sure Skia has Noto Color Emoji to draw with. The subset files the app's stylesheet names
 * (and the preview loads) hold their colour glyphs as SVG only, which Skia does not draw:
 * registered alone, they left every emoji of an export blank on a machine without the font
 * installed. The package's whole font also has them as COLR layers, which Skia draws, so
 * that file is registered. A font of that name the system already has is drawn in preference to
 * a registered one whatever is registered (checked on this machine: the same pixels with and
 * without ours), so then ours is not registered at all: it would cost 0.14 s of every export's
 * start for nothing. tests/integration/emojiFont.test.ts draws with no system fonts.
 */
export function registerEmojiFont(
  installed: (family: string) => boolean = (family) => GlobalFonts.has(family),
): void {
  if (installed(FONT_FAMILIES.emoji)) return;
  register(resolveFontFile(EMOJI_PACKAGE, BUNDLED_EMOJI_FILE), FONT_FAMILIES.emoji, EMOJI_PACKAGE);
}
