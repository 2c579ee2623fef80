import { mkdir, readFile } from 'node:fs/promises';
import { PRIVATE_MODE, writeFileAtomic } from '../../../node/files';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { RecentFileSchema, type RecentFile } from '../../contract';

const MAX_RECENT = 10;

const SettingsSchema = z.object({
  recent: z.array(RecentFileSchema).max(50).default([]),
});
type Settings = z.infer<typeof SettingsSchema>;

/** Settings kept in the app's data folder (recent files). A damaged file starts fresh. */
export interface SettingsStore {
  recent(): Promise<RecentFile[]>;
  addRecent(path: string): Promise<void>;
}

export function createSettingsStore(dataDir: string, now: () => number = Date.now): SettingsStore {
  const file = join(dataDir, 'settings.json');
  // Writes are chained so two quick saves cannot interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Settings> {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // missing or damaged: defaults
    }
    return { recent: [] };
  }

  async function write(settings: Settings): Promise<void> {
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, {
      replace: 'always',
      mode: PRIVATE_MODE,
    });
  }

  return {
    async recent() {
      await queue.catch(() => {});
      return (await read()).recent;
    },
    addRecent(path) {
      const next = queue.then(async () => {
        const settings = await read();
        const recent = [
          { path, name: basename(path), openedAt: now() },
          ...settings.recent.filter((r) => r.path !== path),
        ].slice(0, MAX_RECENT);
        await write({ ...settings, recent });
      });
      queue = next.catch(() => {});
      return next;
    },
  };
}
