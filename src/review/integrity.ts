import { canonicalJson } from '../core/review/canonical';
import type { ReviewFileContent } from '../core/review/file';

/**
 * Signs and checks review files with HMAC-SHA256 over their canonical JSON, keyed by the
 * share's secret. Web Crypto only, so the same code runs in the review page (any current
 * browser, file:// is a secure context) and on the host (Node 20+).
 *
 * Threat model. The secret is stored in the project and embedded in the review page, so
 * anyone holding the page can sign a file: this is not proof of who the reviewer is. It does
 * prove that a review file was made by a page shared from THIS project's share and was not
 * edited afterwards: a hand-edited decision or comment, a file mangled in transit, a file
 * meant for another project or an older share are all refused before anything is merged.
 */
const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function keyOf(secretHex: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    hexToBytes(secretHex),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

/** Hex HMAC-SHA256 of the content's canonical JSON. */
export async function signReview(content: ReviewFileContent, secretHex: string): Promise<string> {
  const key = await keyOf(secretHex);
  return bytesToHex(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(canonicalJson(content))));
}

/** True when `signature` is the content's HMAC under this secret (compared in constant time). */
export async function verifyReview(
  content: ReviewFileContent,
  signature: string,
  secretHex: string,
): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const key = await keyOf(secretHex);
  return globalThis.crypto.subtle.verify(
    'HMAC',
    key,
    hexToBytes(signature),
    encoder.encode(canonicalJson(content)),
  );
}

/** A fresh random secret for a share (32 bytes, hex). */
export function newShareSecret(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return bytesToHex(bytes.buffer);
}
