import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../../src/app/host/browserHost';
import { pageIdentity, sayGoodbyeOnPageEnd } from '../../../src/app/host/pagePresence';
import { createDispatcher, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { spooledCount, SPOOL_THRESHOLD } from '../../../src/node/assets';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { craftZip } from '../../helpers/zipCraft';

/**
 * Issue 10, item 4: a page reloaded (or closed) without `closeDocument` left its documents, and
 * their assets, in the web host for good: every reload of a page with a project open added one.
 * Here the page's own client code (pagePresence.ts, createBrowserHost) talks to the real web
 * server and host; a "reload" is what the browser does: `pagehide` on the old page, then a new
 * page in the same tab (same sessionStorage). The documents the host holds must stay flat, and a
 * page that is still there (idle, duplicated, in the back-forward cache) must keep its document.
 */
let dir: string;
let project: string;
let server: WebServer;
/** Documents the host has open, as the dispatcher saw them opened and closed. */
const open = new Set<string>();

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

interface Page {
  host: Host;
  docId: string;
  pageId: string;
  /**
   * What the browser does when the page is unloaded: `pagehide` (not persisted: gone for good),
   * whose goodbye beacon may be lost (`beacon: false`); or put in the back-forward cache.
   */
  hide(how: { persisted?: boolean; beacon?: boolean }): Promise<void>;
}

/** A page load in a tab (its sessionStorage) with the page's own code, then the project opened. */
async function loadPage(storage: Storage): Promise<Page> {
  const identity = pageIdentity(storage);
  const window = new EventTarget();
  const beacons: Promise<unknown>[] = [];
  let deliver = true;
  sayGoodbyeOnPageEnd(
    window,
    storage,
    (url, body) => {
      if (deliver) beacons.push(fetch(url, { method: 'POST', body }));
      return true;
    },
    { token: server.token, pageId: identity.pageId, base: server.origin },
  );
  const host = createBrowserHost(server.token, server.origin, identity);
  const opened = await host.openProject({ path: project });
  if (!opened.ok) throw new Error(opened.error.message);
  return {
    host,
    docId: opened.docId,
    pageId: identity.pageId,
    async hide({ persisted = false, beacon = true }) {
      deliver = beacon;
      window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
      await Promise.all(beacons);
    },
  };
}

/** A sound of 20 MB (so it is a spooled file): silence with a tag, as a WAV. */
function wav(): Buffer {
  const data = SPOOL_THRESHOLD + 4 * 1024 * 1024;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(2, 22);
  h.writeUInt32LE(48_000, 24);
  h.writeUInt32LE(192_000, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data, 40);
  const body = Buffer.alloc(data);
  body.write('page sessions', data - 16, 'latin1');
  return Buffer.concat([h, body]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-pages-'));
  const workspace = join(dir, 'workspace');
  const ui = join(dir, 'ui');
  await mkdir(workspace);
  await mkdir(ui);
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Kindness Studio</title>');
  const sound = wav();
  const id = createHash('sha256').update(sound).digest('hex');
  const json = {
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's1', duration: 2, elements: [] }],
    assets: { [id]: { kind: 'audio', name: 'voice.wav', mime: 'audio/wav', size: sound.length } },
    audio: [{ id: 'a1', assetId: id }],
  };
  project = join(workspace, 'story.kindness');
  await writeFile(
    project,
    craftZip([
      { name: 'project.json', data: JSON.stringify(json) },
      { name: `assets/${id}`, data: sound, deflate: true },
    ]),
  );
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: 'test',
    shell: 'web',
  });
  const inner = createDispatcher(handlers);
  const dispatch: typeof inner = async (channel, body) => {
    const result = await inner(channel, body);
    const ok = typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
    const docId = ok ? (result as { docId?: unknown }).docId : undefined;
    if (typeof docId === 'string') open.add(docId);
    if (ok && channel === 'closeDocument') open.delete((body as { docId: string }).docId);
    return result;
  };
  server = await startWebServer({ dispatch, staticDir: ui });
}, 60_000);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** The page can still use its document: the host has its sound and saves it. */
async function stillUsable(page: Page, name: string): Promise<void> {
  const opened = await page.host.openProject({ path: project });
  if (!opened.ok) throw new Error(opened.error.message);
  await page.host.closeDocument({ docId: opened.docId });
  const info = await page.host.audioInfo({
    docId: page.docId,
    assetId: Object.keys(opened.project.assets)[0] ?? '',
  });
  expect(info.ok, JSON.stringify(info).slice(0, 300)).toBe(true);
  const saved = await page.host.saveProjectAs({
    docId: page.docId,
    path: join(dir, 'workspace', name),
    project: opened.project,
    overwrite: false,
  });
  expect(saved.ok, JSON.stringify(saved).slice(0, 300)).toBe(true);
}

describe('documents belong to the page that opened them (web host)', () => {
  it('reloading 8 times without closeDocument keeps one document; live pages keep theirs', async () => {
    // Another tab, open the whole time and idle: it must keep its document.
    const idle = await loadPage(memoryStorage());
    const tab = memoryStorage();
    let page = await loadPage(tab);
    const counts: number[] = [];
    for (let i = 0; i < 8; i++) {
      // Every other reload loses its goodbye beacon: the next page, following it, still frees it.
      await page.hide({ beacon: i % 2 === 0 });
      page = await loadPage(tab);
      counts.push(open.size);
    }
    await vi.waitFor(() => expect(open.size).toBe(2), { timeout: 10_000, interval: 20 });
    // Never more than the page before still closing.
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
    expect(open).toEqual(new Set([idle.docId, page.docId]));
    expect(server.pages()).toEqual({ pages: 2, documents: 2 });
    await stillUsable(idle, 'idle copy.kindness');
    await stillUsable(page, 'reloaded copy.kindness');

    // A duplicated tab starts with the first tab's storage while that page still lives: nothing closes.
    const duplicate = await loadPage(memoryStorage({ 'kindness-studio-page': page.pageId }));
    // A page put in the back-forward cache may come back: it keeps its document.
    await idle.hide({ persisted: true });
    expect(open).toEqual(new Set([idle.docId, page.docId, duplicate.docId]));
    await stillUsable(idle, 'idle copy 2.kindness');

    // Closed tabs: their goodbyes close their documents, and the spooled sound goes with the last.
    await page.hide({});
    await idle.hide({});
    await duplicate.hide({});
    await vi.waitFor(() => expect(open.size).toBe(0), { timeout: 10_000, interval: 20 });
    expect(server.pages()).toEqual({ pages: 0, documents: 0 });
    expect(spooledCount()).toBe(0);
  }, 120_000);

  it('a goodbye needs the token', async () => {
    const tab = memoryStorage();
    const page = await loadPage(tab);
    const forged = await fetch(`${server.origin}/page-gone`, {
      method: 'POST',
      body: JSON.stringify({ token: 'wrong', pageId: page.pageId }),
    });
    expect(forged.status).toBe(401);
    expect(open.has(page.docId)).toBe(true);
    await page.host.closeDocument({ docId: page.docId });
    expect(open.has(page.docId)).toBe(false);
    expect(server.pages().documents).toBe(0);
  }, 60_000);
});
