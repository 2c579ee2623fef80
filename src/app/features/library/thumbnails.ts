import { shallowReactive, watch } from 'vue';
import { itemPreviewFrame, type LibraryItem } from '../../../core/library';
import type { ImageSource } from '../../../render/backend';
import { createRenderer, type Renderer } from '../../../render/renderer';
import { fontsVersion } from '../../render/fonts';
import { libraryPicturesVersion } from './libraryPictures';

/**
 * Thumbnails of library items, drawn by the app's own renderer (the one the preview and the
 * export use) into one small off-screen canvas, one item at a time, and kept as PNG data URLs.
 * Items ask when they come into view, so a long list costs only what is seen.
 */

/** The square an item is fitted into, in frame pixels, and the canvas it is drawn on. */
const FRAME_SIZE = 480;
export const THUMBNAIL_PIXELS = 176;
/** The panel's own colour behind the art (the same as --panel-3). */
const BACKGROUND = '#2b2a37';

/** Data URLs by item id; reactive, so a button shows its picture as soon as it is drawn. */
const drawn = shallowReactive(new Map<string, string>());
const wanted = new Map<string, LibraryItem>();
/** Every item drawn so far, to draw again when fonts arrive. */
const known = new Map<string, LibraryItem>();
let renderer: Renderer | null = null;
let scheduled = false;
/** Where saved items' pictures come from (the panel sets it: they are read through the host). */
let pictures: ImageSource | undefined;

/** Gives thumbnails the saved items' pictures (before the first thumbnail is drawn). */
export function setThumbnailPictures(source: ImageSource): void {
  if (pictures !== undefined) return;
  pictures = source;
  renderer?.destroy();
  renderer = null;
}

function drawOne(item: LibraryItem): string {
  renderer ??= createRenderer({
    width: THUMBNAIL_PIXELS,
    height: THUMBNAIL_PIXELS,
    pixelRatio: 1,
    ...(pictures !== undefined ? { images: pictures } : {}),
  });
  renderer.draw(itemPreviewFrame(item, FRAME_SIZE, BACKGROUND));
  const canvas = renderer.stage.getLayers()[0]?.getNativeCanvasElement();
  return canvas ? canvas.toDataURL('image/png') : '';
}

/** Draws a few waiting items per animation frame, so typing in the search stays smooth. */
function drawWaiting(): void {
  scheduled = false;
  const started = performance.now();
  for (const [id, item] of wanted) {
    wanted.delete(id);
    try {
      drawn.set(id, drawOne(item));
    } catch {
      // An item that cannot be drawn keeps its name and an empty tile; it still inserts.
      drawn.set(id, '');
    }
    if (performance.now() - started > 12) break;
  }
  if (wanted.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(drawWaiting);
}

/** Asks for an item's thumbnail (drawn soon, once). */
export function requestThumbnail(item: LibraryItem): void {
  if (drawn.has(item.id) || wanted.has(item.id)) return;
  known.set(item.id, item);
  wanted.set(item.id, item);
  schedule();
}

/** The item's thumbnail as a data URL, undefined until drawn ('' when it could not be). */
export function thumbnailOf(id: string): string | undefined {
  return drawn.get(id);
}

/** Forgets a thumbnail (a saved item removed). */
export function forgetThumbnail(id: string): void {
  drawn.delete(id);
  wanted.delete(id);
  known.delete(id);
}

// Text drawn before its font arrived is drawn again with it (the old picture shows meanwhile).
watch(fontsVersion, () => {
  renderer?.invalidate();
  for (const [id, item] of known) wanted.set(id, item);
  if (wanted.size > 0) schedule();
});

// A saved item drawn before its picture arrived is drawn again with it.
watch(libraryPicturesVersion, () => {
  renderer?.invalidate();
  for (const [id, item] of known) if (item.pictures !== undefined) wanted.set(id, item);
  if (wanted.size > 0) schedule();
});
