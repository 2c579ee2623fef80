import { createHash } from 'node:crypto';

/** An asset's id is the sha256 (hex) of its bytes: the same file is stored once, and damage shows. */
export function assetIdFor(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
