import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAllowedFolders } from '../../../electron/main/allowedFolders';

let dir: string;
let store: string;
let projects: string;
let elsewhere: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-folders-'));
  store = join(dir, 'data', 'folders.json');
  projects = join(dir, 'Kindness Studio');
  elsewhere = join(dir, 'Desktop');
  await mkdir(projects);
  await mkdir(elsewhere);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('folders the desktop host may use', () => {
  it('allows the projects folder and refuses others until the creator picks them', async () => {
    const folders = await createAllowedFolders(store, [projects]);
    expect((await folders.check(join(projects, 'a.kindness'))).ok).toBe(true);
    const refused = await folders.check(join(elsewhere, 'b.kindness'));
    expect(refused.ok).toBe(false);

    await folders.allow(elsewhere);
    expect((await folders.check(join(elsewhere, 'b.kindness'))).ok).toBe(true);
    expect(folders.folders[0]).toContain('Kindness Studio');
  });

  it('remembers picked folders after a restart, so Open Recent still works', async () => {
    await (await createAllowedFolders(store, [projects])).allow(elsewhere);
    const again = await createAllowedFolders(store, [projects]);
    expect((await again.check(join(elsewhere, 'b.kindness'))).ok).toBe(true);
  });

  it('starts with only the projects folder when its list is damaged', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(store, '{"folders": [1, 2');
    const folders = await createAllowedFolders(store, [projects]);
    expect(folders.folders).toHaveLength(1);
  });
});
