import { rename, rm, writeFile } from 'node:fs/promises';

/** Suffix of files being written; they get their real name only when complete. */
export const PART_SUFFIX = '.part';

/**
 * Writes `data` to `file.part` and renames it over `file`, so a reader never sees half a file
 * and a failure leaves nothing behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const part = file + PART_SUFFIX;
  try {
    await writeFile(part, data);
    await rename(part, file);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
