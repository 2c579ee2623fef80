import { z } from 'zod';
import { copyElementsWithNewIds } from '../edit/elements';
import { AssetIdSchema, AssetInfoSchema, ElementSchema, type AssetInfo, type Element } from '../schema';
import type { LibraryItem } from './catalogue';
import type { Point } from './characters';

/**
 * The creator's own library items ("Save as character" / "Save as prop"): a selection kept as
 * one element in the app's data folder, so it can be inserted in any project. The host stores
 * and validates them (src/host/node/library); this module says what one is and how it inserts.
 */

/** What a saved item is listed under. */
export const SAVED_KINDS = ['character', 'prop'] as const;
export type SavedKind = (typeof SAVED_KINDS)[number];

/** Longest name kept (the panel shows about 20 characters under a thumbnail). */
export const MAX_SAVED_NAME = 60;
/** Largest saved item, as written (a character of the library is about 60 kB). */
export const MAX_SAVED_ITEM_BYTES = 2 * 1024 * 1024;
/** Most elements in one saved item, groups and their parts counted. */
export const MAX_SAVED_ELEMENTS = 5000;
/** Most saved items the library lists; saving more is refused with a message. */
export const MAX_SAVED_ITEMS = 500;
/** Most different pictures one saved item holds. */
export const MAX_SAVED_PICTURES = 50;

export const SAVED_ITEM_FORMAT = 'kindness-library-item';
/** Host-made ids: the file name is `<id>.json`, never anything the creator typed. */
export const SAVED_ID_PATTERN = /^[a-z0-9]{8,40}$/;

/**
 * A name as the creator typed it, made safe to show: control and bidi-override characters
 * dropped, runs of spaces collapsed, cut to MAX_SAVED_NAME characters. '' when nothing is left.
 */
export function sanitizeSavedName(raw: string): string {
  const cleaned = raw
    // C0/C1 controls, and the characters that reorder or hide text (bidi overrides, zero widths).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return [...cleaned].slice(0, MAX_SAVED_NAME).join('').trim();
}

const SizeSchema = z.number().finite().positive().max(100_000);

export const SavedItemSchema = z.object({
  format: z.literal(SAVED_ITEM_FORMAT),
  version: z.literal(1),
  id: z.string().regex(SAVED_ID_PATTERN),
  name: z.string().min(1).max(1000),
  kind: z.enum(SAVED_KINDS),
  /** Milliseconds since 1970. */
  savedAt: z.number().finite().min(0),
  /** Its size as drawn when saved, frame pixels (for the thumbnail). */
  width: SizeSchema,
  height: SizeSchema,
  /** The selection, its middle at (0, 0): inserting moves it to the point. */
  element: ElementSchema,
  /**
   * The pictures its image elements show, by asset id (a hash of the bytes). The bytes are kept
   * beside the item in the data folder and copied into a project when the item is inserted.
   */
  pictures: z.record(AssetIdSchema, AssetInfoSchema).optional(),
});
export type SavedItem = z.infer<typeof SavedItemSchema>;
export type SavedItemInput = z.input<typeof SavedItemSchema>;

/** How many elements a tree holds (groups and their parts). */
export function countElements(el: Element): number {
  if (el.kind !== 'group') return 1;
  let n = 1;
  for (const child of el.children) n += countElements(child);
  return n;
}

/** Why a saved element cannot be kept in the library, in words for the creator; null when it can. */
export function savedElementProblem(el: Element): string | null {
  if (countElements(el) > MAX_SAVED_ELEMENTS)
    return `it has more than ${MAX_SAVED_ELEMENTS} parts, more than the library keeps`;
  if (pictureIdsOf(el).size > MAX_SAVED_PICTURES)
    return `it shows more than ${MAX_SAVED_PICTURES} different pictures, more than the library keeps`;
  return null;
}

/** The asset ids of the pictures an element shows (its parts' too). */
export function pictureIdsOf(el: Element, into = new Set<string>()): Set<string> {
  if (el.kind === 'image') into.add(el.assetId);
  else if (el.kind === 'group') for (const child of el.children) pictureIdsOf(child, into);
  return into;
}

/** Why a saved item read back cannot be used, in words; null when it can. */
export function savedItemProblem(item: SavedItem): string | null {
  const unusable = savedElementProblem(item.element);
  if (unusable !== null) return unusable;
  for (const id of pictureIdsOf(item.element))
    if (item.pictures?.[id] === undefined) return 'it shows a picture it does not hold';
  return null;
}

/**
 * Moves an element by (dx, dy) frame pixels, its x and y keyframes too, so an animated
 * element keeps its motion relative to where it lands.
 */
export function translateElement(el: Element, dx: number, dy: number): Element {
  const keyframes = el.keyframes;
  if (keyframes === undefined) return { ...el, x: el.x + dx, y: el.y + dy };
  const moved = { ...keyframes };
  if (keyframes.x) moved.x = keyframes.x.map((k) => ({ ...k, value: k.value + dx }));
  if (keyframes.y) moved.y = keyframes.y.map((k) => ({ ...k, value: k.value + dy }));
  return { ...el, x: el.x + dx, y: el.y + dy, keyframes: moved };
}

/** The box of a selection as drawn (frame pixels). */
export interface SavedBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The element a selection is saved as, its middle at (0, 0): one element as it is (a character
 * stays a character, its expression and mouth choosable), several wrapped in a group that keeps
 * their painting order. `box` is where the selection is drawn, in frame pixels.
 */
export function elementToSave(elements: readonly Element[], box: SavedBox): Element | null {
  if (elements.length === 0) return null;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const only = elements.length === 1 ? elements[0] : undefined;
  if (only !== undefined) return translateElement(only, -cx, -cy);
  return ElementSchema.parse({
    id: 'group-1',
    kind: 'group',
    name: 'Saved selection',
    x: 0,
    y: 0,
    anchorX: cx,
    anchorY: cy,
    children: elements,
  });
}

/** A saved item as a library item: listed, searched and inserted like the built-in ones. */
export function savedLibraryItem(saved: SavedItem): LibraryItem {
  return {
    id: `mine/${saved.id}`,
    name: saved.name,
    kind: saved.kind,
    category: 'mine',
    tags: ['mine', 'my', 'saved', saved.kind],
    description: `${saved.name} (saved in your library)`,
    credit: null,
    width: saved.width,
    height: saved.height,
    ...(saved.pictures !== undefined && Object.keys(saved.pictures).length > 0
      ? { pictures: saved.pictures as Readonly<Record<string, AssetInfo>> }
      : {}),
    create: (at: Point, taken: Set<string>) => {
      const [fresh] = copyElementsWithNewIds([saved.element], taken);
      return translateElement(fresh as Element, at.x, at.y);
    },
  };
}
