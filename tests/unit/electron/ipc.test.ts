import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, SHELL_CHANNEL_NAMES, type Dispatch } from '../../../src/host/contract';

/** What registerIpc hands to ipcMain.handle, by channel. */
const handlers = new Map<string, (event: unknown, body: unknown) => Promise<unknown>>();
const studioWindow = { id: 1 };

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, body: unknown) => Promise<unknown>) => {
      handlers.set(channel, handler);
    },
  },
  BrowserWindow: { fromWebContents: () => studioWindow },
}));

const { registerIpc } = await import('../../../electron/main/ipc');

function eventFrom(url: string | null) {
  return { senderFrame: url === null ? null : { url }, sender: {} };
}

const calls: [string, unknown][] = [];
const dispatch: Dispatch = async (channel, body) => {
  calls.push([channel, body]);
  return { ok: true, version: '1', platform: 'linux', shell: 'electron', folders: [] };
};
const setDocumentState = vi.fn(async () => ({ ok: true as const }));

beforeEach(() => {
  handlers.clear();
  calls.length = 0;
  setDocumentState.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  registerIpc(
    dispatch,
    {
      setDocumentState,
      setMenu: async () => ({ ok: true }),
      chooseProjectToOpen: async () => ({ path: null }),
      chooseSaveLocation: async () => ({ path: null, replaceConfirmed: false }),
      requestMicrophone: async () => ({ ok: true }),
    },
    null,
  );
});

describe('IPC from the page', () => {
  it('has one handler per contract channel and per shell channel, and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(
      [
        ...CHANNEL_NAMES.map((c) => `kindness:${c}`),
        ...SHELL_CHANNEL_NAMES.map((c) => `kindness-shell:${c}`),
      ].sort(),
    );
  });

  it('passes requests from the studio page to the same dispatcher as the web host', async () => {
    const answer = await handlers.get('kindness:appInfo')?.(eventFrom('kindness://app/index.html'), {});
    expect(calls).toEqual([['appInfo', {}]]);
    expect(answer).toMatchObject({ ok: true, shell: 'electron' });
  });

  it('refuses requests from any other page, or a frame that is gone, before doing anything', async () => {
    for (const url of ['https://example.com/', 'file:///tmp/x.html', 'kindness://other/', null]) {
      const answer = await handlers.get('kindness:listFiles')?.(eventFrom(url), { folder: null });
      expect(answer, String(url)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      await expect(
        handlers.get('kindness-shell:setDocumentState')?.(eventFrom(url), {
          dirty: true,
          title: 'x',
          path: null,
        }),
      ).rejects.toThrow(/did not come from its own window/);
    }
    expect(calls).toEqual([]);
    expect(setDocumentState).not.toHaveBeenCalled();
  });

  it('validates shell requests before the shell acts on them', async () => {
    const trusted = eventFrom('kindness://app/index.html');
    await expect(
      handlers.get('kindness-shell:setDocumentState')?.(trusted, { dirty: 'very', title: 'x', path: null }),
    ).rejects.toThrow();
    expect(setDocumentState).not.toHaveBeenCalled();
    await handlers.get('kindness-shell:setDocumentState')?.(trusted, {
      dirty: true,
      title: 'Be kind',
      path: null,
    });
    expect(setDocumentState).toHaveBeenCalledWith(
      { dirty: true, title: 'Be kind', path: null, docId: null },
      studioWindow,
    );
  });
});
