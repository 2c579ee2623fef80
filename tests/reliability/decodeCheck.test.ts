import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportVideo } from '../../src/export/exportVideo';
import { ExportError } from '../../src/export/errors';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { smallProject } from '../integration/fixtures';

/**
 * Issue 10, class 3: a video is reported done only after it was checked to decode. An "ffmpeg"
 * that runs the real one and then cuts its output file in half (as a crash of the disk or of
 * ffmpeg itself after a "success" would) stands in; the export must fail with a clear message
 * and leave nothing under the final name, in the CLI and in the studio's export alike.
 */

const root = process.cwd();
const cli = path.join(root, 'dist/cli/kindness.js');
let dir = '';
let truncatingFfmpeg = '';
/**
 * An "ffmpeg" whose decode check hangs (it marks that it started, then waits a long time). The
 * check is the ffmpeg started with `-xerror`: beside the encode, or after it for a video made
 * another way.
 */
let hangingCheckFfmpeg = '';
const { project, assets } = smallProject({ seconds: 1, withAudio: false });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-decode-'));
  truncatingFfmpeg = path.join(dir, 'ffmpeg-truncates');
  await writeFile(
    truncatingFfmpeg,
    [
      '#!/bin/sh',
      'for a in "$@"; do last="$a"; done',
      'ffmpeg "$@" || exit $?',
      // An encode checked while it runs names its file inside a tee list: [options]'file'|...
      `file=$(printf '%s' "$last" | sed -n "s/^\\[[^]]*\\]'\\(.*\\)'|.*$/\\1/p")`,
      '[ -n "$file" ] && last="$file"',
      // The checks write to "-" or a pipe: only a real output file is cut.
      'case "$last" in -*|pipe:*) exit 0;; esac',
      'if [ -f "$last" ]; then size=$(stat -c %s "$last"); truncate -s $((size / 2)) "$last"; fi',
      'exit 0',
    ].join('\n'),
  );
  await chmod(truncatingFfmpeg, 0o755);
  hangingCheckFfmpeg = path.join(dir, 'ffmpeg-hangs-in-check');
  await writeFile(
    hangingCheckFfmpeg,
    [
      '#!/bin/sh',
      `case " $* " in *" -xerror "*) touch "${path.join(dir, 'check-started')}"; exec sleep 300;; esac`,
      'exec ffmpeg "$@"',
    ].join('\n'),
  );
  await chmod(hangingCheckFfmpeg, 0o755);
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caseFolder(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  return folder;
}

const NOT_PLAYABLE = /was not saved: ffmpeg finished, but the file it made does not play to the end/;

describe('a video cut short after ffmpeg "succeeded" is never reported done', () => {
  it('the single export (what the CLI runs): a clear failure, nothing under the final name', async () => {
    const folder = await caseFolder('single');
    const error = await exportVideo({
      project,
      assets,
      outputPath: path.join(folder, 'clip.mp4'),
      preset: 'draft',
      ffmpeg: truncatingFfmpeg,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toMatch(NOT_PLAYABLE);
    expect((error as ExportError).message).not.toContain(folder);
    expect(await readdir(folder)).toEqual([]);
  });

  it('the kindness command: exit code not 0, the message, no file', async () => {
    const folder = await caseFolder('cli');
    await writeFile(path.join(folder, 'small.json'), JSON.stringify(project));
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [cli, 'export', 'small.json', '-o', 'out.mp4', '--preset', 'draft', '--ffmpeg', truncatingFfmpeg],
        { cwd: folder, timeout: 120_000 },
        (err, _stdout, stderr) =>
          resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stderr }),
      );
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(NOT_PLAYABLE);
    expect(run.stderr).not.toMatch(/^Done/m);
    expect(await readdir(folder)).toEqual(['small.json']);
  });

  it('the studio’s export (host API): the output fails with the message, no file of it is left', async () => {
    const workspace = await caseFolder('studio');
    const handlers = await createNodeHostHandlers({
      folders: [workspace],
      dataDir: path.join(dir, 'data'),
      templatesDir: path.join(root, 'resources', 'samples'),
      version: '0.0.1',
      shell: 'web',
    });
    const dispatch = createDispatcher(handlers);
    const host: Host = createHostClient(async (channel, req) =>
      JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(req))))),
    );
    const blank = await host.loadTemplate({ id: 'blank' });
    if (!blank.ok) throw new Error(blank.error.message);
    const before = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = truncatingFfmpeg;
    try {
      const started = await host.startExport({
        docId: blank.docId,
        project,
        outputs: ['draft'],
        folder: workspace,
        baseName: 'kind',
      });
      if (!started.ok) throw new Error(started.error.message);
      for (;;) {
        const status = await host.exportStatus({ jobId: started.jobId });
        if (!status.ok) throw new Error(status.error.message);
        if (status.state === 'finished') {
          expect(status.outputs[0]?.state).toBe('failed');
          expect(status.outputs[0]?.error?.message).toMatch(NOT_PLAYABLE);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      if (before === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = before;
    }
    expect(await readdir(workspace)).toEqual([]);
  });

  it('a cancel during the check stops it at once: cancelled, no file, no process left', async () => {
    const folder = await caseFolder('cancel-in-check');
    const marker = path.join(dir, 'check-started');
    const controller = new AbortController();
    const exporting = exportVideo({
      project,
      assets,
      outputPath: path.join(folder, 'clip.mp4'),
      preset: 'draft',
      ffmpeg: hangingCheckFfmpeg,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    while (
      !(await stat(marker).then(
        () => true,
        () => false,
      ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    controller.abort();
    const error = await exporting;
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('cancelled');
    expect(await readdir(folder)).toEqual([]);
    // The check's process (the sleep standing in for a long decode) was ended with it.
    const left = await new Promise<string>((resolve) =>
      execFile('pgrep', ['-f', 'sleep 300'], (_err, stdout) => resolve(stdout.trim())),
    );
    expect(left).toBe('');
  });
});
