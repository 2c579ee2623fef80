import { join } from 'node:path';
import { PRIVATE_MODE, readRegularFile, writeFileAtomic } from '../node/files';

/**
 * The address and token of the last run of the web host, kept in the app data folder (readable
 * by this user only). A restarted host serves the same address with the same token, so a tab
 * left open, told to "reload the page", finds the studio again with the key it already holds.
 */
export interface LastSession {
  port: number;
  token: string;
}

const FILE = 'web-session.json';

export async function readLastSession(dataDir: string): Promise<LastSession | null> {
  try {
    const text = await readRegularFile(join(dataDir, FILE), {
      noFollow: true,
      maxBytes: 4096,
      encoding: 'utf8',
    });
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { port, token } = parsed as { port?: unknown; token?: unknown };
    if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) return null;
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{24,}$/.test(token)) return null;
    return { port, token };
  } catch {
    // No earlier run, or an unreadable file: a new address and token, as on a first start.
    return null;
  }
}

/** Through the one writer: a link planted at a temp name (or a fixed `.tmp` name) is never followed. */
export async function writeLastSession(dataDir: string, session: LastSession): Promise<void> {
  await writeFileAtomic(join(dataDir, FILE), JSON.stringify(session), {
    replace: 'always',
    mode: PRIVATE_MODE,
  });
}
