import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOUNDARY_ERRORS, type Dispatch } from '../host/contract';
import { createPageSessions, PAGE_ID } from '../host/node/pageSessions';
import { readStaticFile } from './staticFiles';

/** The header the page sends the per-run token in, after reading it from the URL once. */
export const TOKEN_HEADER = 'x-kindness-token';
/** The page load's own id, sent with every request (see pageSessions.ts). */
export const PAGE_HEADER = 'x-kindness-page';
/** The page this one follows in its tab, when that one ended (a reload). */
export const FOLLOWS_HEADER = 'x-kindness-follows';
/** Where a page's goodbye beacon goes (`{ token, pageId }` as text: a beacon carries no headers). */
export const PAGE_GONE_PATH = '/page-gone';
/** The only address the server listens on: other machines can never reach it. */
export const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  /** Runs a channel (validated by the contract). */
  dispatch: Dispatch;
  /** The built UI (dist/app). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The per-run secret; random by default. */
  token?: string;
  /** Largest request body (asset imports are base64). */
  maxBodyBytes?: number;
}

export interface WebServer {
  /** The address to open, with the token. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Pages holding documents, and the documents they hold (for tests and the log). */
  pages(): { pages: number; documents: number };
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 80 * 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue sets inline style attributes (positions, sizes).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The server listens on 127.0.0.1 only, so every connection should come from this machine.
 * Checked anyway (defence in depth against a proxy or a changed listen address): only the
 * loopback address the server listens on is served.
 */
export function isLoopbackClient(remoteAddress: string | undefined): boolean {
  return remoteAddress === LOOPBACK || remoteAddress === '::ffff:127.0.0.1';
}

/** A page id header, when it is one (anything else is no page). */
function pageIdOf(req: IncomingMessage, header: string): string | null {
  const value = req.headers[header];
  return typeof value === 'string' && PAGE_ID.test(value) ? value : null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, 'too-large', 'The request is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** HTTP status for a result: the body always carries the details. */
function statusFor(result: unknown): number {
  if (typeof result !== 'object' || result === null || !('ok' in result) || result.ok !== false) return 200;
  const kind = (result as { error?: { kind?: string } }).error?.kind;
  if (kind === BOUNDARY_ERRORS.invalidRequest) return 400;
  if (kind === BOUNDARY_ERRORS.unknownChannel) return 404;
  if (kind === BOUNDARY_ERRORS.internal) return 500;
  return 200;
}

/**
 * Serves the built studio and the host API on 127.0.0.1 only. Every API call needs the per-run
 * token; requests naming another host (DNS rebinding) or coming from another origin are refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = 0;
  const sessions = createPageSessions({
    closeDocument: async (docId) => {
      await options.dispatch('closeDocument', { docId });
    },
  });

  function checkOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      throw new HttpError(403, 'forbidden', 'Requests from other sites are refused.');
    }
  }

  function checkHost(req: IncomingMessage): void {
    if (!isLoopbackClient(req.socket.remoteAddress)) {
      throw new HttpError(403, 'forbidden', 'Only this computer may use the studio.');
    }
    const host = req.headers.host ?? '';
    if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) {
      throw new HttpError(403, 'forbidden', 'This address is not served.');
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'method', 'Use POST for host requests.');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, token)) {
      throw new HttpError(
        401,
        'unauthorized',
        'This request did not carry the studio’s token, so it was refused.',
      );
    }
    checkOrigin(req);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, BOUNDARY_ERRORS.invalidRequest, 'Host requests are JSON.');
    }
    const text = await readBody(req, maxBody);
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpError(400, BOUNDARY_ERRORS.invalidRequest, 'The request is not valid JSON.');
    }
    const result = await options.dispatch(channel, body);
    const pageId = pageIdOf(req, PAGE_HEADER);
    if (pageId !== null) {
      sessions.noteRequest({ pageId, follows: pageIdOf(req, FOLLOWS_HEADER) }, channel, body, result);
    }
    sendJson(res, statusFor(result), result);
  }

  /** A page's goodbye beacon: the token is in the body, checked as the header is elsewhere. */
  async function handlePageGone(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'method', 'Use POST.');
    checkOrigin(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req, 4096));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, BOUNDARY_ERRORS.invalidRequest, 'The request is not valid JSON.');
    }
    const { token: given, pageId } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
      token?: unknown;
      pageId?: unknown;
    };
    if (typeof given !== 'string' || !sameSecret(given, token)) {
      throw new HttpError(
        401,
        'unauthorized',
        'This request did not carry the studio’s token, so it was refused.',
      );
    }
    if (typeof pageId !== 'string' || !PAGE_ID.test(pageId)) {
      throw new HttpError(400, BOUNDARY_ERRORS.invalidRequest, 'No page id.');
    }
    sessions.gone(pageId);
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method', 'Not allowed.');
    const file = await readStaticFile(options.staticDir, path);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      // The token is in the page's address: never send it on to anyone.
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer((req, res) => {
    const run = async () => {
      checkHost(req);
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
      if (url.pathname.startsWith('/api/')) await handleApi(req, res, url.pathname.slice('/api/'.length));
      else if (url.pathname === PAGE_GONE_PATH) await handlePageGone(req, res);
      else await handleStatic(req, res, url.pathname);
    };
    run().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const known =
        error instanceof HttpError ? error : new HttpError(500, BOUNDARY_ERRORS.internal, 'Server error.');
      sendJson(res, known.status, { ok: false, error: { kind: known.kind, message: known.message } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    pages: () => sessions.counts(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
