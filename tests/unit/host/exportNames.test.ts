import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanBaseName, outputFileName, reserveOutputPaths } from '../../../src/host/node/export/exportNames';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-names-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export file names', () => {
  it('clean what the creator typed', () => {
    expect(cleanBaseName('Be kind: part 1/2')).toBe('Be kind- part 1-2');
    expect(cleanBaseName('  ..hidden. ')).toBe('hidden');
    expect(cleanBaseName('///')).toBe('---');
    expect(cleanBaseName('...')).toBe('');
    expect(cleanBaseName('Ünïcode 💜 ok')).toBe('Ünïcode 💜 ok');
  });

  it('name each output by platform', () => {
    expect(outputFileName('clip', 'tiktok', 1)).toBe('clip-tiktok.mp4');
    expect(outputFileName('clip', 'gif', 1)).toBe('clip.gif');
    expect(outputFileName('clip', 'draft', 3)).toBe('clip-draft (3).mp4');
  });

  it('never take a name in use on disk, being written, or reserved by another export', async () => {
    await writeFile(join(dir, 'clip-reels.mp4'), 'x');
    const first = await reserveOutputPaths(dir, 'clip', ['tiktok', 'reels']);
    expect([...first.paths.values()]).toEqual([
      join(dir, 'clip-tiktok.mp4'),
      join(dir, 'clip-reels (2).mp4'),
    ]);
    // Another export of the same names while the first runs, and an old `.part` being written.
    await writeFile(join(dir, 'clip-tiktok (2).mp4.part'), 'x');
    const next = await reserveOutputPaths(dir, 'clip', ['tiktok', 'reels']);
    expect([...next.paths.values()]).toEqual([
      join(dir, 'clip-tiktok (3).mp4'),
      join(dir, 'clip-reels (3).mp4'),
    ]);
    await Promise.all([first.reservation.release(), next.reservation.release()]);
    const after = await reserveOutputPaths(dir, 'clip', ['tiktok', 'reels']);
    expect([...after.paths.values()]).toEqual([
      join(dir, 'clip-tiktok.mp4'),
      join(dir, 'clip-reels (2).mp4'),
    ]);
    await after.reservation.release();
  });

  it('number each output on its own, its video and sidecars together', async () => {
    // A caption file of an earlier TikTok export is there, its video gone: TikTok moves on, with
    // its sidecars; Reels and the GIF keep their plain names.
    await writeFile(join(dir, 'kind-tiktok.srt'), 'x');
    const { paths, reservation } = await reserveOutputPaths(dir, 'kind', ['tiktok', 'reels', 'gif']);
    expect([...paths.values()]).toEqual([
      join(dir, 'kind-tiktok (2).mp4'),
      join(dir, 'kind-reels.mp4'),
      join(dir, 'kind.gif'),
    ]);
    expect(reservation.paths).toContain(join(dir, 'kind-tiktok (2).srt'));
    await reservation.release();
  });
});
