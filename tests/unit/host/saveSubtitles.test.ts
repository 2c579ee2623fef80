import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';

let dir: string;
let workspace: string;
let host: Host;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-subs-'));
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
  host = createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveSubtitles', () => {
  it('writes the file in the chosen folder and never replaces an existing one', async () => {
    const first = await host.saveSubtitles({ folder: null, name: 'Be kind.srt', text: 'one' });
    expect(first).toEqual({ ok: true, path: join(workspace, 'Be kind.srt') });
    const second = await host.saveSubtitles({ folder: workspace, name: 'Be kind.srt', text: 'two' });
    expect(second).toEqual({ ok: true, path: join(workspace, 'Be kind (2).srt') });
    expect(await readFile(join(workspace, 'Be kind.srt'), 'utf8')).toBe('one');
    expect(await readFile(join(workspace, 'Be kind (2).srt'), 'utf8')).toBe('two');
    // No temporary file is left behind.
    expect((await readdir(workspace)).sort()).toEqual(['Be kind (2).srt', 'Be kind.srt']);
  });

  it('refuses folders outside the chosen ones and names that are not subtitle files', async () => {
    const outside = await host.saveSubtitles({ folder: dir, name: 'x.vtt', text: 'x' });
    expect(outside).toMatchObject({ ok: false, error: { kind: 'outside-folders' } });
    const sneaky = await host.saveSubtitles({ folder: workspace, name: '../x.vtt', text: 'x' });
    expect(sneaky.ok).toBe(false);
    const wrong = await host.saveSubtitles({ folder: workspace, name: 'x.exe', text: 'x' });
    expect(wrong.ok).toBe(false);
    expect(await readdir(workspace)).toEqual([]);
  });

  it('says plainly when the folder is gone', async () => {
    const result = await host.saveSubtitles({ folder: join(workspace, 'gone'), name: 'a.srt', text: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'save-failed' } });
    if (!result.ok) expect(result.error.message).toContain('could not be saved');
  });
});
