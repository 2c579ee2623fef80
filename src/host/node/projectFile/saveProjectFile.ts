import { basename, resolve } from 'node:path';
import { lstat } from 'node:fs/promises';
import yazl from 'yazl';
import { referencedAssetIds, serializeProject } from '../../../core/load';
import type { Project } from '../../../core/schema';
import { writeFileAtomic } from '../../../node/files';
import { assetStream, isAssetFile, type AssetMap } from '../../../node/assets';
import { ASSET_PREFIX, PROJECT_ENTRY } from './entryNames';
import { describeFsError, errorCode } from './messages';

/** A save that failed; `message` is for the creator, `cause` for the log. */
export class SaveError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SaveError';
  }
}

export interface SaveOptions {
  /**
   * `never` (Save As to a new name): the file is created only if the name is still free at the
   * very moment it is put in place, so a save from another window meanwhile is never destroyed.
   */
  replace?: 'always' | 'never';
}

/** The zip as a stream of bytes: project.json, then the assets the project uses. */
function zipProject(project: Project, assets: AssetMap): AsyncIterable<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(serializeProject(project), 'utf8'), PROJECT_ENTRY, { compress: true });
  for (const id of [...referencedAssetIds(project)].sort()) {
    const data = assets.get(id);
    // A missing one was already reported when the project was opened; it stays missing.
    if (data === undefined) continue;
    // Pictures and audio are compressed already: deflating them again costs time and saves nothing.
    const name = `${ASSET_PREFIX}${id}`;
    if (isAssetFile(data)) {
      // A large one streams from its spooled file, opened only when the zip reaches it.
      zip.addReadStreamLazy(name, { compress: false, size: data.size }, (done) =>
        done(null, assetStream(data)),
      );
    } else zip.addBuffer(Buffer.from(data.buffer, data.byteOffset, data.length), name, { compress: false });
  }
  zip.end();
  return zip.outputStream as unknown as AsyncIterable<Buffer>;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Saves through the one atomic writer (src/node/files): the zip streams into a hidden temp file
 * created exclusively beside the target (a link planted there is never followed), flushed; the
 * previous file is kept as `<target>.bak`, and only then the temp file is moved over the target.
 * On any failure the temp file is removed, the target is untouched and a SaveError with a clear
 * message is thrown. Only assets the project uses are written. What a killed save left behind is
 * cleared by the next write in that folder (ours only, once its writer is gone).
 */
export async function saveProjectFile(
  path: string,
  project: Project,
  assets: AssetMap,
  options: SaveOptions = {},
): Promise<void> {
  const target = resolve(path);
  const replace = options.replace ?? 'always';
  const targetExisted = await exists(target);
  try {
    await writeFileAtomic(target, zipProject(project, assets), { replace, backup: true });
  } catch (error) {
    if (replace === 'never' && errorCode(error) === 'EEXIST') {
      throw new SaveError(
        `"${basename(target)}" already exists (saved from another window or program meanwhile), so it was not replaced. Choose another name, or replace it.`,
        'EEXIST',
        { cause: error },
      );
    }
    const outcome = targetExisted ? 'Your previous file is unchanged.' : 'No file was written.';
    throw new SaveError(
      `Could not save "${basename(target)}": ${describeFsError(error)}. ${outcome}`,
      errorCode(error),
      { cause: error },
    );
  }
}
