import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { openProjectFile, saveProjectFile } from '../../../src/host/node/projectFile';
import { reserveNames, writeFileAtomic } from '../../../src/node/files';
import { fitName, MAX_NAME_BYTES } from '../../../src/node/files/fitName';

/**
 * Found trying issue 10 again with names: a file whose own name is legal but near the 255-byte
 * limit could not be written at all, because its temp name (`.NAME.HOST-PID-RANDOM.part`) or its
 * reservation (`.NAME.reserved`) was too long: "the file name is too long" for a name that is not.
 */
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-longnames-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A name of exactly `bytes` UTF-8 bytes ending in `ext`, made of `char` (1, 2 or 3 bytes). */
function nameOf(bytes: number, char: string, ext: string): string {
  const size = Buffer.byteLength(char);
  const count = Math.floor((bytes - ext.length) / size);
  return `${char.repeat(count)}${'a'.repeat(bytes - ext.length - count * size)}${ext}`;
}

describe('names near the file system limit', () => {
  for (const char of ['a', 'é', '💛']) {
    it(`a project named with ${MAX_NAME_BYTES - 4} bytes of "${char}" saves twice (with its .bak) and opens`, async () => {
      const name = nameOf(MAX_NAME_BYTES - 4, char, '.kindness');
      const path = join(dir, name);
      await saveProjectFile(path, blankProject('First'), new Map());
      await saveProjectFile(path, blankProject('Second'), new Map());
      const opened = await openProjectFile(path);
      expect(opened.ok && opened.project.title).toBe('Second');
      expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
      await rm(path);
      await rm(`${path}.bak`);
    });
  }

  it('a 255-byte file name is written by the writer and reserved for an export', async () => {
    const target = join(dir, nameOf(MAX_NAME_BYTES, 'b', '.srt'));
    await writeFileAtomic(target, 'captions', { replace: 'never' });
    expect(await readFile(target, 'utf8')).toBe('captions');
    const other = join(dir, nameOf(MAX_NAME_BYTES, 'b', '.vtt'));
    const reserved = await reserveNames([other], { replace: 'never' });
    expect(reserved.ok).toBe(true);
    if (reserved.ok) await reserved.reservation.release();
  });

  it('two long names that start alike get different helper names; short names are unchanged', () => {
    const a = fitName(`${'x'.repeat(250)}-one.mp4`, 30);
    const b = fitName(`${'x'.repeat(250)}-two.mp4`, 30);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(a) + 30).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(fitName('clip.mp4', 30)).toBe('clip.mp4');
  });
});
