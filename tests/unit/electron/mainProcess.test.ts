import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recorded } from './fakeElectron';
import { shellMenuItems } from '../../../src/app/commands/menus';
import { COMMANDS } from '../../../src/app/commands/registry';

/**
 * The whole main process, run in Node against a stand-in for Electron (the real binary is not
 * on every machine): what it registers, what it answers, and how it treats the window.
 */
vi.mock('electron', () => import('./fakeElectron'));

const launchFolder = join(recorded.home, 'Desktop');
const launchFile = join(launchFolder, 'Be kind.kindness');
const trusted = { senderFrame: { url: 'kindness://app/index.html' }, sender: {} };
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 20));

async function ipc(channel: string, body: unknown, event: unknown = trusted): Promise<unknown> {
  const handler = recorded.ipc.get(channel);
  if (handler === undefined) throw new Error(`no IPC handler ${channel}`);
  return handler(event, body);
}

/** Waits until the main process has done what it does after a message (file checks, dialogs). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await nextTurn();
}

beforeAll(async () => {
  await mkdir(launchFolder, { recursive: true });
  await writeFile(launchFile, 'a project');
  process.argv.push(launchFile);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('../../../electron/main/index');
  await until(() => recorded.sent.length > 0);
});

afterAll(async () => {
  process.argv.splice(process.argv.indexOf(launchFile), 1);
  await rm(recorded.home, { recursive: true, force: true });
});

describe('the Electron main process', () => {
  it('registers its privileged scheme and turns on the sandbox for every page', () => {
    expect(recorded.schemes).toEqual([
      expect.objectContaining({
        scheme: 'kindness',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(recorded.sandboxEnabled).toBe(true);
  });

  it('opens one window per the security checklist, on the app scheme', () => {
    expect(recorded.windows).toHaveLength(1);
    const window = recorded.windows[0];
    expect(window?.url).toBe('kindness://app/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(window?.options.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('sends the Content-Security-Policy with every response of the scheme, even a refusal', async () => {
    const handler = recorded.protocolHandler;
    if (handler === null) throw new Error('no protocol handler');
    for (const url of [
      'kindness://app/index.html',
      'kindness://app/../../etc/passwd',
      'kindness://app/nothing.js',
    ]) {
      const response = await handler(new Request(url));
      expect(response.headers.get('content-security-policy'), url).toContain("script-src 'self'");
    }
    const outside = await handler(new Request('kindness://app/%2e%2e/%2e%2e/package.json'));
    expect(outside.status).toBe(404);
  });

  it('answers the page through the host contract, as the desktop shell', async () => {
    const info = await ipc('kindness:appInfo', {});
    expect(info).toMatchObject({ ok: true, shell: 'electron' });
    const templates = (await ipc('kindness:listTemplates', {})) as {
      ok: boolean;
      templates: { id: string }[];
    };
    expect(templates.templates.map((t) => t.id)).toContain('blank');
  });

  it('refuses IPC from any other page', async () => {
    const answer = await ipc(
      'kindness:appInfo',
      {},
      { senderFrame: { url: 'https://example.com/' }, sender: {} },
    );
    expect(answer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('denies every permission request', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      recorded.permissionRequest?.(null, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck?.()).toBe(false);
  });

  it('allows the microphone to its own page only after Record voice was pressed, sound only', async () => {
    const contents = recorded.windows[0]?.webContents;
    const ask = (mediaTypes: string[], requestingUrl = 'kindness://app/index.html') =>
      new Promise<boolean>((resolve) =>
        recorded.permissionRequest?.(contents, 'media', resolve, { requestingUrl, mediaTypes }),
      );
    expect(await ask(['audio'])).toBe(false);
    expect(recorded.permissionCheck?.(contents, 'media', 'kindness://app', { mediaType: 'audio' })).toBe(
      false,
    );
    // A page that is not the studio cannot press the button for it.
    await ipc(
      'kindness-shell:requestMicrophone',
      {},
      { senderFrame: { url: 'https://example.com/' }, sender: {} },
    ).catch(() => undefined);
    expect(await ask(['audio'])).toBe(false);
    expect(await ipc('kindness-shell:requestMicrophone', {})).toEqual({ ok: true });
    expect(await ask(['audio'])).toBe(true);
    expect(recorded.permissionCheck?.(contents, 'media', 'kindness://app', { mediaType: 'audio' })).toBe(
      true,
    );
    expect(await ask(['video'])).toBe(false);
    expect(await ask(['audio', 'video'])).toBe(false);
    expect(await ask(['audio'], 'https://example.com/')).toBe(false);
    const other = await new Promise<boolean>((resolve) =>
      recorded.permissionRequest?.(contents, 'notifications', resolve, { requestingUrl: 'kindness://app/' }),
    );
    expect(other).toBe(false);
  });

  it('opens the project given on the command line, and may then use its folder', async () => {
    expect(recorded.sent).toContainEqual(['kindness-event', { type: 'open-project', path: launchFile }]);
    const info = (await ipc('kindness:appInfo', {})) as { folders: string[] };
    expect(info.folders.some((folder) => folder.endsWith('Desktop'))).toBe(true);
  });

  it('blocks navigation away from the app and new windows', () => {
    const created = recorded.appEvents.get('web-contents-created') as
      ((event: unknown, contents: unknown) => void) | undefined;
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    created?.(
      {},
      {
        on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) =>
          listeners.set(name, listener),
        setWindowOpenHandler: (handler: typeof openHandler) => {
          openHandler = handler;
        },
      },
    );
    const attempt = (name: string, url: string) => {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-redirect', 'https://example.com/')).toBe(true);
    expect(attempt('will-navigate', 'kindness://app/index.html')).toBe(false);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('installs the menus the page generates from its registry; a menu command reaches the page as a typed event', async () => {
    expect(recorded.menu.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const view = () => recorded.menu.find((menu) => menu.label === '&View')?.submenu ?? [];
    await ipc('kindness-shell:setMenu', { items: shellMenuItems(COMMANDS) });
    await until(() => view().some((item) => item.id === 'view.zoomToFit'));
    view()
      .find((item) => item.id === 'view.zoomToFit')
      ?.click?.();
    expect(recorded.sent.at(-1)).toEqual(['kindness-event', { type: 'menu', command: 'view.zoomToFit' }]);
  });

  it('shows the document and unsaved changes in the title, and asks before closing', async () => {
    const window = recorded.windows[0];
    if (window === undefined) throw new Error('no window');
    await ipc('kindness-shell:setDocumentState', {
      dirty: true,
      title: 'Be kind',
      path: null,
      docId: 'doc_123',
    });
    expect(window.title).toBe('• Be kind — Kindness Studio');

    recorded.promptAnswer = 2; // Cancel
    window.close();
    expect(window.closed).toBe(0);
    expect(recorded.prompts).toHaveLength(1);

    recorded.promptAnswer = 0; // Save
    window.close();
    expect(window.closed).toBe(0);
    expect(recorded.sent.at(-1)).toEqual(['kindness-event', { type: 'save-before-close' }]);
    // The page saved and says so: the window closes.
    await ipc('kindness-shell:setDocumentState', {
      dirty: false,
      title: 'Be kind',
      path: launchFile,
      docId: 'doc_123',
    });
    await until(() => window.closed > 0);
    expect(window.closed).toBe(1);
    expect(window.title).toBe('Be kind — Kindness Studio');
  });
});
