import { execFileSync } from 'node:child_process';
import type * as FsPromises from 'node:fs/promises';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DISK_FULL_MESSAGE, ExportError } from '../../src/export/errors';
import { exportBatch } from '../../src/export/batch/exportBatch';
import { exportVideo } from '../../src/export/exportVideo';
import type { FrameSource } from '../../src/export/frameSource';
import { saveProjectFile } from '../../src/host/node/projectFile';
import { smallProject } from '../integration/fixtures';
import { FUZZ_SEED, seededRandom } from './helpers/fuzzConfig';

/**
 * Export faults not covered by tests/integration (ffmpeg's own error, disk full as ffmpeg
 * reports it, a frame that cannot be drawn, one cancel, ffmpeg missing): ffmpeg killed from
 * outside mid-way, a write error on the final rename, an unwritable output folder, and cancels
 * at random frames. Every case: a clear error, no .part left, no ffmpeg left running, and the
 * project file byte for byte what it was.
 */
const renameFault = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    // The move of the finished temp file into place (a rename, or a link when nothing may be
    // replaced) fails with `renameFault.code` while it is set.
    rename: async (from: string, to: string) => {
      if (renameFault.code !== null && String(from).endsWith('.part')) {
        throw Object.assign(new Error(`${renameFault.code}: simulated`), { code: renameFault.code });
      }
      return real.rename(from, to);
    },
    link: async (from: string, to: string) => {
      if (renameFault.code !== null && String(from).endsWith('.part')) {
        throw Object.assign(new Error(`${renameFault.code}: simulated`), { code: renameFault.code });
      }
      return real.link(from, to);
    },
  };
});

let dir = '';
let projectFile = '';
let projectBytes = Buffer.alloc(0);
const { project, assets } = smallProject({ seconds: 2 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-exportfaults-'));
  projectFile = path.join(dir, 'Be kind.kindness');
  await saveProjectFile(projectFile, project, assets);
  projectBytes = await readFile(projectFile);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function greyFrames(): FrameSource {
  let pixels: Uint8Array | null = null;
  return {
    width: 540,
    height: 960,
    renderFrame(index) {
      pixels ??= new Uint8Array(540 * 960 * 4).fill(128);
      return index === 0 ? pixels : null;
    },
    destroy: () => undefined,
  };
}

/** A pgrep pattern for the hidden temp file ffmpeg writes for `output` (`.NAME.HOST-PID-RANDOM.part`). */
function partOf(output: string): string {
  return path.join(path.dirname(output), `\\.${path.basename(output).replace(/\./g, '\\.')}\\..*\\.part`);
}

/** The pid of the ffmpeg writing `part` (no shell: the path is an argument). */
function ffmpegWriting(part: string): number | null {
  try {
    const pid = Number(execFileSync('pgrep', ['-f', '--', part], { encoding: 'utf8' }).trim().split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What every failed export must leave: nothing of the video, no ffmpeg, the project untouched. */
async function expectCleanFailure(name: string, pid: number | null): Promise<void> {
  // Hidden leftovers too: the writer's temp files and name reservations start with a dot.
  const left = (await readdir(dir)).filter((f) => f.startsWith(name) || f.startsWith(`.${name}`));
  expect(left, 'files left behind').toEqual([]);
  if (pid !== null) expect(processExists(pid), `ffmpeg ${pid} still running`).toBe(false);
  expect((await readFile(projectFile)).equals(projectBytes), 'the project file changed').toBe(true);
}

describe('export faults', () => {
  it('ffmpeg killed from outside mid-way: a clear error, nothing left', async () => {
    const output = path.join(dir, 'killed.mp4');
    let pid: number | null = null;
    const error = (await exportVideo({
      project,
      assets,
      outputPath: output,
      preset: 'draft',
      createFrameSource: greyFrames,
      onProgress: (p) => {
        if (p.frame >= 15 && pid === null) {
          pid = ffmpegWriting(partOf(output));
          if (pid !== null) process.kill(pid, 'SIGKILL');
        }
      },
    }).catch((e: unknown) => e)) as ExportError;
    expect(pid).not.toBeNull();
    expect(error).toBeInstanceOf(ExportError);
    expect(error.kind).toBe('ffmpeg-failed');
    expect(error.message).toMatch(/ffmpeg/);
    await expectCleanFailure('killed', pid);
  });

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EACCES', 'write-failed'],
    ['EIO', 'write-failed'],
  ])('the final save of the video fails with %s: %s, nothing left', async (code, kind) => {
    renameFault.code = code;
    try {
      const error = (await exportVideo({
        project,
        assets,
        outputPath: path.join(dir, `rename-${code}.mp4`),
        preset: 'draft',
        createFrameSource: greyFrames,
      }).catch((e: unknown) => e)) as ExportError;
      expect(error).toBeInstanceOf(ExportError);
      expect(error.kind).toBe(kind);
      if (kind === 'disk-full') expect(error.message).toBe(DISK_FULL_MESSAGE);
      else expect(error.message).toMatch(/^The video could not be saved/);
    } finally {
      renameFault.code = null;
    }
    await expectCleanFailure(`rename-${code}`, null);
  });

  it('an output folder ffmpeg may not write to: a clear error, nothing left', async () => {
    // Tests may run as root, whom file modes do not stop: an "ffmpeg" that meets the refusal stands in.
    const ffmpeg = path.join(dir, 'ffmpeg-denied');
    await writeFile(
      ffmpeg,
      [
        '#!/bin/sh',
        'for a in "$@"; do case "$a" in -version|-encoders|-formats|-codecs|-filters) exec ffmpeg "$@";; esac; done',
        'for a in "$@"; do last="$a"; done',
        'echo "$last: Permission denied" >&2',
        'exit 1',
      ].join('\n'),
    );
    await chmod(ffmpeg, 0o755);
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'denied.mp4'),
      preset: 'draft',
      ffmpeg,
      createFrameSource: greyFrames,
    }).catch((e: unknown) => e)) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(['ffmpeg-failed', 'write-failed']).toContain(error.kind);
    expect(error.message).toMatch(/Permission denied|not allowed/);
    await expectCleanFailure('denied', null);
  });

  it('cancelled at random frames: stopped every time, nothing left', async () => {
    const random = seededRandom(FUZZ_SEED);
    const frames = [0, 1, 2].map(() => 1 + Math.floor(random() * 55));
    console.log(`[reliability] export cancelled at frames ${frames.join(', ')} (seed ${FUZZ_SEED})`);
    for (const [i, at] of frames.entries()) {
      const output = path.join(dir, `cancel-${i}.mp4`);
      const controller = new AbortController();
      let pid: number | null = null;
      const error = (await exportVideo({
        project,
        assets,
        outputPath: output,
        preset: 'draft',
        signal: controller.signal,
        createFrameSource: greyFrames,
        onProgress: (p) => {
          if (p.frame >= at && !controller.signal.aborted) {
            pid = ffmpegWriting(partOf(output));
            controller.abort();
          }
        },
      }).catch((e: unknown) => e)) as ExportError;
      expect(error, `cancel at frame ${at}`).toBeInstanceOf(ExportError);
      expect(error.kind).toBe('cancelled');
      expect(error.message).toBe('The export was cancelled. No video was saved.');
      await expectCleanFailure(`cancel-${i}`, pid);
    }
  });
});

/**
 * The same faults through the batch the export dialog runs (several outputs from one render):
 * the output hit fails on its own with a clear message and leaves nothing; the others finish.
 */
describe('export faults in a batch', () => {
  it('one output’s ffmpeg killed from outside: that output fails cleanly, the other is saved', async () => {
    const killedPart = partOf(path.join(dir, 'batch-draft.mp4'));
    let pid: number | null = null;
    const result = await exportBatch({
      project,
      assets,
      sidecars: false,
      check: false,
      range: { to: 1 },
      outputs: [
        { id: 'reels', preset: 'reels', outputPath: path.join(dir, 'batch-reels.mp4') },
        { id: 'draft', preset: 'draft', outputPath: path.join(dir, 'batch-draft.mp4') },
      ],
      onProgress: (p) => {
        if (p.id === 'draft' && p.frame >= 10 && pid === null) {
          pid = ffmpegWriting(killedPart);
          if (pid !== null) process.kill(pid, 'SIGKILL');
        }
      },
    });
    expect(pid).not.toBeNull();
    const [reels, draft] = result.outputs;
    expect(reels?.state).toBe('done');
    expect(draft?.state).toBe('failed');
    expect(draft?.error?.kind).toBe('ffmpeg-failed');
    expect(draft?.error?.message).toMatch(/ffmpeg/);
    expect((await readdir(dir)).filter((f) => f.startsWith('batch-')).sort()).toEqual(['batch-reels.mp4']);
    await expectCleanFailure('batch-draft', pid);
  });

  it('the disk fills up as the videos are saved: every output says so, nothing is left', async () => {
    renameFault.code = 'ENOSPC';
    try {
      const result = await exportBatch({
        project,
        assets,
        sidecars: false,
        check: false,
        range: { to: 1 },
        outputs: [
          { id: 'draft', preset: 'draft', outputPath: path.join(dir, 'full-draft.mp4') },
          { id: 'reels', preset: 'reels', outputPath: path.join(dir, 'full-reels.mp4') },
        ],
      });
      for (const output of result.outputs) {
        expect(output.state, output.id).toBe('failed');
        expect(output.error?.kind, output.id).toBe('disk-full');
        expect(output.error?.message).toBe(DISK_FULL_MESSAGE);
      }
    } finally {
      renameFault.code = null;
    }
    await expectCleanFailure('full-', null);
  });

  it('cancelled at a random frame: every output stops, no ffmpeg and nothing left', async () => {
    const at = 1 + Math.floor(seededRandom(FUZZ_SEED + 1)() * 25);
    console.log(`[reliability] batch cancelled at frame ${at} (seed ${FUZZ_SEED})`);
    const controller = new AbortController();
    const pids: number[] = [];
    const result = await exportBatch({
      project,
      assets,
      sidecars: false,
      check: false,
      range: { to: 1 },
      signal: controller.signal,
      outputs: [
        { id: 'reels', preset: 'reels', outputPath: path.join(dir, 'stop-reels.mp4') },
        { id: 'draft', preset: 'draft', outputPath: path.join(dir, 'stop-draft.mp4') },
      ],
      onProgress: (p) => {
        if (p.frame >= at && !controller.signal.aborted) {
          const pid = ffmpegWriting(partOf(path.join(dir, 'stop-draft.mp4')));
          if (pid !== null) pids.push(pid);
          controller.abort();
        }
      },
    });
    expect(result.outputs.map((o) => o.state)).toEqual(['cancelled', 'cancelled']);
    for (const pid of pids) expect(processExists(pid), `ffmpeg ${pid} still running`).toBe(false);
    expect(ffmpegWriting(path.join(dir, '\\.?stop-')), 'an ffmpeg of the batch still running').toBeNull();
    await expectCleanFailure('stop-', null);
  });
});
