/** Rows `[from, to)` of a frame, both even: whole row pairs, as yuv420p's chroma needs. */
export type RowSpan = readonly [from: number, to: number];

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

/**
 * The rows of `spans` that are not in `minus`; both sorted and without overlaps, as
 * changedRowSpans gives them.
 */
export function spansWithout(spans: readonly RowSpan[], minus: readonly RowSpan[]): RowSpan[] {
  const out: RowSpan[] = [];
  let k = 0;
  for (const [from, to] of spans) {
    let start = from;
    while (k < minus.length && (minus[k] as RowSpan)[1] <= start) k++;
    for (let j = k; j < minus.length && start < to; j++) {
      const [cutFrom, cutTo] = minus[j] as RowSpan;
      if (cutFrom >= to) break;
      if (cutFrom > start) out.push([start, cutFrom]);
      start = Math.max(start, cutTo);
    }
    if (start < to) out.push([start, to]);
  }
  return out;
}
