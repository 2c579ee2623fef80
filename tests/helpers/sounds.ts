import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Small sound files made with the system ffmpeg at test time (nothing binary is committed).
 * `kind` picks the container and codec the studio promises to take.
 */
export type SoundKind = 'wav' | 'mp3' | 'm4a' | 'ogg';

const CODEC: Record<SoundKind, string[]> = {
  wav: ['-c:a', 'pcm_s16le'],
  mp3: ['-c:a', 'libmp3lame', '-b:a', '96k'],
  m4a: ['-c:a', 'aac', '-b:a', '96k'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '2'],
};

/** A sine tone of `seconds` (stereo, 44.1 kHz) written to `dir/name.kind`; returns its bytes. */
export async function makeTone(
  dir: string,
  kind: SoundKind,
  seconds: number,
  options: { frequency?: number; name?: string } = {},
): Promise<{ file: string; bytes: Buffer }> {
  const file = path.join(dir, `${options.name ?? 'tone'}.${kind}`);
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i'],
    `sine=frequency=${options.frequency ?? 440}:sample_rate=44100:duration=${seconds}`,
    ...['-ac', '2', ...CODEC[kind], file],
  ]);
  return { file, bytes: await readFile(file) };
}

/**
 * A WAV of silence with one loud click (a few samples at full scale) at `clickAt` seconds:
 * easy to find again after mixing and encoding.
 */
export function clickWav(seconds: number, clickAt: number, sampleRate = 48000): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * 2);
  const at = Math.round(clickAt * sampleRate);
  // A short square pulse (1 ms) survives AAC's band limit as a clear burst of energy.
  const width = Math.round(sampleRate / 1000);
  for (let i = at; i < Math.min(frames, at + width); i++) data.writeInt16LE(30000, i * 2);
  return wavFile(data, sampleRate, 1);
}

/** A 16-bit mono WAV: a 330 Hz tone that swells and fades, so its waveform has a visible shape. */
export function toneWav(seconds: number, sampleRate = 22050): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) {
    const envelope = Math.sin((Math.PI * i) / frames);
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 330 * i) / sampleRate) * envelope * 24000), i * 2);
  }
  return wavFile(data, sampleRate, 1);
}

function wavFile(pcm: Buffer, sampleRate: number, channels: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
