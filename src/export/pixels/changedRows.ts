/**
 * Which row pairs of a frame differ from the frame before: consecutive changed pairs merged
 * into `[fromRow, toRow)` spans (even bounds). The comparison is a native memcmp per pair,
 * far cheaper than converting the pair again; most frames of a kindness video move a caption
 * or a sticker over a still background, so most pairs are the same.
 */
export function changedRowSpans(
  previous: Uint8Array,
  next: Uint8Array,
  width: number,
  height: number,
): [number, number][] {
  const bytes = width * height * 4;
  if (previous.byteLength !== bytes || next.byteLength !== bytes)
    throw new Error(`expected two frames of ${bytes} bytes`);
  const a = Buffer.from(previous.buffer, previous.byteOffset, bytes);
  const b = Buffer.from(next.buffer, next.byteOffset, bytes);
  const pairBytes = width * 8;
  const spans: [number, number][] = [];
  for (let y = 0; y < height; y += 2) {
    const at = y * width * 4;
    if (a.compare(b, at, at + pairBytes, at, at + pairBytes) === 0) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && last[1] === y) last[1] = y + 2;
    else spans.push([y, y + 2]);
  }
  return spans;
}
