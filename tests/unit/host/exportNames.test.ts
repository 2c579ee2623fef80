import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanBaseName, freeOutputPaths, outputFileName } from '../../../src/host/node/export/exportNames';

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
    const first = await freeOutputPaths(dir, 'clip', ['tiktok', 'reels'], new Set());
    expect([...first.values()]).toEqual([join(dir, 'clip-tiktok (2).mp4'), join(dir, 'clip-reels (2).mp4')]);
    await writeFile(join(dir, 'clip-tiktok (2).mp4.part'), 'x');
    const reserved = new Set([join(dir, 'clip-reels (3).mp4')]);
    const next = await freeOutputPaths(dir, 'clip', ['tiktok', 'reels'], reserved);
    expect([...next.values()]).toEqual([join(dir, 'clip-tiktok (4).mp4'), join(dir, 'clip-reels (4).mp4')]);
  });
});
