import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { updateScene } from '../../../src/core/edit';

let dir: string;
let workspace: string;

/** A host as the page sees it: the real handlers behind the contract's client and dispatcher. */
async function startHost(): Promise<Host> {
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers);
  // Through JSON, as over HTTP: what arrives is only what survives serialisation.
  return createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-host-'));
  workspace = join(dir, 'workspace');
  await import('node:fs/promises').then((fs) => fs.mkdir(workspace));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('node host', () => {
  it('offers the blank project and the samples as templates', async () => {
    const host = await startHost();
    const { templates } = ok(await host.listTemplates({}));
    expect(templates.map((t) => t.id)).toEqual([
      'blank',
      'be-the-reason',
      'block-the-bullies',
      'why-would-you',
      'hold-on-to',
      'walk-away',
      'power-of-words',
      'what-we-dont-see',
    ]);
    // The six #CreateKindness stories carry their theme, length and scene count for the start screen.
    const stories = templates.filter((t) => t.theme !== undefined);
    expect(stories.map((t) => t.themeLabel)).toEqual([
      'Block the Bullies',
      'Why Would You…',
      'I Want to Hold On To',
      'Walk Away',
      'Power of Words',
      "What We Don't See",
    ]);
    for (const story of stories) {
      expect(story.sceneCount).toBeGreaterThanOrEqual(4);
      expect(story.duration).toBeGreaterThanOrEqual(15);
      // The card's poster is the story's key frame, inside the story.
      expect(story.posterTime).toBeGreaterThan(0);
      expect(story.posterTime).toBeLessThan(story.duration);
    }
    expect(templates.find((t) => t.id === 'be-the-reason')?.posterTime).toBeGreaterThan(0);
    const walkAway = ok(await host.loadTemplate({ id: 'walk-away' }));
    expect(walkAway.project.title).toBe('Walk Away');
    expect(walkAway.repairs).toEqual([]);
    const sample = ok(await host.loadTemplate({ id: 'be-the-reason' }));
    expect(sample.project.title).toBe('Be the Reason');
    expect(sample.path).toBeNull();
    const missing = await host.loadTemplate({ id: '../../package' });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('saves, lists and reopens a project with the same document', async () => {
    const host = await startHost();
    const doc = ok(await host.loadTemplate({ id: 'be-the-reason' }));
    const path = join(workspace, 'mine.kindness');
    ok(await host.saveProjectAs({ docId: doc.docId, path, project: doc.project }));
    const listing = ok(await host.listFiles({ folder: null }));
    expect(listing.entries.map((e) => e.name)).toEqual(['mine.kindness']);
    expect(listing.parent).toBeNull();
    const reopened = ok(await host.openProject({ path }));
    expect(reopened.project).toEqual(doc.project);
    expect(reopened.path).toBe(path);
    expect(ok(await host.listRecent({})).files.map((f) => f.path)).toEqual([path]);
  });

  it('Save As does not replace an existing file unless asked to', async () => {
    const host = await startHost();
    const doc = ok(await host.loadTemplate({ id: 'blank' }));
    const path = join(workspace, 'taken.kindness');
    ok(await host.saveProjectAs({ docId: doc.docId, path, project: doc.project }));
    const again = await host.saveProjectAs({ docId: doc.docId, path, project: doc.project });
    expect(again).toMatchObject({ ok: false, error: { kind: 'exists' } });
    ok(await host.saveProjectAs({ docId: doc.docId, path, project: doc.project, overwrite: true }));
  });

  it('refuses paths outside the chosen folder, also through a link', async () => {
    const host = await startHost();
    await writeFile(join(dir, 'outside.kindness'), 'x');
    await symlink(dir, join(workspace, 'link'));
    for (const path of [
      join(dir, 'outside.kindness'),
      join(workspace, 'link', 'outside.kindness'),
      'relative.kindness',
    ]) {
      expect(await host.openProject({ path })).toMatchObject({
        ok: false,
        error: { kind: 'outside-folders' },
      });
    }
    expect(await host.listFiles({ folder: dir })).toMatchObject({
      ok: false,
      error: { kind: 'outside-folders' },
    });
  });

  it('gives a damaged file a clear message', async () => {
    const host = await startHost();
    const path = join(workspace, 'broken.kindness');
    await writeFile(path, 'PK\u0003\u0004 not really a zip');
    const result = await host.openProject({ path });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('broken.kindness');
    // The creator's message stays plain: the zip library's words travel apart, in `detail`.
    expect(result.error.message).not.toMatch(/\(|signature|central directory/i);
    expect(result.error.detail).toBeTruthy();
  });

  it('backs up unsaved edits and offers them after a restart, until taken and saved or discarded', async () => {
    const first = await startHost();
    const doc = ok(await first.loadTemplate({ id: 'blank' }));
    const edited = updateScene(doc.project, 'scene-1', { name: 'Edited before the crash' });
    ok(await first.writeRecovery({ docId: doc.docId, project: edited, path: null }));

    const second = await startHost(); // a new process: nothing in memory
    const { recoveries } = ok(await second.listRecoveries({}));
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]).toMatchObject({ id: doc.docId, title: 'Untitled', sceneCount: 1, path: null });
    const taken = ok(await second.takeRecovery({ id: doc.docId }));
    expect(taken.project.scenes[0]?.name).toBe('Edited before the crash');

    // Saving the recovered document clears its backup.
    ok(
      await second.saveProjectAs({
        docId: taken.docId,
        path: join(workspace, 'saved.kindness'),
        project: taken.project,
      }),
    );
    expect(ok(await second.listRecoveries({})).recoveries).toHaveLength(0);

    ok(await second.writeRecovery({ docId: taken.docId, project: taken.project, path: null }));
    ok(await second.discardRecovery({ id: taken.docId }));
    expect(ok(await second.listRecoveries({})).recoveries).toHaveLength(0);
    expect(await readdir(join(dir, 'data', 'recovery'))).toEqual([]);
  });

  it('imports a picture once per content and reads it back', async () => {
    const host = await startHost();
    const doc = ok(await host.loadTemplate({ id: 'blank' }));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const data = png.toString('base64');
    const a = ok(await host.importAsset({ docId: doc.docId, name: 'a.png', mime: 'image/png', data }));
    const b = ok(await host.importAsset({ docId: doc.docId, name: 'b.png', mime: 'image/png', data }));
    expect(a.assetId).toBe(b.assetId);
    expect(a.info).toMatchObject({ kind: 'image', size: png.length });
    const read = ok(await host.readAsset({ docId: doc.docId, assetId: a.assetId }));
    expect(read).toMatchObject({ mime: 'image/png', data });
    const refused = await host.importAsset({
      docId: doc.docId,
      name: 'x.exe',
      mime: 'application/x-msdownload',
      data,
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('the client refuses a bad request before it leaves, without throwing', async () => {
    let sent = 0;
    const host = createHostClient(async () => {
      sent++;
      return {};
    });
    const result = await host.openProject({ path: '' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(sent).toBe(0);
    expect(await host.appInfo({})).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
    const down = createHostClient(async () => {
      throw new Error('connection refused');
    });
    expect(await down.appInfo({})).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });
});
