import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../host/node/contentTypes';

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Hashed build assets never change; the page itself is always fetched fresh. */
  immutable: boolean;
}

/** A file of the built UI for a URL path, or null. Paths that climb out of `root` find nothing. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.startsWith('..') || relative.split(sep).includes('..')) return null;
  const path = join(root, relative);
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    return {
      body: await readFile(path),
      type: contentTypeOf(path),
      immutable: relative.startsWith(`assets${sep}`),
    };
  } catch {
    return null;
  }
}
