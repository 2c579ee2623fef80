import { openProjectFile } from '../host/node/projectFile';
import type { Project } from '../core/schema';
import type { CliIo } from './io';
import path from 'node:path';
import type { AssetData } from '../node/assets';

/** Large assets are spooled files, removed when the command's process exits. */
export type OpenedProject = { project: Project; assets: Map<string, AssetData>; warnings: string[] };

/**
 * Opens a project for a command, printing why it cannot be used (each problem with where it
 * is) and returning null then. Repairs come back as warnings.
 */
export async function openProjectForCli(file: string, io: CliIo): Promise<OpenedProject | null> {
  const result = await openProjectFile(path.resolve(io.cwd, file));
  if (!result.ok) {
    io.err(`${result.error.message}\n`);
    if ('problems' in result.error) {
      for (const p of result.error.problems)
        io.err(`  - ${p.path === '' ? '(the whole file)' : p.path}: ${p.message}\n`);
    }
    return null;
  }
  const warnings = result.repairs.map((r) => (r.path === '' ? r.message : `${r.path}: ${r.message}`));
  if (result.migratedFrom !== null) {
    warnings.unshift(
      `The project was made with an older version (file version ${result.migratedFrom}) and was updated while reading; the file itself is unchanged.`,
    );
  }
  return { project: result.project, assets: result.assets, warnings };
}

export function printWarnings(io: CliIo, warnings: readonly string[]): void {
  for (const w of warnings) io.err(`Warning: ${w}\n`);
}

/** `be-the-reason.kindness.json` -> `be-the-reason`. */
export function projectBaseName(file: string): string {
  let base = path.basename(file);
  for (const ext of ['.json', '.kindness']) {
    if (base.toLowerCase().endsWith(ext) && base.length > ext.length) base = base.slice(0, -ext.length);
  }
  return base;
}
