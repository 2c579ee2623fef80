import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';

let dir: string;

async function startHost(): Promise<Host> {
  const handlers = await createNodeHostHandlers({
    folders: [dir],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
    now: () => 1234,
  });
  const dispatch = createDispatcher(handlers);
  return createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

const MINE = {
  id: 'uk-my-helpline',
  region: 'UK' as const,
  name: 'My school helpline',
  contact: '01234 567890',
  source: 'school newsletter',
  checkedOn: '2026-11-20',
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-safety-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safety directory channels', () => {
  it('serve the shipped list with checked-on dates before the creator adds anything', async () => {
    const host = await startHost();
    const d = ok(await host.getSafetyDirectory({}));
    expect(d.entries.map((e) => e.name)).toContain('Childline');
    expect(d.entries.every((e) => e.origin === 'bundled' && /^\d{4}-/.test(e.checkedOn))).toBe(true);
    expect(d.userEntries).toEqual([]);
    expect(d.emergencyLine).toMatch(/immediate danger/);
    expect(d.notice).toBeNull();
  });

  it('save the creator’s entries in the data folder, merged after a restart', async () => {
    const host = await startHost();
    const saved = ok(await host.saveSafetyDirectory({ entries: [MINE] }));
    expect(saved.entries.find((e) => e.id === MINE.id)?.origin).toBe('added');
    const again = ok(await (await startHost()).getSafetyDirectory({}));
    expect(again.userEntries).toMatchObject([MINE]);
    expect(again.entries.filter((e) => e.origin === 'bundled')).toHaveLength(6);
    const stored = JSON.parse(await readFile(join(dir, 'data', 'safety-directory.json'), 'utf8'));
    expect(stored).toMatchObject({ version: 1, entries: [MINE] });
    // Written atomically: no temp file left behind.
    expect(await readdir(join(dir, 'data'))).toEqual(['safety-directory.json']);
  });

  it('refuse an entry without a source or with an impossible date, and keep the old list', async () => {
    const host = await startHost();
    ok(await host.saveSafetyDirectory({ entries: [MINE] }));
    const bad = await host.saveSafetyDirectory({
      entries: [{ ...MINE, checkedOn: '2026-13-01', source: '' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(ok(await host.getSafetyDirectory({})).userEntries).toMatchObject([MINE]);
  });

  it('set a damaged file aside instead of losing it, and say so', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'safety-directory.json'), '{"entries": [ broken');
    const host = await startHost();
    const d = ok(await host.getSafetyDirectory({}));
    expect(d.notice).toMatch(/set that file aside/);
    expect(d.entries).toHaveLength(6);
    const files = await readdir(join(dir, 'data'));
    expect(files).toEqual(['safety-directory.damaged-1234.json']);
    expect(await readFile(join(dir, 'data', files[0] as string), 'utf8')).toBe('{"entries": [ broken');
  });
});
