/**
 * The export process, as the studio starts it, printing its own peak memory when it ends (the
 * large-assets memory suite runs the host with this as its export process).
 */
import { runExportWorker } from '../../../src/host/node/export/exportWorker';

process.on('exit', () => {
  // maxRSS is in kilobytes.
  process.stderr.write(`\nEXPORT-PEAK-RSS-KB ${process.resourceUsage().maxRSS}\n`);
});

runExportWorker();
