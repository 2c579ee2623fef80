import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { childProcessRunner, createNodeHostHandlers } from '../../src/host/node/host';
import { saveProjectFile } from '../../src/host/node/projectFile';
import { smallProject } from '../integration/fixtures';
import { bundleEntry } from './helpers/bundle';

/**
 * The export process itself dies mid-way (a crash in native drawing code, the system killing it
 * for memory): the studio must say so clearly, and leave no partial video, no sidecar, no
 * ffmpeg still running, and the project untouched, as for any other export fault.
 */
let dir = '';
let workspace = '';
let script = '';
let projectFile = '';
let projectBytes = Buffer.alloc(0);
const { project, assets } = smallProject({ seconds: 4 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-workercrash-'));
  workspace = join(dir, 'workspace');
  await mkdir(join(workspace, 'out'), { recursive: true });
  projectFile = join(workspace, 'Be kind.kindness');
  await saveProjectFile(projectFile, project, assets);
  projectBytes = await readFile(projectFile);
  script = await bundleEntry('src/host/node/export/exportWorkerMain.ts', 'exportWorkerCrash');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** Pids of processes whose command line contains `text` (no shell: it is an argument). */
function processesWith(text: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', '--', text], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
  } catch {
    return [];
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the export process dies mid-way', () => {
  it('says so, and leaves no partial output, no ffmpeg and the project untouched', async () => {
    const handlers = await createNodeHostHandlers({
      folders: [workspace],
      dataDir: join(dir, 'data'),
      templatesDir: join(process.cwd(), 'resources', 'samples'),
      version: '0.0.1',
      shell: 'web',
      exportRunner: childProcessRunner({ script }),
    });
    const dispatch = createDispatcher(handlers);
    const host: Host = createHostClient(async (channel, request) =>
      JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
    );
    const { docId } = ok(await host.loadTemplate({ id: 'blank' }));
    const folder = join(workspace, 'out');
    const started = ok(
      await host.startExport({ docId, project, outputs: ['draft', 'reels'], folder, baseName: 'crash' }),
    );
    // Kill it while an output is encoding (ffmpeg running, its .part file open).
    for (;;) {
      const status = ok(await host.exportStatus({ jobId: started.jobId }));
      expect(status.state).toBe('running');
      if (status.outputs.some((o) => o.state === 'running' && o.frame > 0)) break;
      await pause(50);
    }
    const workers = processesWith(script);
    expect(workers.length, 'the export process').toBe(1);
    expect(processesWith(folder).length, 'ffmpeg running').toBeGreaterThanOrEqual(1);
    process.kill(workers[0] as number, 'SIGKILL');

    let status = ok(await host.exportStatus({ jobId: started.jobId }));
    while (status.state !== 'finished') {
      await pause(50);
      status = ok(await host.exportStatus({ jobId: started.jobId }));
    }
    // An output finished before the crash is kept whole; every other one failed with a clear message.
    const finished = status.outputs.filter((o) => o.state === 'done');
    const failed = status.outputs.filter((o) => o.state !== 'done');
    expect(failed.length).toBeGreaterThan(0);
    for (const output of failed) {
      expect(output.state, output.id).toBe('failed');
      expect(output.error?.message).toMatch(/stopped unexpectedly/);
    }
    console.log(
      `[reliability] export process killed mid-way: ${failed.map((o) => o.id).join(', ')} failed and cleaned up` +
        (finished.length > 0 ? `, ${finished.map((o) => o.id).join(', ')} finished before and kept` : ''),
    );
    // Once the job says it is over: no ffmpeg, no .part, nothing of a failed output.
    expect(processesWith(folder), 'ffmpeg still running').toEqual([]);
    const left = await readdir(folder);
    expect(
      left.filter((name) => name.endsWith('.part')),
      '.part files left',
    ).toEqual([]);
    for (const output of failed) {
      const base = basename(output.path).replace(/\.mp4$/, '');
      expect(
        left.filter((name) => name.startsWith(`${base}.`)),
        `files of ${output.id} left`,
      ).toEqual([]);
    }
    for (const output of finished) expect(left).toContain(basename(output.path));
    expect((await readFile(projectFile)).equals(projectBytes), 'the project file changed').toBe(true);
  });
});
