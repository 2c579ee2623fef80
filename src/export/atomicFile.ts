import { writeFileAtomic as writeThroughWriter, type ReplacePolicy } from '../node/files';

/** Suffix of files being written; they get their real name only when complete. */
export const PART_SUFFIX = '.part';

/**
 * Writes `data` atomically through the one writer (src/node/files): a hidden temp file created
 * exclusively beside `file` (a link planted there is never followed), flushed, then moved into
 * place. By default an existing file is never replaced (EEXIST): the export never replaces a file
 * it did not make unless the user said so (`replace: 'always'`).
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: { replace?: ReplacePolicy } = {},
): Promise<void> {
  await writeThroughWriter(file, data, { replace: options.replace ?? 'never' });
}
