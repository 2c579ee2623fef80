import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { contentTypeOf } from '../../src/host/node/contentTypes';
import { resolveAppRequest } from '../../electron/main/appRequests';
import { securityHeaders } from '../../electron/main/security';
import { CHANNEL_NAMES, createDispatcher, type Dispatch } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';

/**
 * The desktop build of the studio under the desktop app's Content-Security-Policy, in plain
 * Chromium (no Electron binary needed): the files are served as the `kindness://` handler
 * serves them, with the same headers, and a stand-in for the preload passes host requests to
 * the real Node host. A policy too strict for the app would show up here as errors.
 */
const CHROMIUM = '/usr/bin/chromium';
test.skip(!existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}.`);

// localhost counts as a secure origin, as the app scheme does; the route answers before any network.
const ORIGIN = 'http://localhost:9';
const rendererRoot = join(process.cwd(), 'dist', 'electron', 'renderer');
let browser: Browser;
let dir: string;
let dispatch: Dispatch;

test.beforeAll(async () => {
  execFileSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      stdio: 'inherit',
    },
  );
  dir = await mkdtemp(join(tmpdir(), 'kindness-csp-'));
  await mkdir(join(dir, 'projects'));
  dispatch = createDispatcher(
    await createNodeHostHandlers({
      folders: [join(dir, 'projects')],
      dataDir: join(dir, 'data'),
      templatesDir: join(process.cwd(), 'resources', 'samples'),
      version: '0.0.0',
      shell: 'electron',
    }),
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

test.afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the studio starts under the desktop CSP with no violations', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const wanted = resolveAppRequest(rendererRoot, request.method(), `kindness://app${url.pathname}`);
    const headers = { ...securityHeaders(), 'cache-control': 'no-store' };
    if (wanted.kind !== 'file' || !existsSync(wanted.path)) {
      await route.fulfill({ status: 404, headers, body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { ...headers, 'content-type': contentTypeOf(wanted.path) },
      body: await readFile(wanted.path),
    });
  });

  // What the preload provides: the host methods and the shell bridge.
  await page.exposeFunction('__kindnessDispatch', async (channel: string, body: unknown) =>
    JSON.parse(JSON.stringify(await dispatch(channel, body))),
  );
  await page.addInitScript((names: string[]) => {
    const target = window as unknown as Record<string, unknown> & {
      __kindnessDispatch(channel: string, body: unknown): Promise<unknown>;
    };
    const host: Record<string, (request: unknown) => Promise<unknown>> = {};
    for (const name of names) host[name] = (request) => target.__kindnessDispatch(name, request ?? {});
    target['kindnessHost'] = Object.freeze(host);
    target['kindnessShell'] = Object.freeze({
      onEvent: () => () => undefined,
      setDocumentState: async () => undefined,
      chooseProjectToOpen: async () => null,
      chooseSaveLocation: async () => null,
    });
  }, CHANNEL_NAMES);

  await page.goto(`${ORIGIN}/index.html`);
  await expect(page.getByTestId('template-blank')).toBeVisible();
  await page.getByTestId('template-blank').click();
  await expect(page.locator('canvas').first()).toBeVisible();
  const fontsReady = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px Inter');
  });
  expect(fontsReady).toBe(true);
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.head.append(script);
    return (window as unknown as { __inline?: boolean }).__inline ?? false;
  });
  expect(inlineRan).toBe(false);
  // The refused inline script above is the only violation expected.
  expect(problems.filter((text) => !text.includes("script-src 'self'") || !text.includes('inline'))).toEqual(
    [],
  );
  await page.close();
});
