import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/electronBinary';

/**
 * The specs in tests/electron need the real Electron binary (`npm run test:electron`). This
 * test makes `npm test` say plainly whether they can run here, instead of leaving them out silently.
 */
describe('Electron window specs (tests/electron)', () => {
  const binary = findElectronBinary();

  it.skipIf(binary.path === null)('can run: an Electron binary is available', () => {
    console.info(`Electron specs: run them with "npm run test:electron" (binary: ${binary.path}).`);
  });

  it.runIf(binary.path === null)(`are skipped: ${binary.reason ?? ''}`, () => {
    console.warn(`Electron specs in tests/electron were SKIPPED. ${binary.reason ?? ''}`);
    expect(binary.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('finds a binary given through ELECTRON_OVERRIDE_DIST_PATH, and explains a wrong one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kindness-electron-bin-'));
    try {
      await mkdir(join(dir, 'dist'));
      await writeFile(join(dir, 'dist', 'electron'), '');
      const found = findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') }, 'linux');
      expect(found).toEqual({ path: join(dir, 'dist', 'electron'), reason: null });
      const missing = findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') }, 'linux');
      expect(missing.path).toBeNull();
      expect(missing.reason).toContain('does not exist');
      expect(findElectronBinary(dir, {}, 'linux').path).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
