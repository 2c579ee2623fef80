import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSchema, type Project } from '../../src/core/schema';
import { exportVideo } from '../../src/export/exportVideo';
import type { FrameSource } from '../../src/export/frameSource';
import { clickWav } from '../helpers/sounds';
import { assetId, sineWav } from './fixtures';

const run = promisify(execFile);
const RATE = 48000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-audio-sync-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function blackFrames(): FrameSource {
  const pixels = new Uint8Array(540 * 960 * 4);
  return { width: 540, height: 960, renderFrame: (i) => (i === 0 ? pixels : null), destroy: () => undefined };
}

function projectWith(
  sound: Buffer,
  track: Record<string, unknown>,
  seconds: number,
  known?: number,
): Project {
  const id = assetId(sound);
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    video: { fps: 30 },
    scenes: [{ id: 's', duration: seconds }],
    audio: [{ id: 'a', assetId: id, ...track }],
    assets: {
      [id]: {
        kind: 'audio',
        name: 'sound.wav',
        mime: 'audio/wav',
        size: sound.length,
        ...(known !== undefined ? { duration: known } : {}),
      },
    },
  });
}

/** The exported file's sound as mono samples at 48 kHz, as a player decodes it. */
async function decodedSamples(file: string): Promise<Int16Array> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(RATE), '-f', 's16le', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 2));
}

/** Seconds into the decoded sound where the loudest sample is (the click). */
function loudestAt(samples: Int16Array): number {
  let best = 0;
  let at = 0;
  samples.forEach((v, i) => {
    if (Math.abs(v) > best) {
      best = Math.abs(v);
      at = i;
    }
  });
  return at / RATE;
}

/** Root-mean-square level of the decoded sound between two times. */
function rms(samples: Int16Array, from: number, to: number): number {
  let sum = 0;
  const [a, b] = [Math.round(from * RATE), Math.round(to * RATE)];
  for (let i = a; i < b; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, b - a)) / 32768;
}

async function exported(name: string, project: Project, sound: Buffer, range?: { from: number }) {
  const output = path.join(dir, name);
  await exportVideo({
    project,
    assets: new Map([[assetId(sound), sound]]),
    outputPath: output,
    preset: 'draft',
    sidecars: false,
    range,
    createFrameSource: blackFrames,
  });
  return decodedSamples(output);
}

describe('the exported sound is in sync with the timeline', () => {
  // The click is 1.3 s into the file; the clip starts at 0.8 s with 0.5 s trimmed off its front,
  // so the timeline says the click is heard at 0.8 + (1.3 - 0.5) = 1.6 s.
  const click = clickWav(4, 1.3);
  const project = projectWith(click, { start: 0.8, trimStart: 0.5 }, 3);
  const frame = 1 / 30;

  it('hears a click within one frame of where the timeline places it', async () => {
    const samples = await exported('click.mp4', project, click);
    expect(Math.abs(loudestAt(samples) - 1.6)).toBeLessThan(frame);
  });

  it('keeps it in sync when only part of the video is exported', async () => {
    const samples = await exported('click-range.mp4', project, click, { from: 1 });
    expect(Math.abs(loudestAt(samples) - 0.6)).toBeLessThan(frame);
  });
});

describe('a fade-out on a sound shorter than the video', () => {
  // A 1.5 s tone placed at 0.5 s in a 3 s video, with no set length: it ends at 2.0 s.
  // Its 0.5 s fade-out belongs at 1.5-2.0 s, not at the end of the video where nothing plays.
  const tone = sineWav(1.5, 440, RATE);

  it.each([
    ['measured at import', 1.5],
    ['measured at export (an older project)', undefined],
  ])('fades where the sound ends (length %s)', async (_label, known) => {
    const project = projectWith(tone, { start: 0.5, fadeOut: 0.5 }, 3, known);
    const samples = await exported(`fade-${known ?? 'old'}.mp4`, project, tone);
    const full = rms(samples, 1.0, 1.4);
    const fading = rms(samples, 1.7, 1.8);
    const end = rms(samples, 1.92, 1.98);
    // Full level before the fade; about a third of it 0.2-0.3 s before the end; near silence at the end.
    expect(full).toBeGreaterThan(0.15);
    expect(fading / full).toBeGreaterThan(0.3);
    expect(fading / full).toBeLessThan(0.75);
    expect(end / full).toBeLessThan(0.2);
    expect(rms(samples, 2.2, 2.9)).toBeLessThan(0.005);
  });
});
