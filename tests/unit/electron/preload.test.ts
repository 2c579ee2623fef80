import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Host, type ShellBridge, type ShellEvent } from '../../../src/host/contract';

/** What the preload gives the page, and what it sends over IPC, with Electron replaced by stubs. */
const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
let deliver: ((event: unknown, payload: unknown) => void) | undefined;

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, body: unknown) => {
      invoked.push([channel, body]);
      if (channel === 'kindness:appInfo') {
        return { ok: true, version: '1', platform: 'linux', shell: 'electron', folders: ['/home/me'] };
      }
      if (channel === 'kindness-shell:chooseSaveLocation')
        return { path: '/p/a.kindness', replaceConfirmed: true };
      return { ok: true };
    },
    on: (_channel: string, listener: (event: unknown, payload: unknown) => void) => {
      deliver = listener;
    },
  },
}));

// An event sent before the page subscribes (a file opened at launch) must not be lost.
const early: ShellEvent = { type: 'open-project', path: '/home/me/a.kindness' };

describe('the preload bridge', () => {
  it('exposes exactly the host API and the shell bridge, nothing else', async () => {
    await import('../../../electron/preload/index');
    deliver?.({ sender: 'ipc internals' }, early);
    expect([...exposed.keys()].sort()).toEqual(['kindnessHost', 'kindnessShell']);
    expect(Object.keys(exposed.get('kindnessHost') as object).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(exposed.get('kindnessShell') as object).sort()).toEqual([
      'chooseProjectToOpen',
      'chooseSaveLocation',
      'onEvent',
      'requestMicrophone',
      'setDocumentState',
      'setMenu',
    ]);
  });

  it('sends host requests on their own channel, checked by the contract', async () => {
    const host = exposed.get('kindnessHost') as Host;
    expect(await host.appInfo({})).toMatchObject({ ok: true, shell: 'electron' });
    expect(invoked.at(-1)).toEqual(['kindness:appInfo', {}]);
    const before = invoked.length;
    // @ts-expect-error a request the contract refuses never leaves the page
    const refused = await host.openProject({ path: 42 });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(invoked.length).toBe(before);
  });

  it('delivers shell events, including ones that came before the page listened, and drops malformed ones', async () => {
    const shell = exposed.get('kindnessShell') as ShellBridge;
    const seen: unknown[] = [];
    const stop = shell.onEvent((event) => seen.push(event));
    deliver?.({}, { type: 'menu', command: 'edit.undo' });
    deliver?.({}, { type: 'menu', command: 'rm -rf' });
    deliver?.({}, 'not an event');
    stop();
    deliver?.({}, { type: 'menu', command: 'edit.redo' });
    expect(seen).toEqual([early, { type: 'menu', command: 'edit.undo' }]);
  });

  it('asks the shell for dialogs and reports the document state', async () => {
    const shell = exposed.get('kindnessShell') as ShellBridge;
    expect(await shell.chooseSaveLocation('Be kind')).toEqual({
      path: '/p/a.kindness',
      replaceConfirmed: true,
    });
    expect(invoked.at(-1)).toEqual(['kindness-shell:chooseSaveLocation', { suggestedName: 'Be kind' }]);
    await shell.setDocumentState({ dirty: true, title: 'Be kind', path: null });
    expect(invoked.at(-1)).toEqual([
      'kindness-shell:setDocumentState',
      { dirty: true, title: 'Be kind', path: null, docId: null },
    ]);
  });

  it('bundles for the sandbox: it needs nothing at run time but electron (no Node modules)', async () => {
    // A sandboxed preload can require only 'electron'; a Node import would fail to build for the browser.
    const result = await build({
      entryPoints: ['electron/preload/index.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]));
    expect(required).toEqual(new Set(['electron']));
  });
});
