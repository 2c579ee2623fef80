import { z } from 'zod';
import { SAVED_KINDS, SavedItemSchema } from '../../core/library';
import { AssetIdSchema, AssetInfoSchema, ElementSchema } from '../../core/schema';
import { resultSchema } from './result';

const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id');
const PicturesSchema = z.record(AssetIdSchema, AssetInfoSchema);

/** A saved item's size as drawn, frame pixels. */
const SizeSchema = z.number().finite().positive().max(100_000);

/**
 * Channels of the creator's own library (items saved from a selection, kept in the app's data
 * folder and offered in every project). Spread into `CHANNELS`.
 */
export const LIBRARY_CHANNELS = {
  /**
   * Every saved item that reads back valid, newest first. A damaged or hostile file is skipped
   * and named in `problems` (left where it is: nothing the creator saved is deleted unasked).
   */
  listSavedItems: {
    request: z.object({}),
    response: resultSchema({ items: z.array(SavedItemSchema), problems: z.array(z.string()) }),
  },
  /**
   * Saves a selection (its middle at 0, 0) under a name; the host picks the id and the file. The
   * pictures it shows are copied from the document `docId` into the library, with the project's
   * `pictures` info (their names).
   */
  saveLibraryItem: {
    request: z.object({
      name: z.string().max(1000),
      kind: z.enum(SAVED_KINDS),
      width: SizeSchema,
      height: SizeSchema,
      element: ElementSchema,
      docId: DocIdSchema.optional(),
      pictures: PicturesSchema.optional(),
    }),
    response: resultSchema({ item: SavedItemSchema }),
  },
  /**
   * Copies a saved item's pictures into the document `docId` before the item is inserted there;
   * answers the asset info the project records for each.
   */
  addLibraryPictures: {
    request: z.object({ docId: DocIdSchema, id: z.string().min(1).max(100) }),
    response: resultSchema({ pictures: PicturesSchema }),
  },
  /** The bytes of a picture saved items show (for their thumbnails), checked against its hash. */
  readLibraryPicture: {
    request: z.object({ assetId: AssetIdSchema }),
    response: resultSchema({ mime: z.string(), data: z.string().max(120_000_000) }),
  },
  /** Removes a saved item (the panel asks first); an unknown id is fine. Pictures no other item shows go too. */
  removeLibraryItem: {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: resultSchema({}),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
