import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../host/contract';
import { childProcessRunner, createNodeHostHandlers, workerThreadVoiceRunner } from '../host/node/host';
import { readLastSession, writeLastSession } from './lastSession';
import { startWebServer, type WebServer } from './server';

/**
 * `npm run web`: serves the built studio and the host API on 127.0.0.1 and prints the address.
 * Runs from dist/web/main.js; the repository root is two folders up.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const usage = `Usage: node dist/web/main.js [options]
  --workspace DIR   folder your projects are opened from and saved to (default: ~/Kindness Studio)
  --data DIR        app data folder: settings and backups of unsaved work
                    (default: $XDG_DATA_HOME/kindness-studio or ~/.local/share/kindness-studio)
  --port N          port on 127.0.0.1 (default: a free one)
  --ui DIR          the built studio (default: dist/app)
  --templates DIR   sample projects offered as templates (default: resources/samples)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      ui: { type: 'string' },
      templates: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  }
  const workspace = resolve(values.workspace ?? join(homedir(), 'Kindness Studio'));
  const dataDir = resolve(
    values.data ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'kindness-studio'),
  );
  const staticDir = resolve(values.ui ?? join(root, 'dist', 'app'));
  await mkdir(workspace, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  try {
    await readFile(join(staticDir, 'index.html'));
  } catch {
    throw new Error(`The studio's UI is not built in ${staticDir}. Run "npm run build:app" first.`);
  }

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version?: string };
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir,
    templatesDir: resolve(values.templates ?? join(root, 'resources', 'samples')),
    version: pkg.version ?? '0.0.0',
    shell: 'web',
    exportRunner: childProcessRunner({
      script: fileURLToPath(new URL('./exportWorker.js', import.meta.url)),
    }),
    voiceRunner: workerThreadVoiceRunner(fileURLToPath(new URL('./voiceWorker.js', import.meta.url))),
  });
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => console.error(`[host] ${channel} failed:`, error),
  });
  const server = await startOnLastAddress({ dispatch, staticDir, port }, dataDir);
  console.log(`Kindness Studio is running at ${server.url}`);
  console.log(`Projects folder: ${workspace}`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Without --port, the host comes back on the address and token of its last run (when that port
 * is free), so "reload the page" after a restart works in the tab that was open.
 */
async function startOnLastAddress(
  options: Parameters<typeof startWebServer>[0],
  dataDir: string,
): Promise<WebServer> {
  const last = options.port === 0 ? await readLastSession(dataDir) : null;
  let server: WebServer | null = null;
  if (last !== null) {
    server = await startWebServer({ ...options, port: last.port, token: last.token }).catch(() => null);
  }
  server ??= await startWebServer(options);
  await writeLastSession(dataDir, { port: server.port, token: server.token }).catch((error: unknown) =>
    console.error(`The address could not be kept for the next run: ${String(error)}`),
  );
  return server;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
