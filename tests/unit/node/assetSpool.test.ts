import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKindnessFile } from '../../../src/host/node/projectFile';
import {
  isAssetFile,
  readAssetBytes,
  releaseAssets,
  removeStaleAssetSpools,
  retainAssets,
  SPOOL_THRESHOLD,
  spooledCount,
  spoolIfLarge,
  type AssetData,
  type AssetFile,
} from '../../../src/node/assets';
import { HOST_TAG } from '../../../src/node/files';
import { craftZip } from '../../helpers/zipCraft';

/**
 * Large assets live in private temp files (src/node/assets): shared per content hash, removed
 * when the last holder lets go, and what a killed process left is cleared only by exact name and
 * only once that process is gone.
 */
const root = mkdtempSync(join(tmpdir(), 'kindness-spool-test-'));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  // The spool lives in the temp folder: this test's own, so its folders can be listed.
  process.env.TMPDIR = join(root, 'tmp');
  mkdirSync(join(root, 'tmp'));
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

const large = (fill: number): Buffer => Buffer.alloc(SPOOL_THRESHOLD + 1024, fill);
const idOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const asFile = (data: AssetData): AssetFile => {
  if (!isAssetFile(data)) throw new Error('expected a spooled file');
  return data;
};

describe('the asset spool', () => {
  it('keeps small bytes in memory and spools large ones into a private folder', async () => {
    const small = Buffer.from('a small picture');
    expect(await spoolIfLarge(idOf(small), small)).toBe(small);

    const bytes = large(1);
    const file = asFile(await spoolIfLarge(idOf(bytes), bytes));
    expect(file.size).toBe(bytes.length);
    expect(readFileSync(file.file).equals(bytes)).toBe(true);
    expect((await readAssetBytes(file)).equals(bytes)).toBe(true);
    const folder = dirname(file.file);
    expect(basename(folder)).toMatch(
      new RegExp(`^kindness-assets-${HOST_TAG}-${process.pid}-[A-Za-z0-9]{6}$`),
    );
    expect(dirname(folder)).toBe(join(root, 'tmp'));
    expect(lstatSync(folder).mode & 0o777).toBe(0o700);
    expect(lstatSync(file.file).mode & 0o777).toBe(0o600);
    await releaseAssets(new Map([['x', file]]));
    expect(existsSync(file.file)).toBe(false);
  });

  it('shares one file between holders of the same bytes and removes it after the last', async () => {
    const bytes = large(2);
    const id = idOf(bytes);
    const first = asFile(await spoolIfLarge(id, bytes));
    const second = asFile(await spoolIfLarge(id, bytes));
    expect(second.file).toBe(first.file);
    const doc1 = new Map([[id, first]]);
    const doc2 = new Map([[id, second]]);
    // An export holds the first document's files while it runs.
    const exportDone = retainAssets(doc1);
    await releaseAssets(doc1);
    await releaseAssets(doc2);
    expect(existsSync(first.file)).toBe(true);
    await exportDone();
    await exportDone(); // twice releases once
    expect(existsSync(first.file)).toBe(false);
    expect(spooledCount()).toBe(0);
  });

  it('reads a large used entry of a zip into a file, and leaves none for unused, damaged or refused ones', async () => {
    const used = large(3);
    const unused = large(4);
    const damagedBytes = large(5);
    const project = JSON.stringify({ format: 'kindness-studio', version: 1 });
    const zip = join(root, 'large.kindness');
    writeFileSync(
      zip,
      craftZip([
        { name: 'project.json', data: project },
        { name: `assets/${idOf(used)}`, data: used, deflate: true },
        { name: `assets/${idOf(unused)}`, data: unused, deflate: true },
        { name: `assets/${'0'.repeat(64)}`, data: damagedBytes, deflate: true },
      ]),
    );
    const keep = new Set([idOf(used), '0'.repeat(64)]);
    const read = await readKindnessFile(zip, undefined, { keepAssets: () => keep });
    if (!read.ok) throw new Error(read.error.message);
    expect([...read.assets.keys()]).toEqual([idOf(used)]);
    const file = asFile(read.assets.get(idOf(used)) as AssetData);
    expect(readFileSync(file.file).equals(used)).toBe(true);
    expect(readdirSync(dirname(file.file))).toEqual([basename(file.file)]);
    await releaseAssets(read.assets);
    expect(readdirSync(dirname(file.file))).toEqual([]);

    // Refused part way (the whole is over the limit): the file already spooled is removed.
    const limits = {
      maxEntries: 10,
      maxProjectJsonBytes: 1 << 20,
      maxAssetBytes: 1 << 30,
      maxTotalBytes: 40 << 20,
    };
    const refused = await readKindnessFile(zip, limits, { keepAssets: () => keep });
    expect(refused.ok).toBe(false);
    expect(readdirSync(dirname(file.file))).toEqual([]);
  });
});

describe('stale spool folders (left by killed processes)', () => {
  const DEAD = 4_000_001;
  const LIVE = 4_000_002;
  const OTHER_HOST = HOST_TAG === 'd4e5f6' ? 'a1b2c3' : 'd4e5f6';
  const alive = (pid: number) => pid === LIVE;
  const ourFile = `${'a'.repeat(64)}-0123abcd.asset`;

  function spoolFolder(base: string, name: string, files: string[]): string {
    const folder = join(base, name);
    mkdirSync(folder);
    for (const file of files) writeFileSync(join(folder, file), 'bytes');
    return folder;
  }

  it('removes only our exact names, only when their process is gone', async () => {
    const base = mkdtempSync(join(root, 'base-'));
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'keep me');
    spoolFolder(base, `kindness-assets-${HOST_TAG}-${DEAD}-Ab12Cd`, [ourFile, '.0123456789abcdef.part']);
    spoolFolder(base, `kindness-assets-${HOST_TAG}-${LIVE}-Ab12Cd`, [ourFile]);
    spoolFolder(base, `kindness-assets-${HOST_TAG}-${process.pid}-Ab12Cd`, [ourFile]);
    spoolFolder(base, `kindness-assets-${OTHER_HOST}-${DEAD}-Ab12Cd`, [ourFile]);
    spoolFolder(base, `kindness-assets-${HOST_TAG}-${DEAD}-Zz99Yy`, [ourFile, 'notes.txt']);
    spoolFolder(base, `kindness-assets-${HOST_TAG}-${DEAD}-toolong1`, [ourFile]);
    spoolFolder(base, `other-assets-${HOST_TAG}-${DEAD}-Ab12Cd`, [ourFile]);
    writeFileSync(join(base, `kindness-assets-${HOST_TAG}-${DEAD}-File01`), 'a file, not a folder');
    symlinkSync(dirname(outside), join(base, `kindness-assets-${HOST_TAG}-${DEAD}-Link01`));

    const removed = await removeStaleAssetSpools(base, { isAlive: alive });
    expect(removed).toEqual([`kindness-assets-${HOST_TAG}-${DEAD}-Ab12Cd`]);
    const left = readdirSync(base).sort();
    expect(left).toEqual(
      [
        `kindness-assets-${HOST_TAG}-${LIVE}-Ab12Cd`,
        `kindness-assets-${HOST_TAG}-${process.pid}-Ab12Cd`,
        `kindness-assets-${OTHER_HOST}-${DEAD}-Ab12Cd`,
        `kindness-assets-${HOST_TAG}-${DEAD}-Zz99Yy`,
        `kindness-assets-${HOST_TAG}-${DEAD}-toolong1`,
        `other-assets-${HOST_TAG}-${DEAD}-Ab12Cd`,
        `kindness-assets-${HOST_TAG}-${DEAD}-File01`,
        `kindness-assets-${HOST_TAG}-${DEAD}-Link01`,
      ].sort(),
    );
    // In a folder holding something not ours, only our file went; the other stays, so does the folder.
    expect(readdirSync(join(base, `kindness-assets-${HOST_TAG}-${DEAD}-Zz99Yy`))).toEqual(['notes.txt']);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');

    // Another computer's process: only once untouched for a day. A live one of this computer: never by age.
    const later = Date.now() + 25 * 60 * 60 * 1000;
    const removedLater = await removeStaleAssetSpools(base, { isAlive: alive, now: later });
    expect(removedLater).toEqual([`kindness-assets-${OTHER_HOST}-${DEAD}-Ab12Cd`]);
  });
});
