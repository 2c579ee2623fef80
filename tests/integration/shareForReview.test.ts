import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addComment, addShare, ensureProjectId } from '../../src/core/review';
import { blankProject, updateScene } from '../../src/core/edit';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { REVIEW_PAGE_CSP } from '../../src/host/node/review/reviewPageHtml';

let dir: string;
let workspace: string;
let host: Host;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-share-test-'));
  workspace = join(dir, 'workspace');
  await mkdir(workspace);
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers, { onInternalError: (_c, e) => console.error(e) });
  host = createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function tinyProject() {
  const base = ensureProjectId(blankProject('Kind <words> & more'), 'proj-abcdefgh');
  const short = updateScene(base, 'scene-1', { duration: 0.5 });
  return addShare(short, { id: 'share-1', secret: 'cd'.repeat(32), createdAt: '2026-11-25T10:00:00.000Z' });
}

async function waitForShare(jobId: string) {
  for (;;) {
    const status = await host.shareStatus({ jobId });
    if (!status.ok) throw new Error(status.error.message);
    if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('share for review', () => {
  it('writes one self-contained HTML page with the draft video and the review UI', async () => {
    const opened = await host.loadTemplate({ id: 'blank' });
    if (!opened.ok) throw new Error(opened.error.message);
    const { project } = tinyProject();
    const started = await host.shareForReview({
      docId: opened.docId,
      project,
      shareId: 'share-1',
      folder: null,
    });
    if (!started.ok) throw new Error(started.error.message);
    const done = await waitForShare(started.jobId);
    expect(done).toMatchObject({ state: 'done', percent: 100 });
    expect(done.path).toBe(join(workspace, 'Kind words more - review draft v1.html'));
    const html = await readFile(done.path ?? '', 'utf8');
    expect(html).toContain(`content="${REVIEW_PAGE_CSP}"`);
    expect(html).toMatch(/src="data:video\/mp4;base64,[A-Za-z0-9+/]{1000,}/);
    // Nothing is fetched from anywhere: no external script, style or media address.
    expect(html).not.toMatch(/(src|href)="(https?:|\/\/)/);
    // The title is escaped in HTML, and the embedded data carries the share's key.
    expect(html).toContain('Review: Kind &#60;words&#62; &#38; more');
    expect(html).toContain('"shareId":"share-1"');
    expect(html).toContain('"draftVersion":1');
    expect(html).toContain('"secret":"' + 'cd'.repeat(32));
    expect(html).not.toContain('<words>');

    // A second share of the same draft never replaces the first page.
    const again = await host.shareForReview({
      docId: opened.docId,
      project,
      shareId: 'share-1',
      folder: null,
    });
    if (!again.ok) throw new Error(again.error.message);
    const second = await waitForShare(again.jobId);
    expect(second.path).toBe(join(workspace, 'Kind words more - review draft v1 (2).html'));
  });

  it('writes the page into the chosen folder under the typed name, with the comments so far', async () => {
    const { project } = tinyProject();
    const commented = addComment(project, {
      time: 0.2,
      author: 'Sam',
      text: 'Is the title readable?',
      createdAt: '2026-11-25T10:05:00.000Z',
    }).project;
    await mkdir(join(workspace, 'For reviewers'));
    const started = await host.shareForReview({
      docId: 'doc-123456',
      project: commented,
      shareId: 'share-1',
      folder: join(workspace, 'For reviewers'),
      fileName: 'For Maya',
    });
    if (!started.ok) throw new Error(started.error.message);
    const done = await waitForShare(started.jobId);
    expect(done.path).toBe(join(workspace, 'For reviewers', 'For Maya.html'));
    const html = await readFile(done.path ?? '', 'utf8');
    // The creator's comments ride along, so the reviewer can answer them.
    expect(html).toContain('"text":"Is the title readable?"');

    for (const bad of ['../escape', 'a\\b', '.hidden', '   ']) {
      const refused = await host.shareForReview({
        docId: 'doc-123456',
        project: commented,
        shareId: 'share-1',
        folder: null,
        fileName: bad,
      });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'bad-name' } });
    }
    expect(await readdir(workspace)).toEqual(['For reviewers']);
  });

  it('refuses a folder outside the chosen ones and an unknown share', async () => {
    const { project } = tinyProject();
    const outside = await host.shareForReview({
      docId: 'doc-123456',
      project,
      shareId: 'share-1',
      folder: tmpdir(),
    });
    expect(outside).toMatchObject({ ok: false, error: { kind: 'outside-folders' } });
    const unknown = await host.shareForReview({
      docId: 'doc-123456',
      project,
      shareId: 'nope',
      folder: null,
    });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'no-share' } });
  });

  it('cancels: no page is left behind', async () => {
    const { project } = tinyProject();
    const long = updateScene(project, 'scene-1', { duration: 20 });
    const started = await host.shareForReview({
      docId: 'doc-123456',
      project: long,
      shareId: 'share-1',
      folder: null,
    });
    if (!started.ok) throw new Error(started.error.message);
    expect((await host.cancelShare({ jobId: started.jobId })).ok).toBe(true);
    const status = await waitForShare(started.jobId);
    expect(status.state).toBe('cancelled');
    expect(status.message).toContain('cancelled');
    expect(await readdir(workspace)).toEqual([]);
  });
});
