import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProblem } from '../../src/export/verify/decodeCheck';

/**
 * The decode check reads every packet of a finished video back (a player's work) before the
 * export calls it done. It skips the deblocking filter to save a sixth of that work: the filter
 * only smooths block edges of frames already decoded, and finds no damage of its own. These
 * tests keep it finding damage: bytes overwritten in the middle of the video, and a file cut off.
 */
let dir: string;
let good: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-decode-check-'));
  const made = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=360x640:rate=30:duration=3',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    '-y',
    join(dir, 'good.mp4'),
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make the test video: ${String(made.stderr)}`);
  good = await readFile(join(dir, 'good.mp4'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the decode check of a finished video', () => {
  it('passes a video that decodes', async () => {
    expect(await decodeProblem('ffmpeg', join(dir, 'good.mp4'))).toBeNull();
  });

  it('finds bytes overwritten in the middle of the picture data', async () => {
    const damaged = Buffer.from(good);
    for (let at = Math.floor(damaged.length / 2); at < damaged.length / 2 + 4000; at += 400) {
      damaged.writeUInt32BE(0xff133700, at);
    }
    const file = join(dir, 'damaged.mp4');
    await writeFile(file, damaged);
    expect(await decodeProblem('ffmpeg', file)).not.toBeNull();
  });

  it('finds a file cut off before its end', async () => {
    const file = join(dir, 'cut.mp4');
    await writeFile(file, good);
    await truncate(file, Math.floor(good.length * 0.6));
    expect(await decodeProblem('ffmpeg', file)).not.toBeNull();
  });
});
