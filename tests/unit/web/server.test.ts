import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../../src/web/server';

let dir: string;
let workspace: string;
let server: WebServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-web-'));
  workspace = join(dir, 'workspace');
  const ui = join(dir, 'ui');
  await mkdir(workspace);
  await mkdir(ui);
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Kindness Studio</title>');
  await writeFile(join(dir, 'secret.txt'), 'not for the page');
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '1.2.3',
    shell: 'web',
  });
  server = await startWebServer({ dispatch: createDispatcher(handlers), staticDir: ui });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send what a browser would not (wrong Host, no token). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('web host', () => {
  it('listens on the loopback address only and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=.{20,}$/);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('serves the studio page with a strict content security policy', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Kindness Studio');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('does not serve files outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(path);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('not for the page');
    }
  });

  it('answers a host request that carries the token', async () => {
    const reply = await api('appInfo', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, version: '1.2.3', shell: 'web' });
  });

  it('refuses host requests without the token or with a wrong one', async () => {
    for (const token of [undefined, 'wrong', `${server.token}x`]) {
      const reply = await send('/api/appInfo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: '{}',
      });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    }
  });

  it('refuses requests that name another host (DNS rebinding) or come from another site', async () => {
    expect((await api('appInfo', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('explains requests that do not match the contract', async () => {
    const bad = await api('openProject', { path: 42 });
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.body).error;
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('path');

    const notJson = await send('/api/appInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);

    const unknown = await api('deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.kind).toBe('unknown-channel');
  });

  it('refuses to open or save a file outside the chosen folder, and writes nothing there', async () => {
    const open = JSON.parse((await api('openProject', { path: join(dir, 'secret.txt') })).body);
    expect(open).toMatchObject({ ok: false, error: { kind: 'outside-folders' } });
    expect(open.error.message).toContain('only opens and saves files inside the folders you chose');

    const template = JSON.parse((await api('loadTemplate', { id: 'blank' })).body);
    const escape = join(workspace, '..', 'escaped.kindness');
    const save = JSON.parse(
      (await api('saveProjectAs', { docId: template.docId, path: escape, project: template.project })).body,
    );
    expect(save).toMatchObject({ ok: false, error: { kind: 'outside-folders' } });
    await expect(readFile(escape)).rejects.toThrow();
  });

  it('refuses a 4,096-character path with a short, clear message, not a server error (issue 10)', async () => {
    const long = join(workspace, `${'a'.repeat(4096 - workspace.length - 10)}.kindness`).slice(0, 4096);
    for (const [channel, body] of [
      ['openProject', { path: long }],
      ['openProject', { path: `${long.slice(0, 4000)}.txt` }],
      ['listFiles', { folder: long }],
    ] as const) {
      const reply = await api(channel, body);
      expect(reply.status, `${channel}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
      const answer = JSON.parse(reply.body) as { ok: boolean; error: { message: string } };
      expect(answer.ok).toBe(false);
      expect(answer.error.message).not.toMatch(/Something went wrong/);
      expect(answer.error.message.length).toBeLessThan(400);
    }
  });

  it('never shows an error code or a path outside the folders in a message (issue 10)', async () => {
    const { symlink } = await import('node:fs/promises');
    const loop = join(workspace, 'loop.kindness');
    await symlink(loop, loop);
    const reply = await api('openProject', { path: loop });
    const answer = JSON.parse(reply.body) as { ok: boolean; error: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).not.toMatch(/ELOOP|E[A-Z]{3,}:/);
    expect(answer.error.message).not.toContain(dir);
  });
});
