/**
 * RGBA -> yuv420p (planar Y, then U (Cb), then V (Cr) at half size both ways) with the BT.709
 * matrix in limited ("tv") range: the colours the MP4 says it carries (`-colorspace bt709
 * -color_range tv` in ffmpeg/args.ts). Doing it here, before the pipe, sends 1.5 bytes a
 * pixel instead of 4 and spares ffmpeg its single-threaded conversion.
 *
 * Alpha is ignored: export frames are drawn over an opaque base (the renderer's background),
 * so premultiplied and straight RGBA are the same pixels. Chroma is the mean of each 2x2
 * block (linear maths, so averaging RGB first is the same as averaging Cb/Cr).
 */

/** Fixed point: coefficients scaled by 2^16, rounded once. */
const SHIFT = 16;
const ONE = 1 << SHIFT;
const fix = (c: number): number => Math.round(c * ONE);

// BT.709 luma weights.
const KR = 0.2126;
const KB = 0.0722;
const KG = 1 - KR - KB;
/** Limited range: Y spans 16..235 (219 steps), Cb/Cr 16..240 (224 steps) around 128. */
const Y_SCALE = 219 / 255;
const C_SCALE = 224 / 255;

const YR = fix(KR * Y_SCALE);
const YG = fix(KG * Y_SCALE);
const YB = fix(KB * Y_SCALE);
const Y_OFFSET = (16 << SHIFT) + (ONE >> 1);

const UR = fix((-KR / (2 * (1 - KB))) * C_SCALE);
const UG = fix((-KG / (2 * (1 - KB))) * C_SCALE);
const UB = fix(0.5 * C_SCALE);
const VR = fix(0.5 * C_SCALE);
const VG = fix((-KG / (2 * (1 - KR))) * C_SCALE);
const VB = fix((-KB / (2 * (1 - KR))) * C_SCALE);
/** Chroma sums four pixels, so its result is shifted by two more bits. */
const C_SHIFT = SHIFT + 2;
const C_OFFSET = (128 << C_SHIFT) + (1 << (C_SHIFT - 1));

/** The fixed-point sums above, in the order the SIMD kernel (rgbaToYuv420p.wat) takes them. */
export const YUV_COEFFICIENTS = [YR, YG, YB, Y_OFFSET, UR, UG, UB, VR, VG, VB, C_OFFSET] as const;

/** Bytes of one yuv420p frame (sides even). */
export function yuv420pBytes(width: number, height: number): number {
  return width * height + 2 * (width >> 1) * (height >> 1);
}

/**
 * Converts one frame. `out` may be passed to reuse a buffer (it must be yuv420pBytes long);
 * a new one is made otherwise. Width and height must be even (export sizes always are).
 */
export function rgbaToYuv420p(rgba: Uint8Array, width: number, height: number, out?: Uint8Array): Uint8Array {
  checkSizes(rgba, width, height);
  const size = yuv420pBytes(width, height);
  const dst = out ?? new Uint8Array(size);
  if (dst.byteLength !== size)
    throw new Error(`expected a ${size}-byte yuv420p buffer, got ${dst.byteLength}`);
  convertRows(rgba, width, height, dst, 0, height);
  return dst;
}

/**
 * Converts rows `fromRow` (even) up to `toRow` (even, exclusive) of `rgba` into `dst`, leaving
 * the rest of `dst` as it is. Each pair of rows makes its own chroma row, so a pair converted
 * alone is exactly what converting the whole frame gives it.
 */
export function rgbaToYuv420pRows(
  rgba: Uint8Array,
  width: number,
  height: number,
  dst: Uint8Array,
  fromRow: number,
  toRow: number,
): void {
  checkSizes(rgba, width, height);
  if (dst.byteLength !== yuv420pBytes(width, height))
    throw new Error(`expected a ${yuv420pBytes(width, height)}-byte yuv420p buffer, got ${dst.byteLength}`);
  if (fromRow % 2 !== 0 || toRow % 2 !== 0 || fromRow < 0 || toRow > height || fromRow > toRow)
    throw new Error(`rows ${fromRow}..${toRow} are not whole row pairs of a ${height}-row frame`);
  convertRows(rgba, width, height, dst, fromRow, toRow);
}

function checkSizes(rgba: Uint8Array, width: number, height: number): void {
  if (width % 2 !== 0 || height % 2 !== 0)
    throw new Error(`yuv420p needs even sides, not ${width}x${height}`);
  if (rgba.byteLength !== width * height * 4) {
    throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.byteLength}`);
  }
}

function convertRows(
  rgba: Uint8Array,
  width: number,
  height: number,
  dst: Uint8Array,
  fromRow: number,
  toRow: number,
): void {
  // One 32-bit read per pixel; byte order R, G, B, A in memory is little-endian on every
  // platform Node runs the exporter on (x64, arm64). Signed: opaque pixels (alpha 255) stay
  // small integers for V8 instead of turning into doubles above 2^31.
  const aligned = rgba.byteOffset % 4 === 0;
  const px = aligned
    ? new Int32Array(rgba.buffer, rgba.byteOffset, width * height)
    : new Int32Array(rgba.slice().buffer);
  const cw = width >> 1;
  const uBase = width * height;
  const uPlane = dst.subarray(uBase, uBase + cw * (height >> 1));
  const vPlane = dst.subarray(uBase + cw * (height >> 1));
  for (let y = fromRow; y < toRow; y += 2) {
    let i0 = y * width;
    let i1 = i0 + width;
    let c = (y >> 1) * cw;
    const end = i0 + width;
    while (i0 < end) {
      const a = px[i0] as number;
      const b = px[i0 + 1] as number;
      const d = px[i1] as number;
      const e = px[i1 + 1] as number;
      const ar = a & 0xff,
        ag = (a >> 8) & 0xff,
        ab = (a >> 16) & 0xff;
      const br = b & 0xff,
        bg = (b >> 8) & 0xff,
        bb = (b >> 16) & 0xff;
      const dr = d & 0xff,
        dg = (d >> 8) & 0xff,
        db = (d >> 16) & 0xff;
      const er = e & 0xff,
        eg = (e >> 8) & 0xff,
        eb = (e >> 16) & 0xff;
      dst[i0] = (YR * ar + YG * ag + YB * ab + Y_OFFSET) >> SHIFT;
      dst[i0 + 1] = (YR * br + YG * bg + YB * bb + Y_OFFSET) >> SHIFT;
      dst[i1] = (YR * dr + YG * dg + YB * db + Y_OFFSET) >> SHIFT;
      dst[i1 + 1] = (YR * er + YG * eg + YB * eb + Y_OFFSET) >> SHIFT;
      const r = ar + br + dr + er;
      const g = ag + bg + dg + eg;
      const bl = ab + bb + db + eb;
      uPlane[c] = (UR * r + UG * g + UB * bl + C_OFFSET) >> C_SHIFT;
      vPlane[c] = (VR * r + VG * g + VB * bl + C_OFFSET) >> C_SHIFT;
      i0 += 2;
      i1 += 2;
      c++;
    }
  }
}
