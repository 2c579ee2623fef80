import type { AssetInfo, Element } from '../schema';
import { buildCharacter, CHARACTER_DESIGNS, type Point } from './characters';
import { idsAvoiding } from './ids';
import { PROP_DESIGNS } from './props';
import { shapes } from './shapes';
import { buildSticker, STICKER_CREDIT, STICKER_SIZE, TWEMOJI_STICKERS } from './stickers';

/**
 * The library: characters, props and stickers as data, each with a pure function that builds
 * its elements at a point. The start screen and the library panel list and search it; the
 * insert commands (core/edit/library.ts) put an item into a scene as one undo step.
 */
export type LibraryKind = 'character' | 'prop' | 'sticker';

export const LIBRARY_KINDS: readonly { value: LibraryKind; label: string }[] = [
  { value: 'character', label: 'Characters' },
  { value: 'prop', label: 'Props' },
  { value: 'sticker', label: 'Stickers' },
];

export interface LibraryItem {
  /** Stable: `character/maya`, `prop/phone-comments`, `sticker/red-heart`. */
  readonly id: string;
  readonly name: string;
  readonly kind: LibraryKind;
  /** A finer group for the panel: `characters`, a prop category, or `stickers`. */
  readonly category: string;
  readonly tags: readonly string[];
  /** One line for a tooltip. */
  readonly description: string;
  /** Shown beside items whose licence asks for credit. */
  readonly credit: string | null;
  /** Size as inserted, frame pixels (for thumbnails and drop previews). */
  readonly width: number;
  readonly height: number;
  /**
   * Pictures its elements show (a saved item's), by asset id: inserting adds them to the
   * project's assets. The host must hold their bytes for the document first.
   */
  readonly pictures?: Readonly<Record<string, AssetInfo>>;
  /**
   * The item's elements (one group) centred on `at`, with ids outside `taken` (the set gets the
   * new ids). Pure: the same point and set give the same elements.
   */
  create(at: Point, taken: Set<string>): Element;
}

const characters: LibraryItem[] = CHARACTER_DESIGNS.map((design) => ({
  id: `character/${design.id}`,
  name: design.name,
  kind: 'character',
  category: 'characters',
  tags: ['character', 'person', 'expression', 'talk', ...design.tags],
  description: design.description,
  credit: null,
  width: 360,
  height: 560,
  create: (at, taken) => buildCharacter(design, idsAvoiding(taken), at),
}));

const props: LibraryItem[] = PROP_DESIGNS.map((design) => ({
  id: `prop/${design.id}`,
  name: design.name,
  kind: 'prop',
  category: design.category,
  tags: [design.category, ...design.tags],
  description: design.category === 'background' ? `${design.name}: a full-frame background` : design.name,
  credit: null,
  width: design.width,
  height: design.height,
  create: (at, taken) => design.build(shapes(idsAvoiding(taken)), at),
}));

const stickers: LibraryItem[] = TWEMOJI_STICKERS.map((art) => ({
  id: `sticker/${art.id}`,
  name: art.name,
  kind: 'sticker',
  category: 'stickers',
  tags: ['sticker', 'emoji', art.emoji, ...art.tags],
  description: `${art.emoji} ${art.name} (Twemoji)`,
  credit: STICKER_CREDIT,
  width: STICKER_SIZE,
  height: STICKER_SIZE,
  create: (at, taken) => buildSticker(art, shapes(idsAvoiding(taken)), at),
}));

/** Every library item: characters, then props, then stickers. */
export const LIBRARY: readonly LibraryItem[] = [...characters, ...props, ...stickers];

const byId = new Map(LIBRARY.map((item) => [item.id, item]));

export function libraryItem(id: string): LibraryItem | undefined {
  return byId.get(id);
}

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s,.;:!?()/_-]+/u)
    .filter((w) => w !== '');
}

/**
 * Items matching `query`: every word of the query must start a word of the item's name, tags,
 * category or kind (so "hea" finds hearts, "sad face" the crying face). Best first: name matches
 * before tag matches, then catalogue order. An empty query lists everything (of `kind`). `items`
 * searches another list (the built-in items with the creator's saved ones) instead of LIBRARY.
 */
export function searchLibrary(
  query: string,
  options: { kind?: LibraryKind; items?: readonly LibraryItem[] } = {},
): LibraryItem[] {
  const terms = words(query);
  const scored: { item: LibraryItem; score: number; order: number }[] = [];
  (options.items ?? LIBRARY).forEach((item, order) => {
    if (options.kind !== undefined && item.kind !== options.kind) return;
    const nameWords = words(item.name);
    const otherWords = [...item.tags.flatMap(words), ...words(item.category), item.kind];
    let score = 0;
    for (const term of terms) {
      if (nameWords.some((w) => w === term)) score += 3;
      else if (nameWords.some((w) => w.startsWith(term))) score += 2;
      else if (otherWords.some((w) => w.startsWith(term)) || item.tags.includes(term)) score += 1;
      else return;
    }
    scored.push({ item, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.item);
}
