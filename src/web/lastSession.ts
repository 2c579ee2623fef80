import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
    const parsed: unknown = JSON.parse(await readFile(join(dataDir, FILE), 'utf8'));
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

export async function writeLastSession(dataDir: string, session: LastSession): Promise<void> {
  const path = join(dataDir, FILE);
  const temporary = `${path}.tmp`;
  await writeFile(temporary, JSON.stringify(session), { mode: 0o600 });
  await rename(temporary, path);
}
