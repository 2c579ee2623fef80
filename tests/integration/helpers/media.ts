import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { discoverFfprobe } from '../../../src/export/ffmpeg/discover';

const run = promisify(execFile);

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  color_space?: string;
  color_transfer?: string;
  color_primaries?: string;
  color_range?: string;
}

export interface Probed {
  streams: ProbedStream[];
  format: { duration: string; tags?: Record<string, string> };
}

/** ffprobe's view of a file (system ffprobe, as a player or platform would read it). */
export async function ffprobe(file: string): Promise<Probed> {
  const { path } = await discoverFfprobe();
  const { stdout } = await run(path, ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]);
  return JSON.parse(stdout) as Probed;
}

/** One decoded frame of a video as RGB bytes: the first frame at or after `seconds`. */
export async function decodeFrameRgb(file: string, seconds: number): Promise<Buffer> {
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-ss',
      String(seconds),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** A PNG file (as `kindness render-frame` writes) as RGB bytes, decoded by ffmpeg. */
export async function decodePngRgb(file: string): Promise<Buffer> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** The types of the top-level boxes of an MP4 file, in file order. */
export async function topLevelBoxes(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  const types: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    else if (size === 0) size = bytes.length - offset;
    if (size < 8) throw new Error(`bad box size ${size} at ${offset}`);
    types.push(type);
    offset += size;
  }
  return types;
}

/** PSNR in dB of RGB pixels (`b` may be RGBA: its alpha is ignored). */
export function psnrRgb(rgb: Uint8Array, other: Uint8Array, otherChannels: 3 | 4): number {
  const pixels = rgb.length / 3;
  if (other.length !== pixels * otherChannels)
    throw new Error(`sizes differ: ${rgb.length / 3} vs ${other.length / otherChannels} pixels`);
  let sum = 0;
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < 3; c++) {
      const d = (rgb[p * 3 + c] as number) - (other[p * otherChannels + c] as number);
      sum += d * d;
    }
  }
  const mse = sum / (pixels * 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Whether a process with this id still exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
