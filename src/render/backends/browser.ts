/**
 * The browser side of the renderer (editor preview): the page's own canvas, images and fonts.
 * Konva's default factories already use the DOM, so nothing has to be installed.
 */
import type { DecodedImage, RenderBackend } from '../backend';

export const browserBackend: RenderBackend = {
  name: 'browser',
  createCanvas(width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  },
  createImage: () => new Image(),
  async loadImage(source: Uint8Array | string): Promise<DecodedImage> {
    const isBytes = typeof source !== 'string';
    // Copy into a plain ArrayBuffer: a Blob cannot take a view of shared memory.
    const url = isBytes ? URL.createObjectURL(new Blob([source.slice()])) : source;
    const image = new Image();
    try {
      image.src = url;
      await image.decode();
      return image;
    } catch (error) {
      const what = isBytes ? `an image of ${source.byteLength} bytes` : `"${source}"`;
      throw new Error(`Could not read ${what} as a picture.`, { cause: error });
    } finally {
      if (isBytes) URL.revokeObjectURL(url);
    }
  },
  readRgba(canvas) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The preview canvas has no 2D context.');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  },
  encodePng(canvas) {
    const dataUrl = canvas.toDataURL('image/png');
    const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
};

/** One font file to load in the page, e.g. a @fontsource file URL from the app's bundle. */
export interface BrowserFontFace {
  readonly family: string;
  readonly url: string;
  readonly weight?: string;
  readonly style?: string;
  /** CSS unicode-range, so subset files (emoji) are only fetched when a character needs them. */
  readonly unicodeRange?: string;
}

/**
 * Loads the given fonts into the page before the first draw, so the preview never draws with
 * a fallback font and then jumps. Rejects naming the first font that failed.
 */
export async function loadBrowserFonts(faces: readonly BrowserFontFace[]): Promise<void> {
  await Promise.all(
    faces.map(async (face) => {
      const descriptors: FontFaceDescriptors = {};
      if (face.weight) descriptors.weight = face.weight;
      if (face.style) descriptors.style = face.style;
      if (face.unicodeRange) descriptors.unicodeRange = face.unicodeRange;
      const fontFace = new FontFace(face.family, `url(${JSON.stringify(face.url)})`, descriptors);
      try {
        await fontFace.load();
      } catch (error) {
        throw new Error(`The font ${face.family} could not be loaded from ${face.url}.`, { cause: error });
      }
      document.fonts.add(fontFace);
    }),
  );
}
