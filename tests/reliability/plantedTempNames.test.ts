import type * as Crypto from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blankProject } from '../../src/core/edit';
import { addShare, ensureProjectId } from '../../src/core/review';
import { exportVideo } from '../../src/export/exportVideo';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { openProjectFile, saveProjectFile } from '../../src/host/node/projectFile';
import { createRecoveryStore } from '../../src/host/node/recovery/recoveryStore';
import { createSettingsStore } from '../../src/host/node/settings/settingsStore';
import { HOST_TAG } from '../../src/node/files';
import { readLastSession, writeLastSession } from '../../src/web/lastSession';
import { loadWindowState, saveWindowState } from '../../electron/main/windowState';
import { smallProject } from '../integration/fixtures';

/**
 * Issue 10, class 1, tried with the writer's own names: the temp names are random, so this suite
 * makes them predictable (the 4 random bytes of each name come from a counter) and plants a link
 * at every even-numbered name of every file a job writes. Each write's first name is then taken by
 * a link pointing outside the workspace: the writer must refuse that name, never follow it, and
 * take a fresh one (the odd numbers are free), for every kind of file the app writes.
 */
const names = vi.hoisted(() => ({ counter: -1 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  const randomBytes = (size: number, ...rest: unknown[]): Buffer => {
    if (size === 4 && names.counter >= 0 && rest.length === 0) {
      const value = Buffer.alloc(4);
      value.writeUInt32BE(names.counter++);
      return value;
    }
    return (real.randomBytes as (n: number) => Buffer)(size);
  };
  return { ...real, default: { ...real, randomBytes }, randomBytes };
});

const PRECIOUS = 'a file outside the workspace that nothing may change';
/** Even counter values planted per file; a job's writes never need more first names than this. */
const PLANTED_PER_FILE = 40;

let dir = '';
let outside = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-planted-'));
  outside = join(dir, 'outside');
  await mkdir(outside);
});
afterAll(async () => {
  names.counter = -1;
  await rm(dir, { recursive: true, force: true });
});

interface Planted {
  victim: string;
  links: string[];
  /** Counter values handed out so far (even ones were planted). */
  served(): number;
}

/** Plants links at the even-numbered temp names of every target, and starts the counter at 0. */
async function plant(label: string, targets: readonly string[]): Promise<Planted> {
  const victim = join(outside, `${label}.txt`);
  await writeFile(victim, PRECIOUS);
  const links: string[] = [];
  for (const target of targets) {
    await mkdir(dirname(target), { recursive: true });
    for (let n = 0; n < 2 * PLANTED_PER_FILE; n += 2) {
      const random = n.toString(16).padStart(8, '0');
      const link = join(dirname(target), `.${basename(target)}.${HOST_TAG}-${process.pid}-${random}.part`);
      await symlink(victim, link);
      links.push(link);
    }
  }
  names.counter = 0;
  return { victim, links, served: () => names.counter };
}

/** Nothing was followed: the victim is unchanged and every planted link is still a link. */
async function expectNotFollowed(planted: Planted): Promise<void> {
  expect(await readFile(planted.victim, 'utf8')).toBe(PRECIOUS);
  for (const link of planted.links) expect((await lstat(link)).isSymbolicLink(), link).toBe(true);
  // The writes asked for names, so they met planted links (the first name of each write is even).
  expect(planted.served()).toBeGreaterThan(1);
  names.counter = -1;
}

/** What is in a folder besides the planted links. */
async function realFiles(folder: string, planted: Planted): Promise<string[]> {
  const linkNames = new Set(planted.links.map((l) => basename(l)));
  return (await readdir(folder)).filter((n) => !linkNames.has(n)).sort();
}

describe('a link at the exact temp name the writer picks is refused, never followed, and the write still succeeds', () => {
  it('a project save, then a second save keeping the first as .bak', async () => {
    const folder = join(dir, 'save');
    const target = join(folder, 'Kind.kindness');
    const planted = await plant('save', [target, `${target}.bak`]);
    await saveProjectFile(target, blankProject('First'), new Map());
    await saveProjectFile(target, blankProject('Second'), new Map());
    await expectNotFollowed(planted);
    expect(await realFiles(folder, planted)).toEqual(['Kind.kindness', 'Kind.kindness.bak']);
    const saved = await openProjectFile(target);
    const backup = await openProjectFile(`${target}.bak`);
    expect(saved.ok && saved.project.title).toBe('Second');
    expect(backup.ok && backup.project.title).toBe('First');
  });

  it('the backups of unsaved work, the settings, the web session and the window state', async () => {
    const data = join(dir, 'data');
    const recovery = join(data, 'recovery');
    const windowFile = join(data, 'window-state.json');
    const planted = await plant('app-data', [
      join(recovery, 'doc-123456.kindness'),
      join(recovery, 'doc-123456.kindness.bak'),
      join(recovery, 'doc-123456.json'),
      join(data, 'settings.json'),
      join(data, 'web-session.json'),
      windowFile,
    ]);
    // The web session used to go through a fixed `web-session.json.tmp`, followed if a link sat there.
    await symlink(planted.victim, join(data, 'web-session.json.tmp'));
    planted.links.push(join(data, 'web-session.json.tmp'));
    const store = createRecoveryStore(data);
    await store.write('doc-123456', blankProject('Unsaved'), new Map(), null);
    await store.write('doc-123456', blankProject('Unsaved, later'), new Map(), null);
    await createSettingsStore(data).addRecent(join(dir, 'Kind.kindness'));
    await writeLastSession(data, { port: 4321, token: 'a'.repeat(32) });
    await saveWindowState(windowFile, { width: 1200, height: 800, maximized: false });
    await expectNotFollowed(planted);

    const listed = await store.list();
    expect(listed.map((r) => r.title)).toEqual(['Unsaved, later']);
    expect(await createSettingsStore(data).recent()).toHaveLength(1);
    expect(await readLastSession(data)).toEqual({ port: 4321, token: 'a'.repeat(32) });
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(await loadWindowState(windowFile, [screen])).toMatchObject({ width: 1200, height: 800 });
  });

  it('an export: the video (written by ffmpeg) and its captions, post text and cover', async () => {
    const folder = join(dir, 'export');
    const video = join(folder, 'clip.mp4');
    const planted = await plant(
      'export',
      ['clip.mp4', 'clip.srt', 'clip.vtt', 'clip.txt', 'clip.cover.png'].map((n) => join(folder, n)),
    );
    const { project, assets } = smallProject({ seconds: 1, withAudio: false });
    const result = await exportVideo({ project, assets, outputPath: video, preset: 'draft' });
    await expectNotFollowed(planted);
    expect(result.sidecars).toHaveLength(4);
    expect(await realFiles(folder, planted)).toEqual(
      ['clip.cover.png', 'clip.mp4', 'clip.srt', 'clip.txt', 'clip.vtt'].sort(),
    );
    expect((await readFile(video)).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('through the host: subtitles, a review page and the safety directory', async () => {
    const workspace = join(dir, 'workspace');
    const data = join(dir, 'host-data');
    await mkdir(workspace, { recursive: true });
    const handlers = await createNodeHostHandlers({
      folders: [workspace],
      dataDir: data,
      templatesDir: join(process.cwd(), 'resources', 'samples'),
      version: '0.0.1',
      shell: 'web',
    });
    const dispatch = createDispatcher(handlers);
    const host: Host = createHostClient(async (channel, req) =>
      JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(req))))),
    );
    const blank = await host.loadTemplate({ id: 'blank' });
    if (!blank.ok) throw new Error(blank.error.message);
    const page = 'Kind words - review draft v1.html';
    const planted = await plant('host', [
      join(workspace, 'captions.srt'),
      join(workspace, page),
      join(data, 'safety-directory.json'),
    ]);

    const subtitles = await host.saveSubtitles({
      folder: workspace,
      name: 'captions.srt',
      text: '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    });
    expect(subtitles).toMatchObject({ ok: true, path: join(workspace, 'captions.srt') });

    const { project: shared } = addShare(ensureProjectId(blankProject('Kind words'), 'proj-abcdefgh'), {
      id: 'share-1',
      secret: 'cd'.repeat(32),
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    const started = await host.shareForReview({
      docId: blank.docId,
      project: shared,
      shareId: 'share-1',
      folder: workspace,
    });
    if (!started.ok) throw new Error(started.error.message);
    for (;;) {
      const status = await host.shareStatus({ jobId: started.jobId });
      if (!status.ok) throw new Error(status.error.message);
      if (status.state === 'done' || status.state === 'failed' || status.state === 'cancelled') {
        expect(status.state).toBe('done');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const safety = await host.saveSafetyDirectory({ entries: [] });
    expect(safety.ok).toBe(true);
    await expectNotFollowed(planted);
    expect(await readFile(join(workspace, page), 'utf8')).toContain('<html');
    expect(await readFile(join(workspace, 'captions.srt'), 'utf8')).toContain('Hi');
  });
});
