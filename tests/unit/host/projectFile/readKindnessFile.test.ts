import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  assetIdFor,
  readKindnessFile,
  type ReadErrorKind,
  type ReadResult,
} from '../../../../src/host/node/projectFile';
import { craftZip, type CraftEntry } from '../../../helpers/zipCraft';

const dir = mkdtempSync(join(tmpdir(), 'kindness-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROJECT = '{"format":"kindness-studio","version":1}';
const picture = Buffer.from('not really a png, but bytes all the same');
const pictureId = assetIdFor(picture);

let counter = 0;
function writeZip(entries: readonly CraftEntry[]): string {
  const path = join(dir, `test-${counter++}.kindness`);
  writeFileSync(path, craftZip(entries));
  return path;
}

function expectRefusal(result: ReadResult, kind: ReadErrorKind): string {
  if (result.ok) throw new Error(`expected a refusal (${kind}) but the file was read`);
  expect(result.error.kind).toBe(kind);
  return result.error.message;
}

describe('readKindnessFile', () => {
  it('reads project.json and the assets named by their hash', async () => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT, deflate: true },
      { name: 'assets/', data: '' },
      { name: `assets/${pictureId}`, data: picture },
      { name: '__MACOSX/._project.json', data: 'ignored' },
    ]);
    const result = await readKindnessFile(path);
    expect(result).toEqual({
      ok: true,
      projectJson: PROJECT,
      assets: new Map([[pictureId, picture]]),
      warnings: [],
      present: new Set([pictureId]),
    });
  });

  it('keeps only the assets asked for, but still checks the others (issue 10)', async () => {
    const other = Buffer.from('a sound the project does not use');
    const otherId = createHash('sha256').update(other).digest('hex');
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      { name: `assets/${pictureId}`, data: picture },
      { name: `assets/${otherId}`, data: other },
    ]);
    const result = await readKindnessFile(path, DEFAULT_LIMITS, { keepAssets: () => new Set([pictureId]) });
    expect(result).toMatchObject({ ok: true, present: new Set([pictureId, otherId]) });
    expect(result.ok && [...result.assets.keys()]).toEqual([pictureId]);
    // An unused entry that inflates past the limit still refuses the file.
    const bomb = writeZip([
      { name: 'project.json', data: PROJECT },
      { name: `assets/${otherId}`, data: Buffer.alloc(2 * 1024 * 1024), deflate: true, claimedSize: 10 },
    ]);
    const limits = { ...DEFAULT_LIMITS, maxAssetBytes: 1024 * 1024 };
    expectRefusal(await readKindnessFile(bomb, limits, { keepAssets: () => new Set() }), 'too-large');
  });

  it('drops an asset whose bytes do not match its name, and says so', async () => {
    const wrongId = assetIdFor(Buffer.from('something else'));
    const result = await readKindnessFile(
      writeZip([
        { name: 'project.json', data: PROJECT },
        { name: `assets/${wrongId}`, data: picture },
        { name: `assets/${pictureId}`, data: picture },
      ]),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect([...result.assets.keys()]).toEqual([pictureId]);
    expect(result.warnings).toEqual([
      {
        path: `assets/${wrongId}`,
        message: 'this asset is damaged (its contents do not match its name) and was left out',
      },
    ]);
  });

  it.each([
    [
      'a ".." segment',
      '../evil.sh',
      /unsafe entry "\.\.\/evil\.sh": its name points outside the project folder/,
    ],
    ['a ".." segment inside', 'assets/../../evil', /points outside the project folder/],
    ['an absolute name', '/etc/passwd', /its name is an absolute path/],
    ['a drive letter', 'C:/Windows/evil.dll', /its name starts with a drive letter/],
    ['a backslash', 'assets\\..\\evil', /its name contains a backslash/],
    ['a UNC name', '\\\\server\\share\\x', /its name contains a backslash/],
  ])('refuses the whole file when an entry has %s', async (_label, name, message) => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      { name, data: 'payload' },
    ]);
    const text = expectRefusal(await readKindnessFile(path), 'unsafe-entry');
    expect(text).toMatch(message);
    expect(text).toMatch(/Nothing was extracted\.$/);
  });

  it('refuses an entry that appears twice', async () => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      { name: 'project.json', data: '{}' },
    ]);
    expect(expectRefusal(await readKindnessFile(path), 'unsafe-entry')).toMatch(/appears twice/);
  });

  it('shows a right-to-left override or a control character in a name escaped, never raw (issue 10)', async () => {
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      { name: '../invoice\u202Efdp.exe\u0007', data: 'x' },
    ]);
    const message = expectRefusal(await readKindnessFile(path), 'unsafe-entry');
    expect(message).toContain('"../invoice\\u202Efdp.exe\\u0007"');
    expect(message.includes('\u202E') || message.includes('\u0007')).toBe(false);
  });

  it('refuses more entries than the default limit allows, before reading any', async () => {
    const entries: CraftEntry[] = [{ name: 'project.json', data: PROJECT }];
    for (let i = 0; i < DEFAULT_LIMITS.maxEntries; i++) entries.push({ name: `junk/${i}`, data: '' });
    const text = expectRefusal(await readKindnessFile(writeZip(entries)), 'too-many-entries');
    expect(text).toBe(
      '"' +
        `test-${counter - 1}.kindness" was not opened: it holds 10001 files, more than the 10000 a project can have. ` +
        'It may be damaged or not a Kindness Studio project. Nothing was extracted.',
    );
  });

  it('refuses an entry that inflates past its limit although its header claims it is small (zip bomb)', async () => {
    const bomb = Buffer.alloc(4 * 1024 * 1024); // 4 MiB of zeros deflate to a few KiB
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      { name: `assets/${assetIdFor(bomb)}`, data: bomb, deflate: true, claimedSize: 100 },
    ]);
    const limits = { ...DEFAULT_LIMITS, maxAssetBytes: 1024 * 1024 };
    const text = expectRefusal(await readKindnessFile(path, limits), 'too-large');
    expect(text).toMatch(/it holds more data than its header says/);
  });

  it('refuses a project.json larger than its limit', async () => {
    const big = `{"format":"kindness-studio","version":1,"title":"${'x'.repeat(5000)}"}`;
    const path = writeZip([{ name: 'project.json', data: big, deflate: true }]);
    const limits = { ...DEFAULT_LIMITS, maxProjectJsonBytes: 4096 };
    expect(expectRefusal(await readKindnessFile(path, limits), 'too-large')).toMatch(
      /"project\.json" is larger than Kindness Studio allows \(4 KB\)/,
    );
  });

  it('counts the real bytes of all entries against the total limit', async () => {
    const parts = [0, 1, 2].map((i) => Buffer.alloc(400 * 1024, i));
    const path = writeZip([
      { name: 'project.json', data: PROJECT },
      ...parts.map((bytes) => ({ name: `assets/${assetIdFor(bytes)}`, data: bytes, deflate: true })),
    ]);
    const limits = { ...DEFAULT_LIMITS, maxAssetBytes: 512 * 1024, maxTotalBytes: 1024 * 1024 };
    expect(expectRefusal(await readKindnessFile(path, limits), 'too-large')).toMatch(
      /the project with all its files is larger than Kindness Studio allows \(1 MB\)/,
    );
  });

  it('refuses a zip without project.json', async () => {
    const path = writeZip([{ name: `assets/${pictureId}`, data: picture }]);
    expect(expectRefusal(await readKindnessFile(path), 'missing-project-json')).toMatch(
      /is not a Kindness Studio project, or it is damaged: it has no project\.json inside\. Nothing was changed\.$/,
    );
  });

  it('refuses a file that is not a zip', async () => {
    const path = join(dir, 'notes.kindness');
    writeFileSync(path, 'just some text, not a zip at all');
    const result = await readKindnessFile(path);
    // The creator reads plain words; the zip library's own words go to `detail`.
    expect(expectRefusal(result, 'not-a-zip')).toBe(
      '"notes.kindness" is not a Kindness Studio project, or it is damaged: it is not a readable zip file. Nothing was changed.',
    );
    expect(result.ok ? null : result.error.detail).toMatch(/signature|central directory/i);
  });

  it('refuses a truncated zip', async () => {
    const whole = craftZip([
      { name: 'project.json', data: PROJECT },
      { name: `assets/${pictureId}`, data: picture },
    ]);
    const path = join(dir, 'cut.kindness');
    writeFileSync(path, whole.subarray(0, whole.length - 30));
    expect(expectRefusal(await readKindnessFile(path), 'not-a-zip')).toMatch(/or it is damaged/);
  });

  it('refuses a zip whose entry data is damaged', async () => {
    const whole = craftZip([{ name: 'project.json', data: PROJECT.repeat(20), deflate: true }]);
    const damaged = Buffer.from(whole);
    damaged.fill(0xff, 45, 70); // inside the deflated data, after the local header and name
    const path = join(dir, 'damaged.kindness');
    writeFileSync(path, damaged);
    const result = await readKindnessFile(path);
    const message = expectRefusal(result, 'not-a-zip');
    expect(message).toMatch(/"project\.json" cannot be read\. Nothing was changed\.$/);
    expect(message).not.toContain('(');
    expect(result.ok ? '' : result.error.detail).not.toBe('');
  });

  it('says when the file is missing', async () => {
    expect(expectRefusal(await readKindnessFile(join(dir, 'gone.kindness')), 'not-found')).toBe(
      '"gone.kindness" was not found. It may have been moved, renamed or deleted.',
    );
  });

  it('says when the path is a folder', async () => {
    expect(expectRefusal(await readKindnessFile(dir), 'unreadable')).toMatch(/it is a folder, not a file/);
  });
});
