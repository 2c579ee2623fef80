import { mkdir, readFile, rename } from 'node:fs/promises';
import { PRIVATE_MODE, writeFileAtomic } from '../../../node/files';
import { join } from 'node:path';
import {
  BundledSafetyDirectorySchema,
  mergeDirectory,
  UserSafetyDirectorySchema,
  type BundledSafetyDirectory,
  type SafetyEntry,
} from '../../../core/safety';
import { failure, type HostHandlers } from '../../contract';

/** The creator's own entries, in the app's data folder. */
export const USER_DIRECTORY_FILE = 'safety-directory.json';

type SafetyHandlers = Pick<HostHandlers, 'getSafetyDirectory' | 'saveSafetyDirectory'>;

interface UserLayer {
  readonly entries: SafetyEntry[];
  readonly notice: string | null;
}

/** Through the one writer: a crash leaves the old or the new file, never a torn one. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { replace: 'always', mode: PRIVATE_MODE });
}

/**
 * `getSafetyDirectory` and `saveSafetyDirectory`: the shipped list (read-only, from the app's
 * resources) merged with the creator's layer. A damaged layer is never overwritten: it is set
 * aside under a dated name and the creator is told.
 */
export function createSafetyHandlers(options: {
  bundledFile: string;
  dataDir: string;
  now?: () => number;
}): SafetyHandlers {
  const now = options.now ?? Date.now;
  const userFile = join(options.dataDir, USER_DIRECTORY_FILE);
  let bundled: BundledSafetyDirectory | null = null;
  // One write at a time, so two quick saves cannot land out of order.
  let queue: Promise<unknown> = Promise.resolve();

  async function readBundled(): Promise<BundledSafetyDirectory> {
    bundled ??= BundledSafetyDirectorySchema.parse(JSON.parse(await readFile(options.bundledFile, 'utf8')));
    return bundled;
  }

  async function readUser(): Promise<UserLayer> {
    let text: string;
    try {
      text = await readFile(userFile, 'utf8');
    } catch {
      return { entries: [], notice: null }; // none saved yet
    }
    try {
      const parsed = UserSafetyDirectorySchema.safeParse(JSON.parse(text));
      if (parsed.success) return { entries: parsed.data.entries, notice: null };
    } catch {
      // not JSON: set aside below
    }
    const aside = join(options.dataDir, `safety-directory.damaged-${now()}.json`);
    await rename(userFile, aside);
    return {
      entries: [],
      notice:
        'Your own safety resources could not be read, so the studio set that file aside ' +
        `(${aside}) and shows the shipped list. Nothing was deleted.`,
    };
  }

  async function answer(layer: UserLayer) {
    const shipped = await readBundled();
    return {
      ok: true as const,
      entries: mergeDirectory(shipped.resources, layer.entries),
      userEntries: layer.entries,
      emergencyLine: shipped.emergencyLine,
      cyberbullyingAdvice: shipped.cyberbullyingAdvice,
      notice: layer.notice,
    };
  }

  return {
    async getSafetyDirectory() {
      await queue.catch(() => {});
      try {
        return await answer(await readUser());
      } catch {
        return failure('directory-unavailable', 'The list of safety resources could not be read.');
      }
    },

    saveSafetyDirectory({ entries }) {
      const next = queue.then(async () => {
        // Read first: a damaged file is set aside, never overwritten.
        const before = await readUser();
        await mkdir(options.dataDir, { recursive: true });
        await writeAtomic(userFile, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
        return answer({ entries, notice: before.notice });
      });
      queue = next.catch(() => {});
      return next.catch(() =>
        failure(
          'save-failed',
          'Your safety resources could not be saved. Check the disk has space and try again.',
        ),
      );
    },
  };
}
