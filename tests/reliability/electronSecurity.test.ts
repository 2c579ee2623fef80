import { describe, expect, it, vi } from 'vitest';
import * as fake from '../unit/electron/fakeElectron';

/**
 * The parts of Electron's security checklist the other Electron tests do not pin down one by
 * one (tests/unit/electron covers CSP, IPC senders, the sandbox switch, permissions and
 * navigation): every web preference of the window, <webview> refusal and which links may
 * leave the app. Electronegativity (npm run test:security) checks the same code statically.
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
