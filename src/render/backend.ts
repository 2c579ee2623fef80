/**
 * What the renderer needs from the platform it draws on: the browser's canvas in the editor,
 * @napi-rs/canvas in the exporter. The renderer itself only sees this interface, so it runs
 * unchanged in both places and the preview and the export are the same pixels.
 */

/** A decoded picture the canvas can draw (an <img>, an ImageBitmap, a @napi-rs/canvas Image). */
export type DecodedImage = CanvasImageSource;

/** Finds the decoded picture of a project asset; null while it is missing or still loading. */
export type ImageSource = (assetId: string) => DecodedImage | null;

/** Width of `text` drawn with the CSS font shorthand `font` (e.g. `600 64px "Fredoka"`), in pixels. */
export type MeasureText = (text: string, font: string) => number;

export interface RenderBackend {
  readonly name: 'node' | 'browser';
  /** A new canvas of the given size (the kind Konva draws into). */
  createCanvas(width: number, height: number): HTMLCanvasElement;
  /** A new, empty image element. */
  createImage(): HTMLImageElement;
  /** Decodes an image from its file bytes or a URL. Rejects with a message naming the problem. */
  loadImage(source: Uint8Array | string): Promise<DecodedImage>;
  /**
   * The canvas's pixels as RGBA bytes, row by row. They may be premultiplied by alpha: the
   * renderer paints an opaque base first, so every pixel has alpha 255 and it makes no difference.
   */
  readRgba(canvas: HTMLCanvasElement): Uint8Array;
  /** The canvas encoded as a PNG file. */
  encodePng(canvas: HTMLCanvasElement): Uint8Array;
}
