/** Biggest picture, sound or font a project takes in (a saved library item's pictures too). */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;

/** The type of an asset from its first bytes (the page only needs it to decode pictures). */
export function mimeOf(bytes: Buffer): string {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  if (/^\s*<(\?xml|svg)/.test(bytes.subarray(0, 100).toString('utf8'))) return 'image/svg+xml';
  return 'application/octet-stream';
}
