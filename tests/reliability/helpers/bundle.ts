import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where test entry points are bundled: inside the repository, so npm packages resolve. */
const OUT_DIR = resolve(process.cwd(), 'dist', 'reliability');

/**
 * Bundles a TypeScript entry (a worker or a child process) into runnable JS, the way
 * scripts/bundle-node.mjs bundles the CLI (npm packages stay external unless asked). Returns the file.
 */
export async function bundleEntry(
  entry: string,
  name: string,
  options: { withPackages?: boolean } = {},
): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = join(OUT_DIR, `${name}.mjs`);
  await build({
    entryPoints: [resolve(process.cwd(), entry)],
    outfile,
    bundle: true,
    // A child process started hundreds of times starts faster from one file than from the
    // hundreds of files of zod and friends; esbuild then needs a `require` for their CommonJS.
    ...(options.withPackages === true
      ? {
          banner: {
            js: "import { createRequire as kindnessRequire } from 'node:module'; const require = kindnessRequire(import.meta.url);",
          },
        }
      : { packages: 'external' as const }),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
