import { readRegularFile, readRegularFileHead, statRegularFile } from '../../../node/files';
import { assetSize, isAssetFile, readAssetBytes, releaseAssets, type AssetData } from '../../../node/assets';
import { basename } from 'node:path';
import {
  loadProject,
  referencedAssetIds,
  usedPictureIds,
  type LoadError,
  type Repair,
} from '../../../core/load';
import { pictureFileRefusal, pictureRefusal, pictureSize } from '../../../core/pictures';
import type { Project } from '../../../core/schema';
import { DEFAULT_LIMITS, formatBytes, type ZipLimits } from './limits';
import { damagedMessage, errorCode, notFoundMessage, unreadableMessage } from './messages';
import { readKindnessFile, type ReadError } from './readKindnessFile';

/** A .kindness zip, or a plain project.json (the samples are plain JSON). */
export type ProjectContainer = 'zip' | 'json';

export type OpenError = ReadError | LoadError;

export type OpenResult =
  | {
      ok: true;
      project: Project;
      /** Large ones are spooled files held for the caller: release them (releaseAssets) when done. */
      assets: Map<string, AssetData>;
      /** Everything repaired or missing, for the creator to see as warnings. */
      repairs: Repair[];
      migratedFrom: number | null;
      container: ProjectContainer;
    }
  | { ok: false; error: OpenError };

export interface OpenOptions {
  limits?: ZipLimits;
}

/** Local file header (a zip with entries) or end of central directory (an empty zip). */
function looksLikeZip(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  );
}

/** Regular files only, never blocking (a named pipe or a device with a project's name is refused). */
function readHead(path: string): Promise<Buffer> {
  return readRegularFileHead(path, 4);
}

function fsError(name: string, error: unknown): OpenResult {
  return errorCode(error) === 'ENOENT'
    ? { ok: false, error: { kind: 'not-found', message: notFoundMessage(name) } }
    : { ok: false, error: { kind: 'unreadable', message: unreadableMessage(name, error) } };
}

/** The loader's error, told with the file's name. */
function withFileName(error: LoadError, name: string): LoadError {
  switch (error.kind) {
    case 'not-json':
    case 'not-a-project':
      return { ...error, message: damagedMessage(name, error.detail) };
    default:
      return { ...error, message: `Could not open "${name}". ${error.message}` };
  }
}

/**
 * The assets worth keeping in memory: those the project uses. A project.json that does not
 * load keeps none (the file is refused anyway once it is loaded for real).
 */
function usedAssets(projectJson: string): ReadonlySet<string> {
  const loaded = loadProject(projectJson);
  return loaded.ok ? referencedAssetIds(loaded.project) : new Set();
}

/** Pictures too big to draw, said when the project opens (and by `kindness validate`). */
async function pictureWarnings(project: Project, assets: ReadonlyMap<string, AssetData>): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const id of usedPictureIds(project)) {
    const data = assets.get(id);
    const info = project.assets[id];
    if (data === undefined || info === undefined) continue;
    const tooLarge = pictureFileRefusal(info.name, assetSize(data));
    if (tooLarge !== null) {
      repairs.push({ path: formatAssetPath(id), message: tooLarge });
      continue;
    }
    // A large picture is read for this moment only (one at a time), then dropped.
    const bytes = isAssetFile(data) ? await readAssetBytes(data).catch(() => null) : data;
    if (bytes === null) continue;
    // Only a picture too big to draw is said here; one that is not a picture is said when drawn.
    const refused = pictureSize(bytes) === null ? null : pictureRefusal(info.name, bytes);
    if (refused !== null) repairs.push({ path: formatAssetPath(id), message: refused });
  }
  return repairs;
}

function formatAssetPath(id: string): string {
  return `assets.${id.slice(0, 12)}…`;
}

/**
 * Opens a project file of either kind (told apart by its first bytes, not its extension),
 * loads, migrates and repairs it. Never throws; never changes the file.
 */
export async function openProjectFile(path: string, options: OpenOptions = {}): Promise<OpenResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const name = basename(path);
  let text: string;
  let assets = new Map<string, AssetData>();
  let present: ReadonlySet<string> = new Set();
  const warnings: Repair[] = [];
  let container: ProjectContainer;
  try {
    // A folder, a named pipe or a device is refused before anything is read from it.
    const info = await statRegularFile(path);
    if (looksLikeZip(await readHead(path))) {
      const read = await readKindnessFile(path, limits, { keepAssets: usedAssets });
      if (!read.ok) return read;
      text = read.projectJson;
      assets = read.assets;
      present = read.present;
      warnings.push(...read.warnings);
      container = 'zip';
    } else {
      if (info.size > limits.maxProjectJsonBytes) {
        return {
          ok: false,
          error: {
            kind: 'too-large',
            message:
              `"${name}" was not opened: it is larger than a project file can be ` +
              `(${formatBytes(limits.maxProjectJsonBytes)}). It may not be a Kindness Studio project.`,
          },
        };
      }
      text = await readRegularFile(path, { maxBytes: limits.maxProjectJsonBytes, encoding: 'utf8' });
      container = 'json';
    }
  } catch (error) {
    return fsError(name, error);
  }

  if (container === 'json' && text.includes('\0')) {
    // A picture or video opened by mistake: say so rather than quote its bytes in a JSON error.
    const detail = 'it is a binary file, not a project';
    return { ok: false, error: { kind: 'not-json', detail, message: damagedMessage(name, detail) } };
  }

  // An asset the project does not use was checked but not kept; it counts as there.
  const loaded = loadProject(text, { availableAssets: present });
  if (!loaded.ok) {
    await releaseAssets(assets);
    return { ok: false, error: withFileName(loaded.error, name) };
  }
  return {
    ok: true,
    project: loaded.project,
    assets,
    repairs: [...warnings, ...loaded.repairs, ...(await pictureWarnings(loaded.project, assets))],
    migratedFrom: loaded.migratedFrom,
    container,
  };
}
