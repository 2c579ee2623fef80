import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankProject } from '../../src/core/edit';
import {
  CHANNELS,
  CHANNEL_NAMES,
  createDispatcher,
  type Dispatch,
  type HostHandlers,
} from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { isLoopbackClient, startWebServer, TOKEN_HEADER, type WebServer } from '../../src/web/server';
import { folderSnapshot } from './helpers/folderSnapshot';

/**
 * Every channel of the contract, attacked through the dispatcher and through the real web
 * server. The cases are generated from the channel table, so channels added later are covered
 * without touching this file: malformed bodies apply to every channel; cases that need a valid
 * request (extra fields, paths outside the folders) run where one can be derived.
 */
let dir = '';
let workspace = '';
let outside = '';
let dispatch: Dispatch;
let server: WebServer;
const calls = new Map<string, number>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-hostapi-'));
  workspace = join(dir, 'workspace');
  outside = join(dir, 'outside');
  const ui = join(dir, 'ui');
  await Promise.all([mkdir(workspace), mkdir(outside), mkdir(ui), mkdir(join(dir, 'data'))]);
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Kindness Studio</title>');
  await writeFile(join(outside, 'secret.kindness.json'), JSON.stringify(blankProject('Secret')));
  await symlink(outside, join(workspace, 'link-to-outside'));
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '1.0.0',
    shell: 'web',
  });
  // Count handler calls: a refused request must never reach one.
  const counted = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (req: unknown) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (handler as (r: unknown) => Promise<unknown>)(req);
      },
    ]),
  ) as unknown as HostHandlers;
  dispatch = createDispatcher(counted);
  server = await startWebServer({ dispatch, staticDir: ui });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

type Shape = Record<string, z.ZodType>;
function shapeOf(schema: z.ZodType): Shape | null {
  return schema instanceof z.ZodObject ? (schema.shape as Shape) : null;
}

/** Candidate values for deriving a valid request field by field: the first one a field accepts wins. */
function candidates(field: string): unknown[] {
  const inWorkspace = join(workspace, `${field}-fuzz.kindness`);
  return [
    ...(/path|folder/i.test(field) ? [inWorkspace, workspace] : []),
    ...(/docid|^id$/i.test(field) ? ['doc-reliability-1'] : []),
    ...(/assetid/i.test(field) ? ['a'.repeat(64)] : []),
    ...(/mime/i.test(field) ? ['image/png'] : []),
    ...(/data/i.test(field) ? ['aGVsbG8='] : []),
    ...(/project/i.test(field) ? [blankProject('Fuzz')] : []),
    'blank',
    'Fuzz name.png',
    'captions.srt',
    // Ids with a pattern (export jobs, shares) and a choice from a list (an export output).
    'job-0123456789abcdef',
    'draft',
    ['draft'],
    null,
    false,
    0,
    [],
    {},
  ];
}

/** A valid request for a channel, or null when one cannot be derived from its schema alone. */
function validRequest(schema: z.ZodType): Record<string, unknown> | null {
  const shape = shapeOf(schema);
  if (shape === null) return null;
  const body: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(shape)) {
    const value = candidates(field).find((c) => fieldSchema.safeParse(c).success);
    if (value === undefined && !fieldSchema.safeParse(undefined).success) return null;
    if (value !== undefined) body[field] = value;
  }
  return schema.safeParse(body).success ? body : null;
}

const WRONG_VALUES: unknown[] = [
  12345,
  -1.5,
  Number.MAX_SAFE_INTEGER,
  'x',
  '',
  true,
  null,
  [],
  [1, 2],
  {},
  { nested: { deeper: 1 } },
  '../../../etc/passwd',
];
const OVERSIZED = ['x'.repeat(5_000), 'y'.repeat(1_000_000)];

interface Case {
  channel: string;
  label: string;
  body: unknown;
}

/** Malformed requests: every case is one its channel's schema refuses. */
function malformedCases(): Case[] {
  const cases: Case[] = [];
  for (const channel of CHANNEL_NAMES) {
    const schema = CHANNELS[channel].request as z.ZodType;
    for (const body of [null, 42, 'text', [], true, [{}]]) {
      cases.push({ channel, label: `body ${JSON.stringify(body)}`, body });
    }
    const shape = shapeOf(schema);
    const base = validRequest(schema) ?? {};
    for (const [field, fieldSchema] of Object.entries(shape ?? {})) {
      for (const value of [...WRONG_VALUES, ...OVERSIZED]) {
        if (fieldSchema.safeParse(value).success) continue;
        const label =
          typeof value === 'string' && value.length > 40
            ? `${value.length} characters`
            : JSON.stringify(value);
        cases.push({ channel, label: `${field} = ${label}`, body: { ...base, [field]: value } });
      }
      if (!fieldSchema.safeParse(undefined).success) {
        const { [field]: _dropped, ...rest } = base;
        cases.push({ channel, label: `${field} missing`, body: rest });
      }
    }
    // Extra fields are refused (see createDispatcher): a forged or misspelt field never passes.
    if (shape !== null) {
      cases.push({ channel, label: 'an extra field', body: { ...base, unexpected: true } });
      cases.push({
        channel,
        label: 'an extra "__proto__" field',
        body: JSON.parse(`{"__proto__":{"admin":true}}`) as unknown,
      });
    }
  }
  // Keep only what the host must refuse (a "wrong" value some channel happens to accept is no case).
  return cases.filter((c) => {
    const schema = CHANNELS[c.channel as keyof typeof CHANNELS].request as z.ZodType;
    return !(schema instanceof z.ZodObject ? schema.strict() : schema).safeParse(c.body).success;
  });
}

/**
 * Channels whose path is only a label, never opened or written: a backup remembers which file
 * its edits belong to (possibly a folder picked in an earlier session), and saving there later
 * goes through saveProject, which checks it. They must still write nothing outside.
 */
const PATH_IS_A_LABEL = new Set(['writeRecovery']);

function takesOverwrite(schema: z.ZodType): boolean {
  return 'overwrite' in (shapeOf(schema) ?? {});
}

/** Channels that take a path (or folder) the host must keep inside the chosen folders. */
function pathFields(schema: z.ZodType): string[] {
  return Object.keys(shapeOf(schema) ?? {}).filter((field) =>
    /(?:^|[a-z])(?:path|folder|dir|directory)$/i.test(field),
  );
}

describe('every host channel refuses malformed requests, before any work', () => {
  it('through the dispatcher: wrong types, missing and extra fields, oversized strings', async () => {
    const cases = malformedCases();
    console.log(
      `[reliability] host API: ${cases.length} malformed requests over ${CHANNEL_NAMES.length} channels`,
    );
    expect(cases.length).toBeGreaterThan(CHANNEL_NAMES.length * 6);
    const before = new Map(calls);
    for (const c of cases) {
      const answer = (await dispatch(c.channel, c.body)) as {
        ok: boolean;
        error?: { kind: string; message: string };
      };
      expect(answer.ok, `${c.channel}: ${c.label}`).toBe(false);
      expect(answer.error?.kind, `${c.channel}: ${c.label}`).toBe('invalid-request');
      expect(answer.error?.message.length ?? 0).toBeLessThan(4000);
    }
    expect(calls).toEqual(before);
  });

  it('through the web server: the same requests get 400 with the same refusal', async () => {
    const cases = malformedCases().filter((_, i) => i % 3 === 0); // a third is enough over HTTP
    for (const c of cases) {
      const reply = await send(`/api/${c.channel}`, { method: 'POST', body: JSON.stringify(c.body) });
      expect(reply.status, `${c.channel}: ${c.label}`).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    }
  });

  it('a valid request can be derived for most channels, and extra fields are the only thing refused then', async () => {
    const derived = CHANNEL_NAMES.filter((c) => validRequest(CHANNELS[c].request as z.ZodType) !== null);
    const missing = CHANNEL_NAMES.filter((c) => !derived.includes(c));
    console.log(
      `[reliability] host API: a valid request derived for ${derived.length} of ${CHANNEL_NAMES.length} channels` +
        (missing.length > 0 ? ` (not for ${missing.join(', ')})` : ''),
    );
    expect(derived.length).toBeGreaterThan(CHANNEL_NAMES.length / 2);
    // The paths-outside test needs a valid request: every channel that takes a path must have one
    // (a new channel failing here needs a candidate value in candidates()).
    const withPaths = CHANNEL_NAMES.filter((c) => pathFields(CHANNELS[c].request as z.ZodType).length > 0);
    expect(withPaths.filter((c) => !derived.includes(c))).toEqual([]);
    for (const channel of derived) {
      const body = validRequest(CHANNELS[channel].request as z.ZodType) ?? {};
      const answer = (await dispatch(channel, body)) as { ok: boolean; error?: { kind: string } };
      // It may fail for its own reasons (no such document), but never as an invalid request.
      expect(answer.error?.kind, channel).not.toBe('invalid-request');
    }
  });
});

describe('paths outside the chosen folders are refused on every channel that takes one', () => {
  const escapes = () => [
    join(outside, 'secret.kindness.json'),
    join(workspace, '..', 'outside', 'secret.kindness.json'),
    join(workspace, 'link-to-outside', 'secret.kindness.json'),
    join(workspace, 'link-to-outside', 'new.kindness'),
    join(workspace, 'link-to-outside'),
    'relative.kindness',
    '/etc/passwd',
    '/',
  ];

  it('refuses each with "outside-folders" and writes nothing outside', async () => {
    const before = folderSnapshot(outside);
    const beforeParent = folderSnapshot(dir, 0);
    let tried = 0;
    for (const channel of CHANNEL_NAMES) {
      const schema = CHANNELS[channel].request as z.ZodType;
      const base = validRequest(schema);
      if (base === null) continue;
      for (const field of pathFields(schema)) {
        for (const path of escapes()) {
          const answer = (await dispatch(channel, {
            ...base,
            [field]: path,
            ...(takesOverwrite(schema) ? { overwrite: true } : {}),
          })) as {
            ok: boolean;
            error?: { kind: string; message: string };
          };
          tried++;
          if (PATH_IS_A_LABEL.has(channel)) continue;
          expect(answer.ok, `${channel}.${field} = ${path}`).toBe(false);
          expect(answer.error?.kind, `${channel}.${field} = ${path}`).toBe('outside-folders');
        }
      }
    }
    console.log(`[reliability] host API: ${tried} requests with paths outside the chosen folders`);
    expect(tried).toBeGreaterThan(0);
    expect(folderSnapshot(outside)).toEqual(before);
    expect(folderSnapshot(dir, 0)).toEqual(beforeParent);
  });
});

interface Reply {
  status: number;
  body: string;
}

function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
    noToken?: boolean;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.noToken === true ? {} : { [TOKEN_HEADER]: server.token }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the web server refuses callers that are not the studio page, on every channel', () => {
  it('without the token, with a wrong token, from another origin or host, or from another address', async () => {
    const before = new Map(calls);
    const refusals: [string, Parameters<typeof send>[1], number][] = [
      ['no token', { noToken: true }, 401],
      ['a wrong token', { headers: { [TOKEN_HEADER]: 'not-the-token' } }, 401],
      ['an empty token', { headers: { [TOKEN_HEADER]: '' } }, 401],
      ['a foreign Origin', { headers: { origin: 'https://evil.example' } }, 403],
      ['a null Origin', { headers: { origin: 'null' } }, 403],
      ['a foreign Host (DNS rebinding)', { headers: { host: 'evil.example' } }, 403],
      ['a foreign Host on our port', { headers: { host: `evil.example:${server.port}` } }, 403],
      // Simulated non-loopback caller: a client bound to another local address.
      ['another address (127.0.0.2)', { localAddress: '127.0.0.2' }, 403],
    ];
    let tried = 0;
    for (const channel of CHANNEL_NAMES) {
      const body = JSON.stringify(validRequest(CHANNELS[channel].request as z.ZodType) ?? {});
      for (const [label, options, status] of refusals) {
        const reply = await send(`/api/${channel}`, { ...options, method: 'POST', body });
        tried++;
        expect(reply.status, `${channel}: ${label}`).toBe(status);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
      }
      // Wrong method and content type.
      expect((await send(`/api/${channel}`, { method: 'GET' })).status).toBe(405);
      expect(
        (await send(`/api/${channel}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }))
          .status,
      ).toBe(415);
    }
    console.log(
      `[reliability] host API: ${tried} requests from callers that are not the studio, all refused`,
    );
    expect(calls).toEqual(before);
  });

  it('accepts only the loopback address it listens on', () => {
    expect(isLoopbackClient('127.0.0.1')).toBe(true);
    expect(isLoopbackClient('::ffff:127.0.0.1')).toBe(true);
    for (const address of [
      '192.168.1.20',
      '10.0.0.1',
      '::ffff:192.168.1.20',
      '127.0.0.2',
      '0.0.0.0',
      '',
      undefined,
    ]) {
      expect(isLoopbackClient(address), String(address)).toBe(false);
    }
  });
});
