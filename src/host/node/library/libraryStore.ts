import { randomBytes } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MAX_SAVED_ITEM_BYTES,
  MAX_SAVED_ITEMS,
  SAVED_ID_PATTERN,
  SAVED_ITEM_FORMAT,
  SavedItemSchema,
  pictureIdsOf,
  sanitizeSavedName,
  savedElementProblem,
  savedItemProblem,
  type SavedItem,
} from '../../../core/library';
import type { AssetInfo } from '../../../core/schema';
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
import { MAX_ASSET_BYTES, mimeOf } from '../assetBytes';
import type { DocumentStore } from '../hostDocuments';
import { assetSize, readAssetBytes } from '../../../node/assets';
import { assetIdFor } from '../projectFile';

/** The creator's saved items, one file each, in the app's data folder. */
export const LIBRARY_FOLDER = 'library';
/** Inside it: the pictures saved items show, one file each, named by the hash of its bytes. */
export const PICTURES_FOLDER = 'pictures';
/** Most picture bytes one saved item holds, all its pictures together. */
export const MAX_SAVED_PICTURE_BYTES = MAX_ASSET_BYTES;

/** Groups inside groups deeper than this are refused as hostile (a character is about 6 deep). */
const MAX_ITEM_NESTING = 120;

type LibraryHandlers = Pick<
  HostHandlers,
  'listSavedItems' | 'saveLibraryItem' | 'addLibraryPictures' | 'readLibraryPicture' | 'removeLibraryItem'
>;

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
 * name, holding every picture it shows, with a name that is safe to show.
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
  const unusable = savedItemProblem(item);
  if (unusable !== null) return { problem: unusable };
  return { item: { ...item, name } };
}

/**
 * `listSavedItems`, `saveLibraryItem` and `removeLibraryItem` over `<dataDir>/library/<id>.json`.
 * Ids are made here (random), never from the name, so no name the creator types reaches a path.
 * Every write goes through the one atomic writer; a damaged file is skipped and named, not deleted.
 */
export function createLibraryHandlers(options: {
  dataDir: string;
  now?: () => number;
  /** The open documents, whose pictures a saved item copies and an inserted one adds to. */
  documents: DocumentStore;
}): LibraryHandlers {
  const now = options.now ?? Date.now;
  const { documents } = options;
  const folder = join(options.dataDir, LIBRARY_FOLDER);
  const pictureFolder = join(folder, PICTURES_FOLDER);
  const fileOf = (id: string) => join(folder, `${id}.json`);
  const pictureFileOf = (assetId: string) => join(pictureFolder, assetId);
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

  /**
   * The pictures an element shows, from the document it was selected in: bytes and the info the
   * project keeps. A picture the document does not hold, or too many bytes, is a problem in words.
   */
  async function picturesToSave(
    element: SavedItem['element'],
    docId: string | undefined,
    given: Record<string, AssetInfo> | undefined,
  ): Promise<{ pictures: Map<string, { bytes: Buffer; info: AssetInfo }> } | { problem: string }> {
    const pictures = new Map<string, { bytes: Buffer; info: AssetInfo }>();
    let total = 0;
    for (const assetId of pictureIdsOf(element)) {
      const data = docId === undefined ? undefined : documents.assets(docId).get(assetId);
      if (data === undefined)
        return { problem: 'a picture in it is no longer available to the studio (was it restarted?)' };
      total += assetSize(data);
      if (total > MAX_SAVED_PICTURE_BYTES)
        return {
          problem: `its pictures are larger than ${MB(MAX_SAVED_PICTURE_BYTES)} together, more than the library keeps`,
        };
      // Under the limit above, so reading a spooled picture whole is bounded.
      const bytes = await readAssetBytes(data);
      const sniffed = mimeOf(bytes);
      const info = given?.[assetId];
      const mime = sniffed.startsWith('image/') ? sniffed : (info?.mime ?? 'image/png');
      pictures.set(assetId, {
        bytes,
        info: { kind: 'image', name: (info?.name ?? 'Picture').slice(0, 255), mime, size: bytes.length },
      });
    }
    return { pictures };
  }

  /** Writes the pictures beside the items; one already there (same hash, same bytes) is kept. */
  async function writePictures(pictures: Map<string, { bytes: Buffer }>): Promise<void> {
    if (pictures.size === 0) return;
    await mkdir(pictureFolder, { recursive: true });
    for (const [assetId, { bytes }] of pictures) {
      try {
        await writeFileAtomic(pictureFileOf(assetId), bytes, { replace: 'never', mode: PRIVATE_MODE });
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
  }

  /** A saved picture's bytes; null when the file is missing, not plain, too big or not those bytes. */
  async function readPicture(assetId: string): Promise<Buffer | null> {
    try {
      const bytes = await readRegularFile(pictureFileOf(assetId), {
        noFollow: true,
        maxBytes: MAX_ASSET_BYTES,
      });
      // The name is the hash of the bytes: a file changed or swapped since is not used.
      return assetIdFor(bytes) === assetId ? bytes : null;
    } catch {
      return null;
    }
  }

  /** Removes pictures that no saved item shows any more (after an item is removed). */
  async function dropUnusedPictures(candidates: readonly string[]): Promise<void> {
    if (candidates.length === 0) return;
    const { items } = await list();
    const used = new Set<string>();
    for (const item of items) for (const id of Object.keys(item.pictures ?? {})) used.add(id);
    for (const assetId of candidates) {
      if (used.has(assetId)) continue;
      await unlink(pictureFileOf(assetId)).catch(() => {});
    }
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

    async saveLibraryItem({ name, kind, width, height, element, docId, pictures: given }) {
      const clean = sanitizeSavedName(name);
      if (clean === '') return Promise.resolve(failure('no-name', 'Give the item a name to save it.'));
      const unusable = savedElementProblem(element);
      if (unusable !== null)
        return Promise.resolve(failure('cannot-save', `This selection cannot be saved: ${unusable}.`));
      const found = await picturesToSave(element, docId, given);
      if ('problem' in found)
        return Promise.resolve(failure('cannot-save', `This selection cannot be saved: ${found.problem}.`));
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
        ...(found.pictures.size > 0
          ? { pictures: Object.fromEntries([...found.pictures].map(([id, p]) => [id, p.info])) }
          : {}),
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
          // Pictures first: an item on disk always finds the pictures it shows.
          await writePictures(found.pictures);
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

    addLibraryPictures({ docId, id }) {
      if (!SAVED_ID_PATTERN.test(id))
        return Promise.resolve(failure('not-found', 'That item is not in your library.'));
      return queued(async () => {
        const outcome = await readItem(fileOf(id), id);
        if ('problem' in outcome)
          return failure('not-found', `That item of your library cannot be used: ${outcome.problem}.`);
        const pictures = outcome.item.pictures ?? {};
        const added = new Map<string, Buffer>();
        for (const assetId of Object.keys(pictures)) {
          const bytes = await readPicture(assetId);
          if (bytes === null)
            return failure(
              'picture-missing',
              `“${outcome.item.name}” could not be added: a picture it shows is missing or damaged in your library folder.`,
            );
          added.set(assetId, bytes);
        }
        for (const bytes of added.values()) await documents.addAsset(docId, bytes);
        return { ok: true as const, pictures };
      });
    },

    async readLibraryPicture({ assetId }) {
      const bytes = await readPicture(assetId);
      if (bytes === null) return failure('not-found', 'This picture is missing from your library folder.');
      return { ok: true, mime: mimeOf(bytes), data: bytes.toString('base64') };
    },

    removeLibraryItem({ id }) {
      if (!SAVED_ID_PATTERN.test(id))
        return Promise.resolve(failure('not-found', 'That item is not in your library.'));
      return queued(async () => {
        const before = await readItem(fileOf(id), id);
        try {
          await unlink(fileOf(id));
        } catch (error) {
          if (errorCode(error) !== 'ENOENT')
            return failure('remove-failed', `The item could not be removed: ${describeFileError(error)}.`);
        }
        if ('item' in before) await dropUnusedPictures(Object.keys(before.item.pictures ?? {}));
        return { ok: true as const };
      });
    },
  };
}
