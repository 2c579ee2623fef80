import type { Element } from '../schema';
import type { Point } from './characters';
import type { Shapes } from './shapes';
import type { StickerArt } from './stickerArt';
import { TWEMOJI_STICKERS } from './stickers.generated';

/** Twemoji's licence asks for this credit wherever its graphics are used (README, library panel). */
export const STICKER_CREDIT =
  'Stickers: Twemoji by Twitter, Inc. and other contributors, CC-BY 4.0 (creativecommons.org/licenses/by/4.0)';

/** Size a sticker is inserted at, in frame pixels. */
export const STICKER_SIZE = 180;

export { TWEMOJI_STICKERS };

/** A sticker as a group of the studio's own paths and ellipses, `size` px wide, centred on `at`. */
export function buildSticker(art: StickerArt, s: Shapes, at: Point, size = STICKER_SIZE): Element {
  const p = `sticker-${art.id}`;
  const children = art.parts.map((part) =>
    part[0] === 'p'
      ? s.path(`${p}-part`, { name: 'Part', data: part[2], fill: part[1] })
      : s.ellipse(`${p}-part`, {
          name: 'Part',
          x: part[2],
          y: part[3],
          radiusX: part[4],
          radiusY: part[5],
          fill: part[1],
        }),
  );
  const scale = size / 36;
  return s.group(
    p,
    {
      name: `${art.name} ${art.emoji}`,
      x: at.x,
      y: at.y,
      anchorX: 18,
      anchorY: 18,
      scaleX: scale,
      scaleY: scale,
    },
    children,
  );
}
