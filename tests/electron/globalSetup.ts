import { findElectronBinary } from './electronBinary';

/** Says once, plainly, why the Electron specs are skipped (the list reporter shows no skip reasons). */
export default function globalSetup(): void {
  const binary = findElectronBinary();
  if (binary.path === null)
    console.warn(`\nElectron window specs (shell.spec.ts) SKIPPED. ${binary.reason}\n`);
  else console.info(`\nElectron specs use ${binary.path}\n`);
}
