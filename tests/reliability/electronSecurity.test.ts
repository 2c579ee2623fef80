import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as fake from '../unit/electron/fakeElectron';

/**
 * The parts of Electron's security checklist the other Electron tests do not pin down one by
 * one (tests/unit/electron covers CSP, IPC senders, the sandbox switch, permissions and
 * navigation): every web preference of the window, <webview> refusal and which links may
 * leave the app. Electronegativity (npm run test:security) checks the built app statically; the
 * last test proves that gate fails on a finding (the exceptions are in tests/unit/electron).
 */
vi.mock('electron', () => import('../unit/electron/fakeElectron'));

describe('the studio window', () => {
  it('has every security preference spelled out', async () => {
    const { secureWebPreferences } = await import('../../electron/main/window');
    expect(secureWebPreferences('/app/preload/index.cjs')).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('every web contents the app creates', () => {
  async function harden() {
    const { hardenWebContents } = await import('../../electron/main/hardening');
    hardenWebContents(null);
    const created = fake.recorded.appEvents.get('web-contents-created') as (
      event: unknown,
      contents: unknown,
    ) => void;
    const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    created(
      {},
      {
        on: (name: string, listener: (event: { url?: string; preventDefault(): void }) => void) =>
          listeners.set(name, listener),
        setWindowOpenHandler: (handler: typeof openHandler) => {
          openHandler = handler;
        },
      },
    );
    return { listeners, open: (url: string) => openHandler({ url }) };
  }

  it('refuses to attach a <webview>', async () => {
    const { listeners } = await harden();
    let prevented = false;
    listeners.get('will-attach-webview')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('never opens a window; only plain https links go to the system browser', async () => {
    const opened: string[] = [];
    // The fake's openExternal takes no arguments; record what the app asks it to open.
    vi.spyOn(fake.shell, 'openExternal').mockImplementation((...args: unknown[]) => {
      opened.push(String(args[0]));
      return Promise.resolve(undefined);
    });
    const { open } = await harden();
    const urls = [
      'https://988lifeline.org/',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'kindness://app/index.html',
      'smb://server/share',
      'data:text/html,<script>1</script>',
    ];
    for (const url of urls) expect(open(url), url).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://988lifeline.org/']);
  });
});

describe('the Electronegativity gate (npm run test:security)', () => {
  it('fails on a medium finding anywhere in a build, the .cjs preload included, and excuses only the justified', () => {
    const build = mkdtempSync(join(tmpdir(), 'kindness-scan-fixture-'));
    try {
      mkdirSync(join(build, 'main'));
      mkdirSync(join(build, 'preload'));
      writeFileSync(
        join(build, 'main', 'index.js'),
        [
          'import { BrowserWindow, shell } from "electron";',
          'function secureWebPreferences(preload) {',
          '  return {',
          '    preload,',
          '    contextIsolation: true,',
          '    sandbox: true,',
          '    nodeIntegration: false,',
          '    nodeIntegrationInWorker: false,',
          '    nodeIntegrationInSubFrames: false,',
          '    webSecurity: true,',
          '    webviewTag: false,',
          '    disableBlinkFeatures: "Auxclick"',
          '  };',
          '}',
          'export function createStudioWindow(options) {',
          '  const window = new BrowserWindow({',
          '    show: false,',
          '    webPreferences: secureWebPreferences(options.preload)',
          '  });',
          '  return window;',
          '}',
          '',
        ].join('\n'),
      );
      // Not a real preload: code the scan must flag, in the .cjs file it would otherwise skip.
      writeFileSync(
        join(build, 'preload', 'index.cjs'),
        'const { BrowserWindow } = require("electron");\n' +
          'new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n',
      );
      const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--built', build], {
        encoding: 'utf8',
        timeout: 240_000,
      });
      const output = `${run.stdout}${run.stderr}`;
      expect(run.status, output).toBe(1);
      expect(output).toMatch(/FAIL .*CONTEXT_ISOLATION_JS_CHECK preload\/index\.cjs:2/);
      expect(output).toMatch(/excused .*CONTEXT_ISOLATION_JS_CHECK main\/index\.js:16/);
      expect(output).not.toMatch(/FAIL .*main\/index\.js/);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  }, 240_000);
});
