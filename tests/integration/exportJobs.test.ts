import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { childProcessRunner, createNodeHostHandlers, type NodeHostOptions } from '../../src/host/node/host';
import { smallProject } from './fixtures';

let dir: string;
let workspace: string;
/** One second: a real export, kept short. */
const { project } = smallProject({ seconds: 1 });

async function startHost(extra: Partial<NodeHostOptions> = {}): Promise<{ host: Host; docId: string }> {
  const handlers = await createNodeHostHandlers({
    folders: [workspace],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
    ...extra,
  });
  const dispatch = createDispatcher(handlers);
  const host = createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
  const blank = ok(await host.loadTemplate({ id: 'blank' }));
  return { host, docId: blank.docId };
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

async function waitFinished(host: Host, jobId: string) {
  for (;;) {
    const status = ok(await host.exportStatus({ jobId }));
    if (status.state === 'finished') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-jobs-'));
  workspace = join(dir, 'workspace');
  await mkdir(join(workspace, 'out'), { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export jobs in the host', () => {
  it('refuses a folder outside the chosen ones', async () => {
    const { host, docId } = await startHost();
    const answer = await host.startExport({ docId, project, outputs: ['draft'], folder: dir, baseName: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'outside-folders' } });
  });

  it('never replaces a file: an output whose name is taken gets the next number, the others keep theirs', async () => {
    const folder = join(workspace, 'out');
    await writeFile(join(folder, 'kind-draft.mp4'), 'keep me');
    const { host, docId } = await startHost();
    const started = ok(
      await host.startExport({ docId, project, outputs: ['draft', 'gif'], folder, baseName: 'kind' }),
    );
    expect(started.outputs.map((o) => o.path)).toEqual([
      join(folder, 'kind-draft (2).mp4'),
      join(folder, 'kind.gif'),
    ]);
    const status = await waitFinished(host, started.jobId);
    expect(status.outputs.map((o) => o.state)).toEqual(['done', 'done']);
    expect(status.outputs[0]?.report?.checks.some((c) => c.label === 'Frame size')).toBe(true);
    const files = await readdir(folder);
    expect(files).toContain('kind-draft.mp4');
    expect(files).toContain('kind-draft (2).mp4');
    expect(files).toContain('kind.gif');
    expect(files).not.toContain('kind (2).gif');
  });

  it('checks the captions again on the exported frames and lists their problems with the output', async () => {
    const { host, docId } = await startHost();
    const hurried = {
      ...project,
      captions: [
        {
          id: 'hurried',
          start: 0,
          end: 0.4,
          text: 'Far too many words to read in under half a second',
          style: 'outline' as const,
        },
      ],
    };
    const started = ok(
      await host.startExport({
        docId,
        project: hurried,
        outputs: ['gif'],
        folder: join(workspace, 'out'),
        baseName: 'hurried',
      }),
    );
    const status = await waitFinished(host, started.jobId);
    expect(status.outputs[0]?.state).toBe('done');
    expect(status.outputs[0]?.warnings.join('\n')).toMatch(/Caption at 0:00\.0 \(“Far too many words/);
  });

  it('cleans what the creator typed into a file name', async () => {
    const { host, docId } = await startHost();
    const started = ok(
      await host.startExport({
        docId,
        project,
        outputs: ['gif'],
        folder: workspace,
        baseName: '../../etc/pass:wd',
      }),
    );
    expect(started.outputs[0]?.path).toBe(join(workspace, '-..-etc-pass-wd.gif'));
    ok(await host.cancelExport({ jobId: started.jobId }));
    const status = await waitFinished(host, started.jobId);
    expect(status.outputs[0]?.state).toBe('cancelled');
  });

  it('says the web host cannot show a folder', async () => {
    const { host } = await startHost();
    expect(await host.showInFolder({ path: join(workspace, 'out') })).toEqual({ ok: true, shown: false });
    expect(await host.notifyExportDone({ title: 'Kindness Studio', body: 'Export finished' })).toEqual({
      ok: true,
      shown: false,
    });
  });

  it('hands the end-of-export notification to the shell that can show one', async () => {
    const shown: string[] = [];
    const { host } = await startHost({
      notify: async (title, body) => {
        shown.push(`${title}: ${body}`);
        return true;
      },
    });
    expect(await host.notifyExportDone({ title: 'Kindness Studio', body: 'Export finished' })).toEqual({
      ok: true,
      shown: true,
    });
    expect(shown).toEqual(['Kindness Studio: Export finished']);
  });
});

describe('export jobs in their own process', () => {
  const script = join(process.cwd(), 'dist', 'web', 'exportWorker.js');
  beforeAll(() => {
    execFileSync('node', ['scripts/build-web.mjs'], { stdio: 'inherit' });
  });

  it('render and encode outside the host process, and cancel one output there', async () => {
    const { host, docId } = await startHost({ exportRunner: childProcessRunner({ script }) });
    const folder = join(workspace, 'child');
    await mkdir(folder);
    const started = ok(
      await host.startExport({
        docId,
        project: smallProject({ seconds: 3 }).project,
        outputs: ['draft', 'reels'],
        folder,
        baseName: 'child',
      }),
    );
    // Cancel Reels once it has begun.
    for (;;) {
      const status = ok(await host.exportStatus({ jobId: started.jobId }));
      if ((status.outputs[1]?.frame ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    ok(await host.cancelExport({ jobId: started.jobId, output: 'reels' }));
    const status = await waitFinished(host, started.jobId);
    expect(status.outputs.map((o) => o.state)).toEqual(['done', 'cancelled']);
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['child-draft.mp4']));
    expect((await readdir(folder)).filter((f) => f.includes('reels'))).toEqual([]);
  });
});
