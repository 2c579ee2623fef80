import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchOutputRequest, OutputProgress } from '../../../src/export/batch/exportBatch';
import { sidecarPaths, writeSidecars } from '../../../src/export/sidecars/writeSidecars';
import { cleanUpAfterCrash } from '../../../src/host/node/export/crashCleanup';
import {
  workerRunner,
  type FromWorker,
  type ToWorker,
  type WorkerChannel,
} from '../../../src/host/node/export/exportRunner';
import { smallProject } from '../../integration/fixtures';

const root = mkdtempSync(join(tmpdir(), 'kindness-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const freshFolder = (): string => mkdtempSync(join(root, 'out-'));

function touch(folder: string, names: string[], ageSeconds = 0): void {
  for (const name of names) {
    const file = join(folder, name);
    writeFileSync(file, name);
    if (ageSeconds > 0) {
      const when = Date.now() / 1000 - ageSeconds;
      utimesSync(file, when, when);
    }
  }
}

/** A process that would run until ended (stands in for an ffmpeg the export process left). */
function sleeper(): Promise<{ pid: number; ended: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve) => child.once('spawn', () => resolve({ pid: child.pid ?? 0, ended })));
}

describe('cleanUpAfterCrash', () => {
  it('removes every .part and what the job put in place, never a file that was there before', async () => {
    const folder = freshFolder();
    touch(folder, ['clip-reels.mp4.part', 'clip-reels.srt.part', 'clip-reels.srt', 'clip-reels.cover.png']);
    touch(folder, ['clip-reels.txt'], 3600); // the creator's own notes, an hour old
    touch(folder, ['clip-reels-2.mp4', 'clip-draft.mp4', 'notes.part', 'clip-reels.mp4.part.bak']);
    const killed: number[] = [];
    await cleanUpAfterCrash([join(folder, 'clip-reels.mp4')], [101, 102], Date.now() - 1000, (pid) =>
      killed.push(pid),
    );
    expect(killed).toEqual([101, 102]);
    expect(readdirSync(folder).sort()).toEqual([
      'clip-draft.mp4',
      'clip-reels-2.mp4',
      'clip-reels.mp4.part.bak',
      'clip-reels.txt',
      'notes.part',
    ]);
  });

  it('knows every file the sidecar writer writes', async () => {
    const folder = freshFolder();
    const videoPath = join(folder, 'clip.mp4');
    const { project } = smallProject();
    const written = await writeSidecars({
      project: {
        ...project,
        captions: [{ id: 'c', start: 0, end: 1, text: 'You matter', style: 'outline' }],
        post: { ...project.post, caption: 'Be kind today' },
      },
      videoPath,
      rangeStart: 0,
      rangeEnd: 2,
      platform: 'tiktok',
      renderCoverPng: () => new Uint8Array([137, 80, 78, 71]),
    });
    expect(written.files.length).toBe(4);
    expect(sidecarPaths(videoPath)).toEqual(expect.arrayContaining([...written.files]));
  });
});

describe('an export process that dies mid-way', () => {
  function fakeWorker(): {
    channel: WorkerChannel;
    emit: (m: FromWorker) => void;
    exit: (why: string) => void;
  } {
    let listener: (m: FromWorker) => void = () => undefined;
    const exits: ((why: string) => void)[] = [];
    return {
      channel: {
        send: (_: ToWorker) => undefined,
        onMessage: (l) => (listener = l),
        onExit: (l) => exits.push(l),
      },
      emit: (m) => listener(m),
      exit: (why) => exits.forEach((l) => l(why)),
    };
  }

  const progress = (id: string, state: OutputProgress['state']): FromWorker => ({
    type: 'progress',
    progress: { id, state, frame: 10, totalFrames: 60, percent: 20, etaSeconds: null },
  });

  it('keeps what it finished, fails the rest, ends its ffmpeg and removes the half-written files', async () => {
    const folder = freshFolder();
    const outputs: BatchOutputRequest[] = ['draft', 'reels', 'gif'].map((id) => ({
      id,
      preset: id,
      outputPath: join(folder, `clip-${id}.${id === 'gif' ? 'gif' : 'mp4'}`),
    })) as BatchOutputRequest[];
    const worker = fakeWorker();
    const run = workerRunner(() => worker.channel)(
      { project: smallProject().project, assets: new Map(), outputs },
      () => undefined,
    );
    const ffmpeg = await sleeper();
    worker.emit(progress('draft', 'done'));
    worker.emit(progress('reels', 'running'));
    worker.emit({ type: 'processes', pids: [ffmpeg.pid] });
    touch(folder, ['clip-draft.mp4', 'clip-draft.srt', 'clip-reels.mp4.part', 'clip-gif.gif.part']);
    worker.exit('signal SIGKILL');

    const result = await run.done;
    expect(result.outputs.map((o) => [o.id, o.state])).toEqual([
      ['reels', 'failed'],
      ['gif', 'failed'],
    ]);
    expect(result.outputs[0]?.error?.message).toMatch(/stopped unexpectedly/);
    await ffmpeg.ended; // ended by the cleanup (it would run forever otherwise)
    expect(readdirSync(folder).sort()).toEqual(['clip-draft.mp4', 'clip-draft.srt']);
  });

  it('passes the result through when it finished normally', async () => {
    const worker = fakeWorker();
    const run = workerRunner(() => worker.channel)(
      { project: smallProject().project, assets: new Map(), outputs: [] },
      () => undefined,
    );
    const result = { outputs: [], renderedFrames: 3, reusedFrames: 0, elapsedSeconds: 1, ffmpeg: null };
    worker.emit({ type: 'done', result });
    worker.exit('exit code 0');
    expect(await run.done).toBe(result);
  });
});
