import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../../../../src/core/load';
import type { Project } from '../../../../src/core/schema';
import {
  SaveError,
  assetIdFor,
  openProjectFile,
  readKindnessFile,
  saveProjectFile,
  type OpenResult,
} from '../../../../src/host/node/projectFile';

/**
 * Faults injected under the save (it writes through the one writer, src/node/files): a disk that
 * fills after the first chunk of a temp file, or a rename onto one path that fails.
 */
const faults = vi.hoisted(() => ({
  diskFullWhileWriting: false as boolean,
  renameFailsTo: null as string | null,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    async open(path: string, flags?: string | number, mode?: number) {
      const handle = await real.open(path, flags, mode);
      const creating = typeof flags === 'number' && (flags & real.constants.O_EXCL) !== 0;
      if (!faults.diskFullWhileWriting || !creating) return handle;
      const realWrite = handle.write.bind(handle) as (
        b: Uint8Array,
        o: number,
        l: number,
      ) => Promise<unknown>;
      Object.assign(handle, {
        async write(buffer: Uint8Array, offset = 0, length?: number) {
          // A few bytes land in the temp file (something to clean up), then the disk is full.
          await realWrite(buffer, offset, Math.min(16, length ?? buffer.length - offset));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
      return handle;
    },
    async rename(from: string, to: string) {
      if (to === faults.renameFailsTo) {
        throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
      }
      return real.rename(from, to);
    },
  };
});
afterEach(() => {
  faults.diskFullWhileWriting = false;
  faults.renameFailsTo = null;
});

const root = mkdtempSync(join(tmpdir(), 'kindness-save-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const freshFolder = (): string => mkdtempSync(join(root, 'folder-'));

const picture = Buffer.from('pretend PNG bytes');
const song = Buffer.from('pretend MP3 bytes');
const unused = Buffer.from('an image the creator deleted from the canvas');
const pictureId = assetIdFor(picture);
const songId = assetIdFor(song);
const unusedId = assetIdFor(unused);

function sampleProject(title = 'Kind words'): Project {
  const result = loadProject({
    format: 'kindness-studio',
    version: 1,
    title,
    scenes: [
      {
        id: 's1',
        duration: 3,
        elements: [
          { id: 'img', kind: 'image', assetId: pictureId, width: 100, height: 100 },
          { id: 't', kind: 'text', text: 'You matter 💛' },
        ],
      },
    ],
    audio: [{ id: 'a', assetId: songId }],
    assets: {
      [pictureId]: { kind: 'image', name: 'p.png', mime: 'image/png', size: picture.length },
      [songId]: { kind: 'audio', name: 's.mp3', mime: 'audio/mpeg', size: song.length },
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.project;
}

const allAssets = new Map([
  [pictureId, picture],
  [songId, song],
  [unusedId, unused],
]);

function opened(result: OpenResult): Extract<OpenResult, { ok: true }> {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('saveProjectFile', () => {
  it('round trips: what is opened is what was saved, with only the assets the project uses', async () => {
    const path = join(freshFolder(), 'kind.kindness');
    const project = sampleProject();
    await saveProjectFile(path, project, allAssets);

    const result = opened(await openProjectFile(path));
    expect(result.project).toEqual(project);
    expect(result.repairs).toEqual([]);
    expect(result.container).toBe('zip');
    expect(result.assets).toEqual(
      new Map([
        [pictureId, picture],
        [songId, song],
      ]),
    );
  });

  it('keeps the previous version as .bak after a second save', async () => {
    const folder = freshFolder();
    const path = join(folder, 'kind.kindness');
    await saveProjectFile(path, sampleProject('First'), allAssets);
    const firstBytes = readFileSync(path);
    await saveProjectFile(path, sampleProject('Second'), allAssets);
    expect(readFileSync(`${path}.bak`)).toEqual(firstBytes);
    expect(opened(await openProjectFile(path)).project.title).toBe('Second');

    await saveProjectFile(path, sampleProject('Third'), allAssets);
    expect(opened(await openProjectFile(`${path}.bak`)).project.title).toBe('Second');
    expect(readdirSync(folder).sort()).toEqual(['kind.kindness', 'kind.kindness.bak']);
  });

  it('writes no .bak for a new file', async () => {
    const folder = freshFolder();
    await saveProjectFile(join(folder, 'new.kindness'), sampleProject(), allAssets);
    expect(readdirSync(folder)).toEqual(['new.kindness']);
  });

  it('leaves the old file intact and no temp file behind when the disk fills up while writing', async () => {
    const folder = freshFolder();
    const path = join(folder, 'kind.kindness');
    await saveProjectFile(path, sampleProject('Safe'), allAssets);
    const before = readFileSync(path);

    faults.diskFullWhileWriting = true;
    const save = saveProjectFile(path, sampleProject('Lost'), allAssets);
    await expect(save).rejects.toThrow(
      'Could not save "kind.kindness": the disk is full. Your previous file is unchanged.',
    );
    await expect(save).rejects.toBeInstanceOf(SaveError);
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(folder)).toEqual(['kind.kindness']);
  });

  it('leaves the old file intact when the final rename fails', async () => {
    const folder = freshFolder();
    const path = join(folder, 'kind.kindness');
    await saveProjectFile(path, sampleProject('Safe'), allAssets);
    const before = readFileSync(path);
    faults.renameFailsTo = path;
    await expect(saveProjectFile(path, sampleProject('Lost'), allAssets)).rejects.toThrow(
      'Could not save "kind.kindness": the file is in use by another program. Your previous file is unchanged.',
    );
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['kind.kindness', 'kind.kindness.bak']);
  });

  it('says nothing was written when a new file cannot be created', async () => {
    const missingFolder = join(freshFolder(), 'does-not-exist');
    await expect(
      saveProjectFile(join(missingFolder, 'x.kindness'), sampleProject(), allAssets),
    ).rejects.toThrow('Could not save "x.kindness": the folder does not exist. No file was written.');
  });

  it.skipIf(process.getuid?.() === 0)('leaves everything as it was in a read-only folder', async () => {
    const folder = freshFolder();
    const path = join(folder, 'kind.kindness');
    await saveProjectFile(path, sampleProject('Safe'), allAssets);
    const before = readFileSync(path);
    chmodSync(folder, 0o555);
    try {
      await expect(saveProjectFile(path, sampleProject('Lost'), allAssets)).rejects.toThrow(
        /^Could not save "kind\.kindness": Kindness Studio is not allowed to write there .*Your previous file is unchanged\.$/,
      );
    } finally {
      chmodSync(folder, 0o755);
    }
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(folder)).toEqual(['kind.kindness']);
  });

  it('writes project.json as readable JSON inside the zip', async () => {
    const path = join(freshFolder(), 'kind.kindness');
    const project = sampleProject();
    await saveProjectFile(path, project, allAssets);
    const read = await readKindnessFile(path);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.projectJson.startsWith('{\n  "format": "kindness-studio",\n  "version": 1,')).toBe(true);
    expect(existsSync(`${path}.bak`)).toBe(false);
  });

  it('never follows a link planted at the backup name or at a temp name, and replaces nothing it did not make', async () => {
    const folder = freshFolder();
    const outside = join(freshFolder(), 'precious.txt');
    writeFileSync(outside, 'someone else’s file');
    const path = join(folder, 'kind.kindness');
    await saveProjectFile(path, sampleProject('First'), allAssets);
    // A link at .bak: the backup replaces the link itself, never the file it points to.
    symlinkSync(outside, `${path}.bak`);
    await saveProjectFile(path, sampleProject('Second'), allAssets);
    expect(readFileSync(outside, 'utf8')).toBe('someone else’s file');
    expect(opened(await openProjectFile(`${path}.bak`)).project.title).toBe('First');
    expect(opened(await openProjectFile(path)).project.title).toBe('Second');
  });

  it('Save As to a new name refuses a file that appeared there meanwhile, and keeps it', async () => {
    const folder = freshFolder();
    const path = join(folder, 'new.kindness');
    await saveProjectFile(path, sampleProject('From window A'), allAssets, { replace: 'never' });
    const saved = readFileSync(path);
    await expect(
      saveProjectFile(path, sampleProject('From window B'), allAssets, { replace: 'never' }),
    ).rejects.toThrow(/"new\.kindness" already exists .*not replaced/);
    expect(readFileSync(path)).toEqual(saved);
    expect(readdirSync(folder)).toEqual(['new.kindness']);
  });
});
