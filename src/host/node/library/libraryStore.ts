import { randomBytes } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MAX_SAVED_ITEM_BYTES,
  MAX_SAVED_ITEMS,
  SAVED_ID_PATTERN,
  SAVED_ITEM_FORMAT,
  SavedItemSchema,
  sanitizeSavedName,
  savedElementProblem,
  type SavedItem,
} from '../../../core/library';
import { checkNestingDepth } from '../../../core/load/depth';
import { displayName } from '../../../core/text';
import {
  describeFileError,
  errorCode,
  PRIVATE_MODE,
  readRegularFile,
  writeFileAtomic,
} from '../../../node/files';
import { failure, type HostHandlers } from '../../contract';

/** The creator's saved items, one file each, in the app's data folder. */
export const LIBRARY_FOLDER = 'library';

/** Groups inside groups deeper than this are refused as hostile (a character is about 6 deep). */
const MAX_ITEM_NESTING = 120;

type LibraryHandlers = Pick<HostHandlers, 'listSavedItems' | 'saveLibraryItem' | 'removeLibraryItem'>;

type ReadOutcome = { item: SavedItem } | { problem: string };

const MB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a file could not be read, in words (the part after "was skipped:"). */
function readProblem(error: unknown): string {
  switch (errorCode(error)) {
    case 'EFBIG':
      return `it is larger than ${MB(MAX_SAVED_ITEM_BYTES)}, more than a library item can be`;
    case 'ELOOP':
    case 'ENOTREG':
    case 'EISDIR':
      return 'it is not a plain file (a link, a folder or a device)';
    default:
      return `it could not be read (${describeFileError(error)})`;
  }
}

/**
 * One saved item read back as untrusted input: a regular file only (no link followed), within
 * the size limit, JSON, not nested deeper than a real item, matching the schema and its file
 * name, holding no picture, with a name that is safe to show.
 */
async function readItem(file: string, id: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readRegularFile(file, { noFollow: true, maxBytes: MAX_SAVED_ITEM_BYTES, encoding: 'utf8' });
  } catch (error) {
    return { problem: readProblem(error) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is damaged (not a readable library file)' };
  }
  if (checkNestingDepth(value, MAX_ITEM_NESTING) !== null)
    return { problem: 'its parts are nested deeper than any library item can be' };
  const parsed = SavedItemSchema.safeParse(value);
  if (!parsed.success) return { problem: 'it is not a library item this version of the studio can read' };
  const item = parsed.data;
  if (item.id !== id) return { problem: 'what it holds does not match its file name' };
  const name = sanitizeSavedName(item.name);
  if (name === '') return { problem: 'it has no name' };
  const unusable = savedElementProblem(item.element);
  if (unusable !== null) return { problem: unusable };
  return { item: { ...item, name } };
}

/**
 * `listSavedItems`, `saveLibraryItem` and `removeLibraryItem` over `<dataDir>/library/<id>.json`.
 * Ids are made here (random), never from the name, so no name the creator types reaches a path.
 * Every write goes through the one atomic writer; a damaged file is skipped and named, not deleted.
 */
export function createLibraryHandlers(options: { dataDir: string; now?: () => number }): LibraryHandlers {
  const now = options.now ?? Date.now;
  const folder = join(options.dataDir, LIBRARY_FOLDER);
  const fileOf = (id: string) => join(folder, `${id}.json`);
  // One change at a time: a count checked before a save still holds when it is written.
  let queue: Promise<unknown> = Promise.resolve();
  function queued<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  }

  async function itemFileNames(): Promise<string[]> {
    try {
      return (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return []; // nothing saved yet
    }
  }

  async function list(): Promise<{ items: SavedItem[]; problems: string[] }> {
    const items: SavedItem[] = [];
    const problems: string[] = [];
    const names = await itemFileNames();
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const quoted = `“${displayName(name)}”`;
      if (!SAVED_ID_PATTERN.test(id)) {
        problems.push(`${quoted} in your library folder was skipped: the studio did not save it.`);
        continue;
      }
      if (items.length >= MAX_SAVED_ITEMS) {
        problems.push(
          `Your library shows its first ${MAX_SAVED_ITEMS} items; remove some to see the others.`,
        );
        break;
      }
      const outcome = await readItem(fileOf(id), id);
      if ('item' in outcome) items.push(outcome.item);
      else problems.push(`${quoted} in your library was skipped: ${outcome.problem}.`);
    }
    items.sort((a, b) => b.savedAt - a.savedAt);
    return { items, problems };
  }

  return {
    async listSavedItems() {
      await queue.catch(() => {});
      try {
        return { ok: true, ...(await list()) };
      } catch {
        return failure('library-unavailable', 'Your library could not be read.');
      }
    },

    saveLibraryItem({ name, kind, width, height, element }) {
      const clean = sanitizeSavedName(name);
      if (clean === '') return Promise.resolve(failure('no-name', 'Give the item a name to save it.'));
      const unusable = savedElementProblem(element);
      if (unusable !== null)
        return Promise.resolve(failure('cannot-save', `This selection cannot be saved: ${unusable}.`));
      const item: SavedItem = {
        format: SAVED_ITEM_FORMAT,
        version: 1,
        id: randomBytes(10).toString('hex'),
        name: clean,
        kind,
        savedAt: now(),
        width,
        height,
        element,
      };
      const text = `${JSON.stringify(item)}\n`;
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_SAVED_ITEM_BYTES) {
        return Promise.resolve(
          failure(
            'too-large',
            `This selection is too big to save to the library (${MB(bytes)}; the limit is ${MB(MAX_SAVED_ITEM_BYTES)}). Save fewer elements.`,
          ),
        );
      }
      return queued(async () => {
        if ((await itemFileNames()).length >= MAX_SAVED_ITEMS) {
          return failure(
            'library-full',
            `Your library holds ${MAX_SAVED_ITEMS} items, as many as it keeps. Remove some to save new ones.`,
          );
        }
        try {
          await mkdir(folder, { recursive: true });
          await writeFileAtomic(fileOf(item.id), text, { replace: 'never', mode: PRIVATE_MODE });
        } catch (error) {
          return failure(
            'save-failed',
            `“${clean}” could not be saved to your library: ${describeFileError(error)}.`,
          );
        }
        return { ok: true as const, item };
      });
    },

    removeLibraryItem({ id }) {
      if (!SAVED_ID_PATTERN.test(id))
        return Promise.resolve(failure('not-found', 'That item is not in your library.'));
      return queued(async () => {
        try {
          await unlink(fileOf(id));
        } catch (error) {
          if (errorCode(error) !== 'ENOENT')
            return failure('remove-failed', `The item could not be removed: ${describeFileError(error)}.`);
        }
        return { ok: true as const };
      });
    },
  };
}
