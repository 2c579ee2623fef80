import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { createApp, type App } from 'vue';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { HOST_KEY } from '../../../src/app/host/useHost';

export interface StoreHarness {
  app: App;
  host: Host;
  workspace: string;
  /** Runs store code inside the app, where the host is provided. */
  run<T>(work: () => T): T;
  cleanup(): Promise<void>;
}

/** The stores as the page runs them, against the real Node host (no HTTP) in temp folders. */
export async function storeHarness(): Promise<StoreHarness> {
  const root = await mkdtemp(join(tmpdir(), 'kindness-app-'));
  const workspace = join(root, 'workspace');
  await mkdir(workspace);
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(root, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.0',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers);
  const host = createHostClient((channel, request) => dispatch(channel, request));
  const app = createApp({});
  app.provide(HOST_KEY, host);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return {
    app,
    host,
    workspace,
    run: (work) => app.runWithContext(work),
    // A backup of unsaved work may still be landing in the data folder as the test ends: the
    // removal tries again until it is done (ENOTEMPTY otherwise, seen on a loaded machine).
    cleanup: () => rm(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }),
  };
}

/**
 * The page the stores read: its address (`search`, e.g. '?token=x&review=1' for review mode) and
 * an empty localStorage (the reviewer's name). Undo with vi.unstubAllGlobals().
 */
export function stubPage(search: string): void {
  const memory = new Map<string, string>();
  vi.stubGlobal('window', { location: { search } });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => memory.set(k, v),
  });
}
