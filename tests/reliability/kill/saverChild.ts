import { createRecoveryStore } from '../../../src/host/node/recovery/recoveryStore';
import { saveProjectFile } from '../../../src/host/node/projectFile';
import { generation } from './documents';

/**
 * The process the kill test kills: saves generation after generation of a project with the
 * real atomic save, and backs each one up with the real recovery store, printing "saved N"
 * once both are done. It never stops by itself; SIGKILL ends it at a random point.
 */
const [target, dataDir, first] = process.argv.slice(2);
if (target === undefined || dataDir === undefined || first === undefined) {
  throw new Error('usage: saverChild TARGET DATA_DIR FIRST_GENERATION');
}
const recovery = createRecoveryStore(dataDir);
const assets = new Map<string, Buffer>();
process.stdout.write('ready\n');
for (let n = Number(first); ; n++) {
  const project = generation(n);
  await saveProjectFile(target, project, assets);
  await recovery.write('kill-test-doc', project, assets, target);
  process.stdout.write(`saved ${n}\n`);
}
