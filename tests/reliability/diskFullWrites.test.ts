import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addShare, ensureProjectId } from '../../src/core/review';
import { blankProject } from '../../src/core/edit';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';

/**
 * Issue 10, class 7: a full disk. Every write into the folder under `diskFull.folder` gets a few
 * bytes onto the disk and then fails with ENOSPC, as a real full disk does, whichever way the
 * file is written (writeFile, or a handle's write/writeFile). Saving subtitles and sharing for
 * review must then leave nothing behind and say that the disk is full.
 */
const diskFull = vi.hoisted(() => ({ folder: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const full = (): Error =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const inFullFolder = (path: unknown): boolean =>
    diskFull.folder !== null && String(path).startsWith(`${diskFull.folder}/`);
  type Data = string | Uint8Array;
  const bytes = (data: Data): Uint8Array => (typeof data === 'string' ? Buffer.from(data) : data);
  return {
    ...real,
    async writeFile(path: FsPromises.FileHandle | string, data: Data, options?: unknown) {
      if (typeof path === 'string' && inFullFolder(path)) {
        await real.writeFile(path, bytes(data).subarray(0, 16));
        throw full();
      }
      return real.writeFile(path, data, options as undefined);
    },
    async open(path: string, flags?: string | number, mode?: number) {
      const handle = await real.open(path, flags, mode);
      const writing = typeof flags === 'number' ? (flags & 3) !== 0 : /[wa+]/.test(flags ?? 'r');
      if (!writing || !inFullFolder(path)) return handle;
      const realWrite = handle.write.bind(handle) as (
        b: Uint8Array,
        o: number,
        l: number,
      ) => Promise<unknown>;
      // Some bytes land, then the disk is full.
      Object.assign(handle, {
        async write(buffer: Data, offset = 0, length?: number) {
          const b = bytes(buffer);
          await realWrite(b, offset, Math.min(16, length ?? b.length - offset));
          throw full();
        },
        async writeFile(data: Data) {
          await realWrite(bytes(data), 0, Math.min(16, bytes(data).length));
          throw full();
        },
      });
      return handle;
    },
  };
});

let dir = '';
let workspace = '';
let host: Host;
let docId = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-diskfull-'));
  workspace = join(dir, 'workspace');
  await mkdir(workspace);
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers);
  host = createHostClient(async (channel, req) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(req))))),
  );
  const blank = await host.loadTemplate({ id: 'blank' });
  if (!blank.ok) throw new Error(blank.error.message);
  docId = blank.docId;
});
afterAll(async () => {
  diskFull.folder = null;
  await rm(dir, { recursive: true, force: true });
});

async function fullFolder(name: string): Promise<string> {
  const folder = join(workspace, name);
  await mkdir(folder);
  diskFull.folder = folder;
  return folder;
}

describe('a full disk', () => {
  it('saving subtitles leaves nothing behind and says the disk is full', async () => {
    const folder = await fullFolder('subtitles');
    const answer = await host.saveSubtitles({
      folder,
      name: 'captions.srt',
      text: '1\n00:00:00,000 --> 00:00:01,000\nYou matter\n'.repeat(20),
    });
    diskFull.folder = null;
    expect(answer).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('the disk is full') },
    });
    expect(answer.ok || answer.error.message).not.toContain('Check that the folder exists');
    expect(await readdir(folder)).toEqual([]);
  });

  it('sharing for review leaves nothing behind and says the disk is full', async () => {
    const folder = await fullFolder('share');
    const { project } = addShare(ensureProjectId(blankProject('Kind words'), 'proj-abcdefgh'), {
      id: 'share-1',
      secret: 'cd'.repeat(32),
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    const started = await host.shareForReview({ docId, project, shareId: 'share-1', folder });
    if (!started.ok) throw new Error(started.error.message);
    let status;
    for (;;) {
      status = await host.shareStatus({ jobId: started.jobId });
      if (!status.ok) throw new Error(status.error.message);
      if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    diskFull.folder = null;
    expect(status).toMatchObject({ state: 'failed', message: expect.stringContaining('the disk is full') });
    expect(await readdir(folder)).toEqual([]);
  });
});
