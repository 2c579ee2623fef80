/**
 * A sticker as drawn parts in a 36 x 36 box (Twemoji's grid): `['p', fill, pathData]` or
 * `['e', fill, cx, cy, rx, ry]`. Generated data (stickers.generated.ts), turned into elements
 * by stickers.ts.
 */
export type StickerPart =
  readonly ['p', string, string] | readonly ['e', string, number, number, number, number];

export interface StickerArt {
  readonly id: string;
  readonly name: string;
  /** The emoji it draws, for search and captions. */
  readonly emoji: string;
  readonly tags: readonly string[];
  readonly parts: readonly StickerPart[];
}
