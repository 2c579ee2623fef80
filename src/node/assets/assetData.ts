import { constants, createReadStream } from 'node:fs';
import { copyFile, link, readFile, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { readRegularFileHead } from '../files';

/**
 * The bytes of one asset (a picture, a sound, a font): in memory when small, in a private temp
 * file when large (see assetSpool.ts), so a project of long sounds is not held whole in memory.
 * Plain data: it crosses into the export process as is (a file by its path).
 */
export interface AssetFile {
  /** Absolute path of the spooled file (ours, private, never written again once made). */
  readonly file: string;
  readonly size: number;
}

export type AssetData = Uint8Array | AssetFile;

/** A document's assets by id (a content hash). */
export type AssetMap = ReadonlyMap<string, AssetData>;

export function isAssetFile(data: AssetData): data is AssetFile {
  return !(data instanceof Uint8Array);
}

export function assetSize(data: AssetData): number {
  return isAssetFile(data) ? data.size : data.length;
}

/**
 * All the bytes, for what needs them whole for a moment (a picture to decode, to send to the
 * page): the caller drops them after use, so a large one is in memory only while it is used.
 */
export async function readAssetBytes(data: AssetData): Promise<Buffer> {
  if (!isAssetFile(data)) return Buffer.from(data.buffer, data.byteOffset, data.length);
  return readFile(data.file);
}

/** The first `bytes` bytes (or fewer), to tell a file's type. */
export async function readAssetHead(data: AssetData, bytes: number): Promise<Buffer> {
  if (!isAssetFile(data)) return Buffer.from(data.buffer, data.byteOffset, Math.min(bytes, data.length));
  return readRegularFileHead(data.file, Math.min(bytes, data.size), { noFollow: true });
}

/** The bytes as a stream (the zip writer copies a large asset without holding it). */
export function assetStream(data: AssetData): Readable {
  if (!isAssetFile(data))
    return ReadableStream.from([Buffer.from(data.buffer, data.byteOffset, data.length)]);
  return createReadStream(data.file);
}

/**
 * Puts the asset at `target` (a new name in a private folder of the caller's) for a tool that
 * reads files, ffmpeg: a spooled file is hard-linked (no copy, and the link keeps the bytes
 * however the document's own file is released meanwhile), or copied by the kernel where a link
 * cannot be made; bytes in memory are written.
 */
export async function placeAsset(data: AssetData, target: string): Promise<void> {
  if (!isAssetFile(data)) {
    await writeFile(target, data, { flag: 'wx' });
    return;
  }
  try {
    await link(data.file, target);
  } catch {
    await copyFile(data.file, target, constants.COPYFILE_EXCL);
  }
}
