import { createHash } from 'node:crypto';

/** Most file systems (ext4, APFS, NTFS) take at most 255 bytes (or UTF-16 units) in one name. */
export const MAX_NAME_BYTES = 255;

/**
 * `name` as part of a longer helper name (a temp file, a reservation) that adds `extraBytes`:
 * unchanged when the whole still fits in one file name, else its start plus a short hash of all
 * of it, so a file whose own name is legal never fails for its helpers' names, and two long
 * names that start alike still get different helpers. Deterministic: every process computes the
 * same helper name for the same target.
 */
export function fitName(name: string, extraBytes: number): string {
  if (Buffer.byteLength(name, 'utf8') + extraBytes <= MAX_NAME_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const room = MAX_NAME_BYTES - extraBytes - hash.length - 1;
  let kept = '';
  let bytes = 0;
  for (const char of name) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > room) break;
    kept += char;
    bytes += size;
  }
  return `${kept}~${hash}`;
}
