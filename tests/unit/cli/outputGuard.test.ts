import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardOutputs } from '../../../src/cli/outputGuard';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-guard-'));
  await writeFile(path.join(dir, 'p.json'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('-o naming a folder (found trying issue 10 again)', () => {
  it('says it is a folder, with or without --force, instead of "already exists"', async () => {
    for (const force of [false, true]) {
      await expect(guardOutputs('export', path.join(dir, 'p.json'), [dir], force)).rejects.toThrow(
        `Nothing was written: ${dir} is a folder. Give a file name, like ${path.join(dir, 'clip.mp4')}.`,
      );
    }
    await expect(guardOutputs('render-frame', path.join(dir, 'p.json'), ['/'], true)).rejects.toThrow(
      'Nothing was written: / is a folder.',
    );
  });
});
