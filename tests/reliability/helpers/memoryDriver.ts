/**
 * Runs real studio code in a fresh Node process and prints its peak memory (the memory suite
 * bundles this file with esbuild; see memoryLimits.test.ts). Modes:
 *   cli ARGS...            the `kindness` command, exactly as dist/cli/kindness.js runs it
 *   host FOLDER FILE N     the host's openProject N times on FILE (closing each document before
 *                          the next, as the studio does when it opens another project)
 */
import { runCli } from '../../../src/cli/cli';
import { processIo } from '../../../src/cli/io';
import { createNodeHostHandlers } from '../../../src/host/node/hostHandlers';

process.on('exit', () => {
  // maxRSS is in kilobytes.
  process.stderr.write(`\nPEAK-RSS-KB ${process.resourceUsage().maxRSS}\n`);
});

const [mode, ...args] = process.argv.slice(2);
if (mode === 'cli') {
  process.exitCode = await runCli(args, processIo());
} else if (mode === 'host') {
  const [folder = '', file = '', times = '1'] = args;
  const handlers = await createNodeHostHandlers({
    folders: [folder],
    dataDir: `${folder}/.data`,
    templatesDir: `${folder}/.templates`,
    version: 'test',
    shell: 'web',
  });
  for (let i = 0; i < Number(times); i++) {
    const opened = await handlers.openProject({ path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    const closed = await handlers.closeDocument({ docId: opened.docId });
    if (!closed.ok) throw new Error('closeDocument failed');
  }
  process.stdout.write('opened\n');
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
