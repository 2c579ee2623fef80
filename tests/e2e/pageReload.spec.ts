import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { createDispatcher } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { startWebServer, type WebServer } from '../../src/web/server';
import { openStudio, startFromTemplate } from './fixtures';

/**
 * Issue 10, item 4, in a real browser: reloading the studio without closing its project used to
 * leave that document (and the start screen's template previews) in the web host for good, one
 * more set per reload. The web host runs in this process here, so the documents it holds can be
 * counted: they must come back to the same number after every reload, and a second tab that
 * stays open must keep its own.
 */
let dir: string;
let server: WebServer;
/** Documents the host has open, as its dispatcher saw them opened and closed. */
const open = new Set<string>();

test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-reload-'));
  await mkdir(join(dir, 'workspace'));
  const handlers = await createNodeHostHandlers({
    folders: [join(dir, 'workspace')],
    dataDir: join(dir, 'data'),
    templatesDir: resolve('resources/samples'),
    version: 'test',
    shell: 'web',
  });
  const inner = createDispatcher(handlers);
  open.clear();
  server = await startWebServer({
    staticDir: resolve('dist/app'),
    dispatch: async (channel, body) => {
      const result = await inner(channel, body);
      const ok = typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
      const docId = ok ? (result as { docId?: unknown }).docId : undefined;
      if (typeof docId === 'string') open.add(docId);
      if (ok && channel === 'closeDocument') open.delete((body as { docId: string }).docId);
      return result;
    },
  });
});

test.afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('reloading the studio 5 times keeps the host’s documents flat; another open tab keeps its own', async ({
  page,
  context,
}) => {
  // The other tab: a project open in it the whole time.
  const other = await context.newPage();
  await openStudio(other, server.url);
  await startFromTemplate(other, 'be-the-reason');
  await expect.poll(() => open.size).toBeGreaterThan(0);
  const othersDocs = new Set(open);

  await openStudio(page, server.url);
  await startFromTemplate(page, 'be-the-reason');
  const pageDocs = (): number => [...open].filter((id) => !othersDocs.has(id)).length;
  // Its project (the start screen's template previews were closed when it was left).
  await expect.poll(pageDocs).toBe(1);
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Kindness Studio' })).toBeVisible();
    await startFromTemplate(page, 'be-the-reason');
    // The page before's documents go; this one's project stays. Without the page tracking,
    // every reload kept the page's project (and its previews) for good: 2, 3, 4, ...
    await expect.poll(pageDocs, { timeout: 15_000 }).toBe(1);
  }
  for (const id of othersDocs) expect(open.has(id)).toBe(true);
  // The other tab still works with its document: its preview still draws.
  await expect(other.locator('[data-testid="preview"] canvas').first()).toBeVisible();
  await other.close();
});
