import { createHash, type Hash } from 'node:crypto';
import { describeFileError, statRegularFile } from '../../../node/files';
import {
  releaseAssets,
  SPOOL_THRESHOLD,
  startSpoolFile,
  type AssetData,
  type SpoolWriter,
} from '../../../node/assets';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Repair } from '../../../core/load';
import { displayEntryName, entryRole, unsafeEntryReason, unsafeEntryTypeReason } from './entryNames';
import { DEFAULT_LIMITS, formatBytes, type ZipLimits } from './limits';
import { damagedMessage, errorCode, errorText, notFoundMessage, unreadableMessage } from './messages';

export type ReadErrorKind =
  | 'not-found'
  | 'unreadable'
  | 'not-a-zip'
  | 'unsafe-entry'
  | 'too-large'
  | 'too-many-entries'
  | 'missing-project-json';

export interface ReadError {
  kind: ReadErrorKind;
  /** For the creator: plain words, no library jargon. */
  message: string;
  /** The zip library's own words, for a Details toggle and the log. */
  detail?: string;
}

export type ReadResult =
  | {
      ok: true;
      projectJson: string;
      /**
       * Asset bytes by id; every id is the sha256 of its bytes. Large ones are spooled files,
       * held once for the caller: release them (releaseAssets) when done.
       */
      assets: Map<string, AssetData>;
      /** Entries that were dropped (damaged assets): shown to the creator as warnings. */
      warnings: Repair[];
      /**
       * Ids of every asset file in the container whose bytes match its name, kept or not: an
       * asset the project does not use is checked but not kept in memory.
       */
      present: Set<string>;
    }
  | { ok: false; error: ReadError };

/** Thrown inside the reader to stop at the first reason to refuse the file. */
class Refusal extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /**
   * Which assets to keep, decided from project.json (null: all). The others are still inflated
   * and counted against the limits (a file is refused for the same reasons either way), but their
   * bytes are dropped as they come: a file can hold gigabytes the project never uses.
   */
  keepAssets?: (projectJson: string) => ReadonlySet<string> | null;
}

/** Keeping a large asset in the temp folder failed (the disk is full, ...): not the file's fault. */
class SpoolFailure extends Error {
  constructor(readonly reason: unknown) {
    super('spool failed');
  }
}

/**
 * Reads a .kindness zip (small assets into memory, large ones into private temp files, see
 * src/node/assets), treating it as untrusted: unsafe names, too many entries
 * and entries that decompress past the limits are refused (sizes are counted while inflating,
 * not taken from headers). Never throws; nothing is written to disk.
 */
export async function readKindnessFile(
  path: string,
  limits: ZipLimits = DEFAULT_LIMITS,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const name = basename(path);
  try {
    // A folder, a named pipe or a device is refused before the zip reader opens it.
    await statRegularFile(path);
  } catch (error) {
    return fsFailure(name, error);
  }

  let zip: ZipFile;
  try {
    // decodeStrings off: we decode and judge every name ourselves, to refuse it with a clear reason.
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    if (errorCode(error) !== undefined) return fsFailure(name, error);
    return failure('not-a-zip', damagedMessage(name, 'it is not a readable zip file'), errorText(error));
  }

  try {
    return await readEntries(zip, name, limits, options);
  } catch (error) {
    if (error instanceof Refusal) return failure(error.kind, error.message, error.detail);
    if (error instanceof SpoolFailure) {
      return failure(
        'unreadable',
        `"${name}" could not be opened: its large files could not be kept in the temporary folder ` +
          `(${describeFileError(error.reason)}). Free some disk space and try again.`,
      );
    }
    return failure('not-a-zip', damagedMessage(name, 'the zip is damaged'), errorText(error));
  } finally {
    zip.close();
  }
}

function failure(kind: ReadErrorKind, message: string, detail?: string): ReadResult {
  return { ok: false, error: detail === undefined ? { kind, message } : { kind, message, detail } };
}

function fsFailure(name: string, error: unknown): ReadResult {
  if (errorCode(error) === 'ENOENT') return failure('not-found', notFoundMessage(name));
  return failure('unreadable', unreadableMessage(name, error));
}

async function readEntries(
  zip: ZipFile,
  name: string,
  limits: ZipLimits,
  options: ReadOptions,
): Promise<ReadResult> {
  if (zip.entryCount > limits.maxEntries) {
    throw new Refusal(
      'too-many-entries',
      `"${name}" was not opened: it holds ${zip.entryCount} files, more than the ${limits.maxEntries} ` +
        'a project can have. It may be damaged or not a Kindness Studio project. Nothing was extracted.',
    );
  }
  const budget = { name, limits, total: 0 };
  const seen = new Set<string>();
  const assetEntries: { id: string; entry: Entry; entryName: string }[] = [];
  const warnings: Repair[] = [];
  let projectEntry: { entry: Entry; entryName: string } | undefined;

  // First every name is judged, then project.json is read, then the assets: which of them the
  // project uses is known only from project.json, and it may come last in the zip.
  for await (const entry of zip.eachEntry()) {
    const entryName = yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      true,
    );
    const unsafe =
      unsafeEntryReason(entryName) ??
      unsafeEntryTypeReason(entry.versionMadeBy, entry.externalFileAttributes);
    if (unsafe !== null) {
      throw new Refusal(
        'unsafe-entry',
        `"${name}" was not opened because it contains an unsafe entry "${displayEntryName(entryName)}": ` +
          `${unsafe}. Files like this can harm a computer, so Kindness Studio refuses them. Nothing was extracted.`,
      );
    }
    if (seen.has(entryName)) {
      throw new Refusal(
        'unsafe-entry',
        `"${name}" was not opened because the entry "${displayEntryName(entryName)}" appears twice, ` +
          'so it is unclear which one to trust. Nothing was extracted.',
      );
    }
    seen.add(entryName);

    const role = entryRole(entryName);
    if (role.type === 'other') continue;
    if (role.type === 'odd-asset') {
      warnings.push({ path: entryName, message: 'ignored: an asset file whose name is not a content hash' });
      continue;
    }
    if (entry.isEncrypted()) {
      throw new Refusal('not-a-zip', damagedMessage(name, `"${displayEntryName(entryName)}" is encrypted`));
    }
    const limit = role.type === 'project' ? limits.maxProjectJsonBytes : limits.maxAssetBytes;
    // The header is checked first only to refuse early; the count while inflating is what is trusted.
    if (entry.uncompressedSize > limit) throw tooLarge(budget, `"${displayEntryName(entryName)}"`, limit);
    if (role.type === 'project') projectEntry = { entry, entryName };
    else assetEntries.push({ id: role.id, entry, entryName });
  }

  if (projectEntry === undefined) {
    throw new Refusal('missing-project-json', damagedMessage(name, 'it has no project.json inside'));
  }
  const projectJson = (
    await readEntryBytes(
      zip,
      projectEntry.entry,
      projectEntry.entryName,
      limits.maxProjectJsonBytes,
      budget,
      true,
    )
  ).toString('utf8');
  const keep = options.keepAssets?.(projectJson) ?? null;

  const assets = new Map<string, AssetData>();
  const present = new Set<string>();
  try {
    for (const { id, entry, entryName } of assetEntries) {
      const kept = keep === null || keep.has(id);
      const hash = createHash('sha256');
      // A large asset the project uses goes to a temp file as it is inflated, never whole in memory.
      const spool = kept && entry.uncompressedSize > SPOOL_THRESHOLD ? await startSpool() : null;
      try {
        const limit = limits.maxAssetBytes;
        const bytes = await readEntryBytes(zip, entry, entryName, limit, budget, kept, hash, spool);
        if (hash.digest('hex') === id) {
          present.add(id);
          if (kept) assets.set(id, spool === null ? bytes : await finishSpool(spool, id));
        } else {
          await spool?.abort();
          // Damaged bytes are dropped: the references then show up as missing assets, never as garbage.
          warnings.push({
            path: entryName,
            message: 'this asset is damaged (its contents do not match its name) and was left out',
          });
        }
      } catch (error) {
        await spool?.abort();
        throw error;
      }
    }
  } catch (error) {
    // A file refused part way: the large assets already kept are let go.
    await releaseAssets(assets);
    throw error;
  }
  return { ok: true, projectJson, assets, warnings, present };
}

async function startSpool(): Promise<SpoolWriter> {
  try {
    return await startSpoolFile();
  } catch (error) {
    throw new SpoolFailure(error);
  }
}

async function finishSpool(spool: SpoolWriter, id: string): Promise<AssetData> {
  try {
    return await spool.finish(id);
  } catch (error) {
    await spool.abort();
    throw new SpoolFailure(error);
  }
}

interface Budget {
  name: string;
  limits: ZipLimits;
  /** Real decompressed bytes read so far, across all entries. */
  total: number;
}

function tooLarge(budget: Budget, what: string, limit: number): Refusal {
  return new Refusal(
    'too-large',
    `"${budget.name}" was not opened: ${what} is larger than Kindness Studio allows (${formatBytes(limit)}). ` +
      'It may be damaged or made to fill up the disk. Nothing was extracted.',
  );
}

/**
 * Inflates one entry, counting the real bytes and stopping as soon as a limit is passed; keeps
 * the bytes only when `keep`: written to `spool` as they come when there is one, else in one
 * buffer of the size the header gives (never a second copy); and feeds them to `hash`.
 */
async function readEntryBytes(
  zip: ZipFile,
  entry: Entry,
  entryName: string,
  limit: number,
  budget: Budget,
  keep: boolean,
  hash?: Hash,
  spool?: SpoolWriter | null,
): Promise<Buffer> {
  const label = `"${displayEntryName(entryName)}"`;
  if (entry.uncompressedSize > limit) throw tooLarge(budget, label, limit);

  const stream: Readable = await zip.openReadStreamPromise(entry);
  // Destroying the stream early can make the inflater behind it complain; that is expected.
  stream.on('error', () => {});
  // yauzl checks the real size against the header (validateEntrySizes), so the buffer is exact.
  const inMemory = keep && (spool ?? null) === null;
  const out = inMemory ? Buffer.allocUnsafe(entry.uncompressedSize) : Buffer.alloc(0);
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.total += chunk.length;
      if (size + chunk.length > limit) throw tooLarge(budget, label, limit);
      if (budget.total > budget.limits.maxTotalBytes) {
        throw tooLarge(budget, 'the project with all its files', budget.limits.maxTotalBytes);
      }
      if (keep && size + chunk.length > entry.uncompressedSize) {
        throw tooLarge(budget, `${label} (it holds more data than its header says)`, limit);
      }
      if (inMemory) chunk.copy(out, size);
      else if (keep && spool) {
        try {
          await spool.write(chunk);
        } catch (error) {
          throw new SpoolFailure(error);
        }
      }
      hash?.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (error instanceof Refusal || error instanceof SpoolFailure) throw error;
    // yauzl checks the real size against the header (validateEntrySizes): more data than the
    // header admits is how a zip bomb slips past a header check.
    if (/too many bytes/.test(errorText(error))) {
      throw tooLarge(budget, `${label} (it holds more data than its header says)`, limit);
    }
    throw new Refusal('not-a-zip', damagedMessage(budget.name, `${label} cannot be read`), errorText(error));
  } finally {
    stream.destroy();
  }
  return inMemory ? out.subarray(0, size) : out;
}
