import { displayName } from '../../../core/text';
/** What an entry of a .kindness zip is, judged by its name alone. */
export type EntryRole =
  | { type: 'project' }
  | { type: 'asset'; id: string }
  /** Under assets/ but not named by a content hash: damage or another tool's file. */
  | { type: 'odd-asset' }
  /** Folders and anything else (e.g. __MACOSX/): never read. */
  | { type: 'other' };

export const PROJECT_ENTRY = 'project.json';
export const ASSET_PREFIX = 'assets/';
const ASSET_ENTRY = /^assets\/([0-9a-f]{64})$/;

/**
 * Why an entry name is unsafe, or null when it is fine. Names that could point outside the
 * folder they would be extracted to are refused, even though we never extract to disk: such
 * a file was made to attack some unzip tool and nothing in it is trusted.
 */
export function unsafeEntryReason(name: string): string | null {
  if (name === '') return 'an entry has no name';
  if (name.includes('\0')) return 'its name contains a NUL character';
  if (name.includes('\\')) return 'its name contains a backslash';
  if (name.startsWith('/')) return 'its name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'its name starts with a drive letter';
  if (name.split('/').includes('..')) return 'its name points outside the project folder ("..")';
  return null;
}

const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const FOLDER = 0o040000;
const SYMLINK = 0o120000;

/**
 * Why an entry's file type is unsafe, or null for a plain file or folder. Zips made on Unix
 * keep the file mode in the external attributes: a symbolic link there would make an unzip tool
 * write wherever the link points, so such files are refused like names that escape the folder.
 */
export function unsafeEntryTypeReason(versionMadeBy: number, externalAttributes: number): string | null {
  if (versionMadeBy >> 8 !== UNIX_HOST) return null;
  const type = (externalAttributes >>> 16) & FILE_TYPE_MASK;
  if (type === 0 || type === REGULAR_FILE || type === FOLDER) return null;
  if (type === SYMLINK) return 'it is a symbolic link, which could point anywhere on the computer';
  return 'it is a special file (a device, pipe or socket), not a plain file';
}

export function entryRole(name: string): EntryRole {
  if (name === PROJECT_ENTRY) return { type: 'project' };
  const asset = ASSET_ENTRY.exec(name);
  if (asset?.[1] !== undefined) return { type: 'asset', id: asset[1] };
  if (name.startsWith(ASSET_PREFIX) && !name.endsWith('/')) return { type: 'odd-asset' };
  return { type: 'other' };
}

/** An entry name safe to show in a message: short, and without control characters. */
export function displayEntryName(name: string): string {
  return displayName(name);
}
