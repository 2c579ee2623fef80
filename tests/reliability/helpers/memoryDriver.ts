/**
 * Runs real studio code in a fresh Node process and prints its peak memory (the memory suite
 * bundles this file with esbuild; see memoryLimits.test.ts). Modes:
 *   cli ARGS...            the `kindness` command, exactly as dist/cli/kindness.js runs it
 *   host FOLDER FILE N     the host's openProject N times on FILE (closing each document before
 *                          the next, as the studio does when it opens another project)
 *   host-export FOLDER FILE WORKER
 *                          the host opens FILE and exports a draft of it through its export process
 *                          (WORKER, a bundled exportWorkerDriver), then closes the document
 */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { runCli } from '../../../src/cli/cli';
import { processIo } from '../../../src/cli/io';
import { createNodeHostHandlers } from '../../../src/host/node/hostHandlers';
import { childProcessRunner } from '../../../src/host/node/export/exportRunner';

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
  process.stdout.write(`left after close: ${await leftInTemp()}\n`);
} else if (mode === 'host-export') {
  const [folder = '', file = '', worker = ''] = args;
  const handlers = await createNodeHostHandlers({
    folders: [folder],
    dataDir: `${folder}/.data`,
    templatesDir: `${folder}/.templates`,
    version: 'test',
    shell: 'web',
    exportRunner: childProcessRunner({ script: worker }),
  });
  const opened = await handlers.openProject({ path: file });
  if (!opened.ok) throw new Error(opened.error.message);
  const started = await handlers.startExport({
    docId: opened.docId,
    // The handler's answer is the contract's output type; startExport takes the same project.
    project: opened.project as Parameters<typeof handlers.startExport>[0]['project'],
    outputs: ['draft'],
    folder,
    baseName: 'large',
  });
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const status = await handlers.exportStatus({ jobId: started.jobId });
    if (!status.ok) throw new Error(status.error.message);
    if (status.state !== 'finished') continue;
    for (const output of status.outputs) {
      process.stdout.write(`output ${output.state} ${output.error?.message ?? ''}\n`);
    }
    break;
  }
  const closed = await handlers.closeDocument({ docId: opened.docId });
  if (!closed.ok) throw new Error('closeDocument failed');
  process.stdout.write(`left after close: ${await leftInTemp()}\n`);
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}

/**
 * Files in this process's temp folder (the suites give each run its own): the spooled assets of
 * closed documents must be gone (the spool's own folder stays until the process exits).
 */
async function leftInTemp(): Promise<number> {
  const entries = await readdir(tmpdir(), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).length;
}
