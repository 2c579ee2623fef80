import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

const HOW =
  'Electron binary not available: set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build ' +
  '(or run `npx install-electron` once with internet), then `npm run test:electron`.';

function executableName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Finds the Electron executable the way the `electron` package does, without `require('electron')`:
 * that would try to download the binary, which hangs or fails on a machine without internet.
 */
export function findElectronBinary(
  root: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const name = recorded === '' ? executableName(platform) : recorded;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const path = join(override, name);
    return existsSync(path)
      ? { path, reason: null }
      : { path: null, reason: `${HOW} (ELECTRON_OVERRIDE_DIST_PATH is set, but ${path} does not exist.)` };
  }
  const installed = join(packageDir, 'dist', name);
  if (recorded !== '' && existsSync(installed)) return { path: installed, reason: null };
  return { path: null, reason: HOW };
}
