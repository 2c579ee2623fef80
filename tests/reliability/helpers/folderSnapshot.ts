import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file and folder under `root` (not following links), with sizes: taken before and after
 * opening hostile files to show that nothing was written anywhere.
 */
export function folderSnapshot(root: string, maxDepth = 3): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      try {
        const info = statSync(path, { throwIfNoEntry: false });
        if (info === undefined) continue;
        out.push(`${path}:${info.isDirectory() ? 'dir' : info.size}`);
        if (info.isDirectory() && depth < maxDepth) walk(path, depth + 1);
      } catch {
        // A file another process removed meanwhile: not ours to judge.
      }
    }
  };
  walk(root, 0);
  return out;
}
