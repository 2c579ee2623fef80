import { evaluateElements } from '../frame/elements';
import type { FrameState } from '../frame/frameState';
import { ElementSchema } from '../schema';
import type { LibraryItem } from './catalogue';

/** The layer key of a library item's preview (stable, so a renderer reuses what it can). */
export const ITEM_PREVIEW_KEY = 'library-item';

/**
 * One library item drawn alone, centred and scaled to fit a square of `size` frame pixels with a
 * margin: the library panel's thumbnails. The item is wrapped in a scaling group, so whatever
 * its own anchor, its middle stays in the middle.
 */
export function itemPreviewFrame(item: LibraryItem, size: number, background: string): FrameState {
  const fit = (size * 0.86) / Math.max(1, item.width, item.height);
  const wrapper = ElementSchema.parse({
    id: 'library-item-preview',
    kind: 'group',
    x: size / 2,
    y: size / 2,
    scaleX: fit,
    scaleY: fit,
    children: [],
  });
  const element = { ...wrapper, children: [item.create({ x: 0, y: 0 }, new Set(['library-item-preview']))] };
  return {
    time: 0,
    width: size,
    height: size,
    fps: 30,
    layers: [
      {
        key: ITEM_PREVIEW_KEY,
        background: { type: 'solid', color: background },
        elements: evaluateElements([element], 0),
        sceneTime: 0,
        opacity: 1,
        offsetX: 0,
        offsetY: 0,
        clip: null,
      },
    ],
    caption: null,
  };
}
