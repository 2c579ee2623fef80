import { z } from 'zod';
import { SAVED_KINDS, SavedItemSchema } from '../../core/library';
import { ElementSchema } from '../../core/schema';
import { resultSchema } from './result';

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
  /** Saves a selection (its middle at 0, 0) under a name; the host picks the id and the file. */
  saveLibraryItem: {
    request: z.object({
      name: z.string().max(1000),
      kind: z.enum(SAVED_KINDS),
      width: SizeSchema,
      height: SizeSchema,
      element: ElementSchema,
    }),
    response: resultSchema({ item: SavedItemSchema }),
  },
  /** Removes a saved item (the panel asks first); an unknown id is fine. */
  removeLibraryItem: {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: resultSchema({}),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
