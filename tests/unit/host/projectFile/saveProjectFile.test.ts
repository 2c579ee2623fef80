import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src/core/load';
import type { Project } from '../../../../src/core/schema';
import {
  SaveError,
  assetIdFor,
  nodeSaveFs,
  openProjectFile,
  readKindnessFile,
  saveProjectFile,
  type OpenResult,
} from '../../../../src/host/node/projectFile';

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

    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    let writes = 0;
    const save = saveProjectFile(path, sampleProject('Lost'), allAssets, {
      fs: {
        async open(tempPath, flags) {
          const file = await nodeSaveFs.open(tempPath, flags);
          return {
            ...file,
            async write(data) {
              // Let the first chunk reach the temp file, so there is something to clean up.
              if (writes++ > 0) throw diskFull;
              await file.write(data);
            },
          };
        },
      },
    });
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
    const busy = Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    await expect(
      saveProjectFile(path, sampleProject('Lost'), allAssets, {
        fs: {
          rename: (from, to) => (to === path ? Promise.reject(busy) : nodeSaveFs.rename(from, to)),
        },
      }),
    ).rejects.toThrow(
      'Could not save "kind.kindness": the file is in use by another program. Your previous file is unchanged.',
    );
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
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
});
