import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  assetIdFor,
  openProjectFile,
  readKindnessFile,
  type ReadErrorKind,
} from '../../src/host/node/projectFile';
import { craftZip, type CraftEntry } from '../helpers/zipCraft';
import { folderSnapshot } from './helpers/folderSnapshot';

/**
 * The hostile zips not already covered by tests/unit/host/projectFile: symbolic links and
 * special files, overlapping entries, honest but huge headers, lying entry counts. Each is
 * refused with a clear message, and opening them writes nothing anywhere: the folders around
 * the files (and the temp folder) look the same afterwards.
 */
const outer = mkdtempSync(join(tmpdir(), 'kindness-zipcorpus-'));
const dir = join(outer, 'inner', 'projects');
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(outer, { recursive: true, force: true }));

const PROJECT = '{"format":"kindness-studio","version":1,"scenes":[{"id":"s","duration":1}]}';
let counter = 0;
function writeZip(entries: readonly CraftEntry[]): string {
  const path = join(dir, `corpus-${counter++}.kindness`);
  writeFileSync(path, craftZip(entries));
  return path;
}

async function refusal(path: string, kind: ReadErrorKind): Promise<string> {
  const read = await readKindnessFile(path);
  if (read.ok) throw new Error(`expected ${kind}, but the file was read`);
  expect(read.error.kind).toBe(kind);
  // Opening goes through the same reader and must say the same.
  const opened = await openProjectFile(path);
  expect(opened.ok).toBe(false);
  if (!opened.ok) expect(opened.error.message).toBe(read.error.message);
  return read.error.message;
}

const bomb = Buffer.alloc(2 * 1024 * 1024); // 2 MiB of zeros: a few KiB deflated

describe('hostile zips are refused', () => {
  it.each([
    ['project.json', 0o120777, 'symbolic link'],
    ['assets/notes', 0o120777, 'symbolic link'],
    ['link-to-etc', 0o120755, 'symbolic link'],
    ['assets/dev', 0o020644, 'special file'],
    ['fifo', 0o010644, 'special file'],
  ])('an entry "%s" with Unix mode %o (a %s)', async (name, mode, what) => {
    const entries: CraftEntry[] =
      name === 'project.json'
        ? [{ name, data: '/etc/passwd', unixMode: mode }]
        : [
            { name: 'project.json', data: PROJECT, unixMode: 0o100644 },
            { name, data: '../../../../etc/passwd', unixMode: mode },
          ];
    const message = await refusal(writeZip(entries), 'unsafe-entry');
    expect(message).toContain(`unsafe entry "${name}"`);
    expect(message).toContain(what);
    expect(message).toMatch(/Nothing was extracted\.$/);
  });

  it('plain files and folders made on Unix are fine', async () => {
    const path = writeZip([
      { name: 'assets/', data: '', unixMode: 0o040755 },
      { name: 'project.json', data: PROJECT, unixMode: 0o100644 },
    ]);
    expect((await openProjectFile(path)).ok).toBe(true);
  });

  it('a second project.json whose name only differs by "./" or case is ignored, never trusted', async () => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      {
        name: './project.json',
        data: '{"format":"kindness-studio","version":1,"title":"Other","scenes":[]}',
      },
      { name: 'Project.json', data: '{}' },
    ]);
    const opened = await openProjectFile(path);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.project.title).toBe('Untitled');
  });

  it('a duplicated asset name', async () => {
    const picture = Buffer.from('picture');
    const name = `assets/${assetIdFor(picture)}`;
    const message = await refusal(
      writeZip([
        { name: 'project.json', data: PROJECT },
        { name, data: picture },
        { name, data: picture },
      ]),
      'unsafe-entry',
    );
    expect(message).toMatch(/appears twice/);
  });

  it('an honest header that admits a huge entry is refused before inflating anything', async () => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      {
        name: `assets/${'a'.repeat(64)}`,
        data: 'tiny',
        deflate: true,
        claimedSize: DEFAULT_LIMITS.maxAssetBytes + 1,
      },
    ]);
    expect(await refusal(path, 'too-large')).toMatch(/is larger than Kindness Studio allows \(512 MB\)/);
  });

  it('overlapping entries (many names for one deflated bomb) hit the total limit', async () => {
    const entries: CraftEntry[] = [{ name: 'project.json', data: PROJECT }];
    const id = assetIdFor(bomb);
    entries.push({ name: `assets/${id}`, data: bomb, deflate: true });
    // The same bytes under other asset names: each re-inflates the same data.
    for (let i = 0; i < 40; i++) {
      entries.push({
        name: `assets/${i.toString(16).padStart(64, '0')}`,
        data: bomb,
        deflate: true,
        sharesDataOf: 1,
      });
    }
    const path = join(dir, 'overlap.kindness');
    writeFileSync(path, craftZip(entries));
    const limits = { ...DEFAULT_LIMITS, maxTotalBytes: 16 * 1024 * 1024 };
    const read = await readKindnessFile(path, limits);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(['too-large', 'not-a-zip']).toContain(read.error.kind);
  });

  it('an end record that claims fewer entries than there are reads only what it claims, safely', async () => {
    const whole = craftZip([
      { name: 'project.json', data: PROJECT },
      { name: '../escape', data: 'x' },
    ]);
    const lying = Buffer.from(whole);
    lying.writeUInt16LE(1, lying.length - 22 + 8);
    lying.writeUInt16LE(1, lying.length - 22 + 10);
    const path = join(dir, 'claims-one.kindness');
    writeFileSync(path, lying);
    const opened = await openProjectFile(path);
    // Either refused as damaged, or read with the one entry it admits: never the hidden one.
    if (opened.ok) expect(opened.assets.size).toBe(0);
    else expect(['not-a-zip', 'unsafe-entry']).toContain(opened.error.kind);
  });

  it('an end record that claims 65535 entries is refused as too many before reading any', async () => {
    const whole = craftZip([{ name: 'project.json', data: PROJECT }]);
    const lying = Buffer.from(whole);
    lying.writeUInt16LE(0xffff, lying.length - 22 + 8);
    lying.writeUInt16LE(0xffff, lying.length - 22 + 10);
    const path = join(dir, 'claims-many.kindness');
    writeFileSync(path, lying);
    const opened = await openProjectFile(path);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(['too-many-entries', 'not-a-zip']).toContain(opened.error.kind);
  });

  it('opening every file of this corpus wrote nothing: not beside them, above them or in the temp folder', async () => {
    const entries: CraftEntry[][] = [
      [{ name: '../../escaped.txt', data: 'x' }],
      [{ name: '/tmp/escaped.txt', data: 'x' }],
      [{ name: 'C:\\escaped.txt', data: 'x' }],
      [{ name: 'assets\\..\\..\\escaped.txt', data: 'x' }],
      [{ name: 'escaped-link', data: '/tmp', unixMode: 0o120777 }],
      [
        { name: 'project.json', data: PROJECT },
        { name: 'project.json', data: PROJECT },
      ],
    ];
    const paths = entries.map((e) => writeZip(e));
    const tempBefore = readdirSync(tmpdir()).filter(
      (n) => !n.startsWith('kindness-') && !n.startsWith('vitest'),
    );
    const before = folderSnapshot(outer);
    for (const path of paths) {
      const opened = await openProjectFile(path);
      expect(opened.ok).toBe(false);
    }
    expect(folderSnapshot(outer)).toEqual(before);
    const tempAfter = readdirSync(tmpdir()).filter(
      (n) => !n.startsWith('kindness-') && !n.startsWith('vitest'),
    );
    expect(tempAfter.filter((n) => /escaped/.test(n))).toEqual([]);
    expect(tempAfter.filter((n) => !tempBefore.includes(n) && /escaped|link/.test(n))).toEqual([]);
  });
});
