import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './usageError';

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  // Another name for the same file (a link, a hard link, a different spelling of the path).
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}

async function lexists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Refuses outputs that would replace a file: never the project being read (not even with
 * --force), and no existing file unless --force was given. Names every file it would replace.
 * Throws UsageError (exit code 2, with a pointer to the command's help).
 */
export async function guardOutputs(
  command: string,
  project: string,
  outputs: readonly string[],
  force: boolean,
): Promise<void> {
  for (const output of outputs) {
    if (await sameFile(output, project)) {
      throw new UsageError(
        `Refusing to write ${output}: it is the project being read, and writing there would destroy it. Choose another -o.`,
        command,
      );
    }
  }
  for (const output of outputs) {
    // Even --force never replaces a folder (and "already exists" would not say what is wrong).
    if ((await lstat(output).catch(() => null))?.isDirectory() === true) {
      throw new UsageError(
        `Nothing was written: ${output} is a folder. Give a file name, like ${path.join(output, command === 'render-frame' ? 'frame.png' : 'clip.mp4')}.`,
        command,
      );
    }
  }
  if (force) return;
  const existing: string[] = [];
  for (const output of outputs) if (await lexists(output)) existing.push(output);
  if (existing.length === 0) return;
  const list = existing.map((file) => `  ${file}`).join('\n');
  throw new UsageError(
    `Nothing was written: ${existing.length === 1 ? 'this file already exists' : 'these files already exist'} and would be replaced:\n${list}\nChoose another -o, or add --force to replace ${existing.length === 1 ? 'it' : 'them'}.`,
    command,
  );
}
