import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of `node dist/web/main.js` with its own workspace and data folder. */
export class StudioServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(workspace: string, dataDir: string): Promise<StudioServer> {
    const child = spawn('node', ['dist/web/main.js', '--workspace', workspace, '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`The web host exited (${code}): ${errors}`)));
    });
    return new StudioServer(url, child);
  }

  /** Ends the server at once, as a crash would: no chance to clean up. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** The tag of a test that kills the host on purpose (see the page fixture). */
export const HOST_DOWN = '@host-down';

export interface Studio {
  workspace: string;
  dataDir: string;
  server: StudioServer;
  /** Kills the running server and starts a new one on the same folders. */
  restart(): Promise<StudioServer>;
}

export const test = base.extend<{ studio: Studio }>({
  // Any error the page logs fails the test: a studio that works but throws is not working.
  // The page depends on the server so it is closed first (a late backup still finds the server).
  // A test tagged HOST_DOWN kills the host on purpose: a file the page fetches while it is down
  // (a font subset asked for late) fails to load, which is not the studio's error.
  page: async ({ page, studio: _studio }, use, testInfo) => {
    const errors: string[] = [];
    const hostDownOnPurpose = testInfo.tags.includes(HOST_DOWN);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (hostDownOnPurpose && /net::ERR_CONNECTION_(REFUSED|RESET)/.test(message.text())) return;
      errors.push(`${message.text()} (${message.location().url})`);
    });
    await use(page);
    expect(errors, 'errors logged by the page').toEqual([]);
  },
  // Playwright reads a fixture's dependencies from this pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  studio: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'kindness-e2e-'));
    const workspace = join(root, 'workspace');
    const dataDir = join(root, 'data');
    await mkdir(workspace);
    const studio: Studio = {
      workspace,
      dataDir,
      server: await StudioServer.start(workspace, dataDir),
      async restart() {
        await studio.server.kill();
        studio.server = await StudioServer.start(workspace, dataDir);
        return studio.server;
      },
    };
    await use(studio);
    await studio.server.kill();
    await rm(root, { recursive: true, force: true });
  },
});

export { expect };

/** The two window sizes the studio is tested at: a small laptop and a full-HD screen. */
export const SMALL_SCREEN = { width: 1280, height: 720 };
export const LARGE_SCREEN = { width: 1920, height: 1080 };
export const SCREEN_SIZES = [SMALL_SCREEN, LARGE_SCREEN];

/** Where the screenshots of the main screens go (looked at by people, kept as artifacts). */
export const SCREENS = 'test-results/screens';

export async function openStudio(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Kindness Studio' })).toBeVisible();
}

/** Starts a document from a template and waits for the studio and its first thumbnail. */
export async function startFromTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId(`template-${id}`).click();
  await expect(page.getByTestId('scene-card').first()).toBeVisible();
  await expect(page.locator('[data-testid="preview"] canvas').first()).toBeVisible();
}

/** The preview's pixels, as a data URL: equal strings mean the same picture. */
export async function previewPixels(page: Page): Promise<string> {
  return page
    .locator('[data-testid="preview"] canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

export async function sceneNames(page: Page): Promise<string[]> {
  return page.getByTestId('scene-name').allInnerTexts();
}
