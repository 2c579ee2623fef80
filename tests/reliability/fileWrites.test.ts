import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addShare, ensureProjectId } from '../../src/core/review';
import { blankProject } from '../../src/core/edit';
import { exportVideo } from '../../src/export/exportVideo';
import { ExportError } from '../../src/export/errors';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../src/web/server';
import { smallProject } from '../integration/fixtures';
import { ffprobe } from '../integration/helpers/media';

/**
 * Issue 10, classes 1, 2, 3 and 5: every file is written through the one writer (a link planted
 * at a temp name is never followed), a file the job did not make is never replaced, two jobs
 * never write one file, and only regular files are opened (a named pipe never hangs the host).
 */

let dir = '';
let workspace = '';
let outside = '';
let host: Host;
let docId = '';
let dispatch: ReturnType<typeof createDispatcher>;
const { project, assets } = smallProject({ seconds: 1, withAudio: false });
const PRECIOUS = 'a file outside the workspace that nothing may change';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-filewrites-'));
  workspace = join(dir, 'workspace');
  outside = join(dir, 'outside');
  await mkdir(workspace);
  await mkdir(outside);
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  dispatch = createDispatcher(handlers);
  host = createHostClient(async (channel, req) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(req))))),
  );
  const blank = await host.loadTemplate({ id: 'blank' });
  if (!blank.ok) throw new Error(blank.error.message);
  docId = blank.docId;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A folder of its own in the workspace, so each case sees only its files. */
async function caseFolder(name: string): Promise<string> {
  const folder = join(workspace, name);
  await mkdir(folder);
  return folder;
}

/** Plants a link at each name pointing to its own precious file outside the workspace. */
async function plantLinks(folder: string, names: readonly string[]): Promise<string[]> {
  const victims: string[] = [];
  for (const [i, name] of names.entries()) {
    const victim = join(outside, `${folder.split('/').pop() ?? 'x'}-victim-${i}.txt`);
    await writeFile(victim, PRECIOUS);
    await symlink(victim, join(folder, name));
    victims.push(victim);
  }
  return victims;
}

async function expectUntouched(victims: readonly string[]): Promise<void> {
  for (const victim of victims) expect(await readFile(victim, 'utf8'), victim).toBe(PRECIOUS);
}

async function waitExport(jobId: string) {
  for (;;) {
    const status = await host.exportStatus({ jobId });
    if (!status.ok) throw new Error(status.error.message);
    if (status.state === 'finished') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitShare(jobId: string) {
  for (;;) {
    const status = await host.shareStatus({ jobId });
    if (!status.ok) throw new Error(status.error.message);
    if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a link planted at a temp name is never followed', () => {
  it('by an export: the video and every sidecar (.srt, .vtt, .txt, .cover.png)', async () => {
    const folder = await caseFolder('export-links');
    const names = ['clip.mp4', 'clip.srt', 'clip.vtt', 'clip.txt', 'clip.cover.png'];
    const victims = await plantLinks(
      folder,
      names.map((n) => `${n}.part`),
    );
    const result = await exportVideo({
      project,
      assets,
      outputPath: join(folder, 'clip.mp4'),
      preset: 'draft',
    });
    expect(result.sidecars.length).toBe(4);
    await expectUntouched(victims);
    expect((await ffprobe(join(folder, 'clip.mp4'))).streams.length).toBeGreaterThan(0);
  });

  it('by share for review (the page)', async () => {
    const folder = await caseFolder('share-links');
    const { project: shared } = addShare(ensureProjectId(blankProject('Kind words'), 'proj-abcdefgh'), {
      id: 'share-1',
      secret: 'cd'.repeat(32),
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    const page = 'Kind words - review draft v1.html';
    const victims = await plantLinks(folder, [`${page}.part`, `.${page}.part`]);
    const started = await host.shareForReview({ docId, project: shared, shareId: 'share-1', folder });
    if (!started.ok) throw new Error(started.error.message);
    const done = await waitShare(started.jobId);
    expect(done.state).toBe('done');
    await expectUntouched(victims);
    expect(await readFile(join(folder, page), 'utf8')).toContain('<html');
  });

  it('by saving subtitles and saving a project', async () => {
    const folder = await caseFolder('save-links');
    const victims = await plantLinks(folder, [
      'captions.srt.part',
      '.captions.srt.part',
      'Kind.kindness.tmp',
      'Kind.kindness.part',
      '.Kind.kindness.tmp',
    ]);
    const subtitles = await host.saveSubtitles({
      folder,
      name: 'captions.srt',
      text: '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    });
    expect(subtitles).toMatchObject({ ok: true, path: join(folder, 'captions.srt') });
    const saved = await host.saveProjectAs({
      docId,
      path: join(folder, 'Kind.kindness'),
      project: blankProject('Kind'),
      overwrite: false,
    });
    expect(saved.ok).toBe(true);
    await expectUntouched(victims);
  });
});

describe('a file the export did not make is never replaced', () => {
  it('hand-edited NAME.srt and NAME.txt beside the new video are kept: the export takes the next number for all its files', async () => {
    const folder = await caseFolder('keep-sidecars');
    await writeFile(join(folder, 'kind-draft.srt'), 'my hand-edited captions');
    await writeFile(join(folder, 'kind-draft.txt'), 'my post text');
    const started = await host.startExport({ docId, project, outputs: ['draft'], folder, baseName: 'kind' });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.outputs.map((o) => o.path)).toEqual([join(folder, 'kind-draft (2).mp4')]);
    const status = await waitExport(started.jobId);
    expect(status.outputs[0]?.state).toBe('done');
    expect(await readFile(join(folder, 'kind-draft.srt'), 'utf8')).toBe('my hand-edited captions');
    expect(await readFile(join(folder, 'kind-draft.txt'), 'utf8')).toBe('my post text');
    expect((await readdir(folder)).sort()).toEqual(
      [
        'kind-draft (2).cover.png',
        'kind-draft (2).mp4',
        'kind-draft (2).srt',
        'kind-draft (2).txt',
        'kind-draft (2).vtt',
        'kind-draft.srt',
        'kind-draft.txt',
      ].sort(),
    );
  });

  it('an export to a name whose caption file exists is refused, naming it (the CLI and the review share use this)', async () => {
    const folder = await caseFolder('refuse-sidecar');
    await writeFile(join(folder, 'clip.srt'), 'my hand-edited captions');
    const error = await exportVideo({
      project,
      assets,
      outputPath: join(folder, 'clip.mp4'),
      preset: 'draft',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toContain(`"${join(folder, 'clip.srt')}" already exists`);
    expect(await readdir(folder)).toEqual(['clip.srt']);
  });
});

describe('two jobs, one file', () => {
  it('two exports started at once to the same name get different names, and both videos decode', async () => {
    const folder = await caseFolder('two-exports');
    const [a, b] = await Promise.all([
      host.startExport({ docId, project, outputs: ['draft'], folder, baseName: 'same' }),
      host.startExport({ docId, project, outputs: ['draft'], folder, baseName: 'same' }),
    ]);
    if (!a.ok || !b.ok) throw new Error('an export did not start');
    const paths = [a.outputs[0]?.path, b.outputs[0]?.path];
    expect(new Set(paths).size).toBe(2);
    const [doneA, doneB] = await Promise.all([waitExport(a.jobId), waitExport(b.jobId)]);
    expect([doneA.outputs[0]?.state, doneB.outputs[0]?.state]).toEqual(['done', 'done']);
    for (const path of paths) {
      const probed = await ffprobe(path as string);
      expect(probed.streams.some((s) => s.codec_type === 'video')).toBe(true);
      // Decodes to the end: ffmpeg reads every frame without an error.
      execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', path as string, '-f', 'null', '-']);
    }
    expect((await readdir(folder)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('two Save As to the same new name at once: one is saved, the other is refused, none is silently lost', async () => {
    const folder = await caseFolder('two-saves');
    const target = join(folder, 'Same name.kindness');
    const titles = ['From window A', 'From window B'];
    const answers = await Promise.all(
      titles.map((title) =>
        host.saveProjectAs({ docId, path: target, project: blankProject(title), overwrite: false }),
      ),
    );
    const saved = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    expect(saved.length).toBe(1);
    expect(refused).toEqual([
      {
        ok: false,
        error: expect.objectContaining({
          kind: 'exists',
          message: expect.stringContaining('already exists'),
        }),
      },
    ]);
    const winner = titles[answers.findIndex((a) => a.ok)] as string;
    const opened = await host.openProject({ path: target });
    expect(opened.ok && opened.project.title).toBe(winner);
  });
});

describe('special files never hang the host', () => {
  let pipe = '';
  beforeAll(async () => {
    const folder = await caseFolder('special');
    pipe = join(folder, 'Looks like a project.kindness');
    execFileSync('mkfifo', [pipe]);
  });

  it('opening a named pipe with a project name is refused at once through the host API, five times over, and the host still answers', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => host.openProject({ path: pipe })));
    for (const answer of answers) {
      expect(answer).toMatchObject({
        ok: false,
        error: { kind: 'unreadable', message: expect.stringContaining('it is a named pipe, not a file') },
      });
    }
    expect((await host.listFiles({ folder: workspace })).ok).toBe(true);
  });

  it('the same through the web server', async () => {
    const ui = join(dir, 'ui');
    await mkdir(ui, { recursive: true });
    await writeFile(join(ui, 'index.html'), '<!doctype html><title>Kindness Studio</title>');
    const server: WebServer = await startWebServer({ dispatch, staticDir: ui });
    try {
      const post = (channel: string, body: unknown) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: `/api/${channel}`,
              method: 'POST',
              headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
              );
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify(body));
        });
      const replies = await Promise.all(Array.from({ length: 5 }, () => post('openProject', { path: pipe })));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.body).toContain('it is a named pipe, not a file');
      }
      expect((await post('listFiles', { folder: workspace })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
