import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { PRIVATE_MODE, writeFileAtomic } from '../../../node/files';
import type { AssetMap } from '../../../node/assets';
import { join } from 'node:path';
import type { Project } from '../../../core/schema';
import { RecoverySchema, type Recovery } from '../../contract';
import { openProjectFile, saveProjectFile, type OpenResult } from '../projectFile';

/**
 * Backups of unsaved edits in the app's data folder: `<id>.kindness` (the whole document with
 * its assets, written atomically like any save) and `<id>.json` (what the start screen shows).
 * A backup lives until its edits are saved or the creator discards it.
 */
export interface RecoveryStore {
  write(id: string, project: Project, assets: AssetMap, path: string | null): Promise<number>;
  list(): Promise<Recovery[]>;
  /** The backed-up document, with the file it belonged to. */
  read(id: string): Promise<{ recovery: Recovery; opened: OpenResult } | null>;
  discard(id: string): Promise<void>;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

export function createRecoveryStore(dataDir: string, now: () => number = Date.now): RecoveryStore {
  const folder = join(dataDir, 'recovery');
  const projectFile = (id: string) => join(folder, `${id}.kindness`);
  const infoFile = (id: string) => join(folder, `${id}.json`);
  // One write at a time per document: a slow write must not land after a newer one.
  const chains = new Map<string, Promise<unknown>>();

  function assertId(id: string): void {
    // The contract checks ids too; this keeps file names safe whoever calls.
    if (!ID_PATTERN.test(id)) throw new Error(`Not a document id: ${id}`);
  }

  async function readInfo(id: string): Promise<Recovery | null> {
    try {
      const parsed = RecoverySchema.safeParse(JSON.parse(await readFile(infoFile(id), 'utf8')));
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    write(id, project, assets, path) {
      assertId(id);
      const previous = chains.get(id) ?? Promise.resolve();
      const next = previous
        .catch(() => {})
        .then(async () => {
          await mkdir(folder, { recursive: true });
          await saveProjectFile(projectFile(id), project, assets);
          const savedAt = now();
          const info: Recovery = {
            id,
            title: project.title,
            path,
            savedAt,
            sceneCount: project.scenes.length,
          };
          await writeFileAtomic(infoFile(id), `${JSON.stringify(info)}\n`, {
            replace: 'always',
            mode: PRIVATE_MODE,
          });
          // saveProjectFile keeps the previous file as .bak; a backup of a backup is not needed.
          await unlink(`${projectFile(id)}.bak`).catch(() => {});
          return savedAt;
        });
      chains.set(id, next);
      return next;
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return [];
      }
      const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
      const found: Recovery[] = [];
      for (const id of ids) {
        if (!ID_PATTERN.test(id) || !names.includes(`${id}.kindness`)) continue;
        const info = await readInfo(id);
        if (info !== null) found.push(info);
      }
      return found.sort((a, b) => b.savedAt - a.savedAt);
    },

    async read(id) {
      assertId(id);
      await chains.get(id)?.catch(() => {});
      const recovery = await readInfo(id);
      if (recovery === null) return null;
      return { recovery, opened: await openProjectFile(projectFile(id)) };
    },

    async discard(id) {
      assertId(id);
      await chains.get(id)?.catch(() => {});
      chains.delete(id);
      await unlink(projectFile(id)).catch(() => {});
      await unlink(infoFile(id)).catch(() => {});
    },
  };
}
