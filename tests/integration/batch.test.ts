import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBatch, type BatchResult, type OutputProgress } from '../../src/export/batch/exportBatch';
import type { FrameSource, FrameSourceRequest } from '../../src/export/frameSource';
import { onChildProcessesChanged } from '../../src/export/ffmpeg/childProcesses';
import { discoverFfmpeg } from '../../src/export/ffmpeg/discover';
import { createProjectFrameSource } from '../../src/export/projectFrameSource';
import { smallProject } from './fixtures';
import { ffprobe } from './helpers/media';

let dir: string;
const { project, assets } = smallProject({ seconds: 2 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-batch-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The project renderer, counting the frames it is asked to draw. */
function countingRenderer(): {
  calls: number[];
  create: (request: FrameSourceRequest) => Promise<FrameSource>;
} {
  const calls: number[] = [];
  return {
    calls,
    async create(request) {
      const source = await createProjectFrameSource(project, assets, request);
      return {
        width: source.width,
        height: source.height,
        renderFrame(index) {
          calls.push(index);
          return source.renderFrame(index);
        },
        renderPng: source.renderPng?.bind(source),
        destroy: () => source.destroy(),
      };
    },
  };
}

describe('a batch of TikTok, Reels, Shorts and a GIF', () => {
  let result: BatchResult;
  const renderer = countingRenderer();
  const folder = (): string => path.join(dir, 'four');

  beforeAll(async () => {
    await mkdir(folder());
    result = await exportBatch({
      project,
      assets,
      outputs: [
        { id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder(), 'clip-tiktok.mp4') },
        { id: 'reels', preset: 'reels', outputPath: path.join(folder(), 'clip-reels.mp4') },
        { id: 'shorts', preset: 'shorts', outputPath: path.join(folder(), 'clip-shorts.mp4') },
        { id: 'gif', preset: 'gif', outputPath: path.join(folder(), 'clip.gif') },
      ],
      createFrameSource: renderer.create,
    });
  });

  it('draws each frame once for all four files', () => {
    expect(result.outputs.map((o) => o.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(renderer.calls).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(result.renderedFrames).toBe(60);
  });

  it('makes a full 1080x1920 H.264 video with sound for each platform', async () => {
    for (const id of ['tiktok', 'reels', 'shorts']) {
      const probed = await ffprobe(path.join(folder(), `clip-${id}.mp4`));
      expect(probed.streams.find((s) => s.codec_type === 'video')).toMatchObject({
        codec_name: 'h264',
        width: 1080,
        height: 1920,
        nb_frames: '60',
      });
      expect(probed.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    }
  });

  it('gives TikTok and Reels, whose settings are the same, the very same file under each name', async () => {
    const [tiktok, reels, shorts] = await Promise.all(
      ['tiktok', 'reels', 'shorts'].map((id) => readFile(path.join(folder(), `clip-${id}.mp4`))),
    );
    expect((tiktok as Buffer).equals(reels as Buffer)).toBe(true);
    // Shorts asks for a higher audio bitrate: its own file around the same video.
    expect((tiktok as Buffer).equals(shorts as Buffer)).toBe(false);
  });

  it('makes a looping 540x960 GIF at 15 fps from every second rendered frame', async () => {
    const probed = await ffprobe(path.join(folder(), 'clip.gif'));
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'gif', width: 540, height: 960 });
    expect(Number(probed.format.duration)).toBeCloseTo(2, 1);
    const gif = result.outputs.find((o) => o.id === 'gif');
    expect(gif).toMatchObject({ frames: 30, fps: 15, width: 540, height: 960 });
    expect(gif?.report?.checks.find((c) => c.label === 'Frames')).toMatchObject({ level: 'pass' });
  });

  it('checks every file against its platform and says so plainly', () => {
    for (const output of result.outputs) {
      expect(output.report, output.id).not.toBeNull();
      expect(
        output.report?.checks.filter((c) => c.level === 'fail'),
        output.id,
      ).toEqual([]);
    }
    // Two seconds is under the three TikTok asks for: a warning, not a failure.
    const tiktok = result.outputs[0];
    expect(tiktok?.report?.checks.find((c) => c.label === 'Length')).toMatchObject({ level: 'warn' });
  });

  it('writes captions beside each video and leaves no partial files', async () => {
    const files = (await readdir(folder())).sort();
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files).toContain('clip-tiktok.srt');
    expect(files).toContain('clip-reels.vtt');
  });
});

describe('TikTok and Reels in one batch', () => {
  const folder = (): string => path.join(dir, 'same-file');
  /** Every ffmpeg run of the batch, one line of arguments each (a wrapper writes them down). */
  const runs = (): Promise<string[]> =>
    readFile(path.join(folder(), 'ffmpeg-runs.log'), 'utf8').then((text) => text.trim().split('\n'));

  beforeAll(async () => {
    await mkdir(folder());
    const real = await discoverFfmpeg();
    const wrapper = path.join(folder(), 'ffmpeg');
    await writeFile(
      wrapper,
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${path.join(folder(), 'ffmpeg-runs.log')}'\nexec '${real.path}' "$@"\n`,
    );
    await chmod(wrapper, 0o755);
    const result = await exportBatch({
      project,
      assets,
      ffmpeg: wrapper,
      sidecars: false,
      check: false,
      jobs: 1,
      outputs: [
        { id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder(), 'same-tiktok.mp4') },
        { id: 'reels', preset: 'reels', outputPath: path.join(folder(), 'same-reels.mp4') },
      ],
    });
    expect(result.outputs.map((o) => o.state)).toEqual(['done', 'done']);
  });

  it('encodes the video once and adds the sound once: the second name is a copy', async () => {
    const all = await runs();
    expect(all.filter((args) => args.includes('libx264'))).toHaveLength(1);
    // The sound is added by copying the video stream: one such run for the two names.
    expect(all.filter((args) => args.includes('-c:v copy'))).toHaveLength(1);
    const [tiktok, reels] = await Promise.all(
      ['same-tiktok.mp4', 'same-reels.mp4'].map((name) => readFile(path.join(folder(), name))),
    );
    expect((tiktok as Buffer).equals(reels as Buffer)).toBe(true);
  });
});

describe('cancelling one output of a batch', () => {
  let result: BatchResult;
  const folder = (): string => path.join(dir, 'cancel');
  const seen: OutputProgress[] = [];

  beforeAll(async () => {
    await mkdir(folder());
    const { startBatch } = await import('../../src/export/batch/exportBatch');
    let cancelled = false;
    const job = startBatch({
      project,
      assets,
      sidecars: false,
      outputs: [
        { id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder(), 'a-tiktok.mp4') },
        { id: 'reels', preset: 'reels', outputPath: path.join(folder(), 'a-reels.mp4') },
      ],
      onProgress(p) {
        seen.push(p);
        if (!cancelled && p.id === 'reels' && p.frame >= 10) {
          cancelled = true;
          job.cancel('reels');
        }
      },
    });
    result = await job.done;
  });

  it('stops that output, leaves no file of it, and finishes the other', async () => {
    expect(result.outputs.map((o) => [o.id, o.state])).toEqual([
      ['tiktok', 'done'],
      ['reels', 'cancelled'],
    ]);
    expect(result.outputs[1]?.error?.message).toMatch(/cancelled/);
    expect(await readdir(folder())).toEqual(['a-tiktok.mp4']);
    const probed = await ffprobe(path.join(folder(), 'a-tiktok.mp4'));
    expect(probed.streams.find((s) => s.codec_type === 'video')?.nb_frames).toBe('60');
  });

  it('reports each output on its own', () => {
    expect(seen.some((p) => p.id === 'tiktok' && p.state === 'done' && p.percent === 100)).toBe(true);
    expect(seen.some((p) => p.id === 'reels' && p.state === 'cancelled')).toBe(true);
  });
});

describe('an output that cannot be written', () => {
  it('fails that output with a plain message and keeps the others', async () => {
    const folder = path.join(dir, 'blocked');
    await mkdir(path.join(folder, 'taken.mp4'), { recursive: true });
    const result = await exportBatch({
      project,
      assets,
      sidecars: false,
      check: false,
      range: { to: 0.5 },
      outputs: [
        { id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder, 'taken.mp4') },
        { id: 'draft', preset: 'draft', outputPath: path.join(folder, 'ok.mp4') },
      ],
    });
    expect(result.outputs[0]).toMatchObject({ state: 'failed', error: { kind: 'write-failed' } });
    expect(result.outputs[0]?.error?.message).toMatch(/is a folder/);
    expect(result.outputs[1]).toMatchObject({ state: 'done' });
    expect((await readdir(folder)).sort()).toEqual(['ok.mp4', 'taken.mp4']);
  });
});

describe('cancelling while the renderer is still being prepared', () => {
  it('reaches the renderer through the signal, closes it, and saves nothing', async () => {
    const folder = path.join(dir, 'early-cancel');
    await mkdir(folder);
    const controller = new AbortController();
    let sawAbort = false;
    let destroyed = 0;
    const result = await exportBatch({
      project,
      assets,
      sidecars: false,
      signal: controller.signal,
      outputs: [{ id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder, 'clip.mp4') }],
      async createFrameSource(request) {
        // Preparing takes a while (pictures decoding); the creator cancels meanwhile.
        controller.abort();
        sawAbort = request.signal?.aborted === true;
        const source = await createProjectFrameSource(project, assets, { ...request, signal: undefined });
        return { ...source, renderFrame: source.renderFrame, destroy: () => (destroyed++, source.destroy()) };
      },
    });
    expect(sawAbort).toBe(true);
    expect(destroyed).toBe(1);
    expect(result.outputs[0]).toMatchObject({ state: 'cancelled' });
    expect(result.outputs[0]?.error?.message).toMatch(/cancelled/);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('the decode check of a single video', () => {
  /** Exports one TikTok video through an ffmpeg wrapper that writes down every run's arguments. */
  async function exportLogged(name: string, version: string | null): Promise<string[]> {
    const folder = path.join(dir, name);
    await mkdir(folder);
    const real = await discoverFfmpeg();
    const wrapper = path.join(folder, 'ffmpeg');
    const log = path.join(folder, 'ffmpeg-runs.log');
    await writeFile(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real.path}' "$@"\n`);
    await chmod(wrapper, 0o755);
    const result = await exportBatch({
      project,
      assets,
      ffmpeg: version === null ? wrapper : { ...real, path: wrapper, version },
      sidecars: false,
      outputs: [{ id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder, 'clip.mp4') }],
    });
    expect(result.outputs[0]?.state).toBe('done');
    expect((await ffprobe(path.join(folder, 'clip.mp4'))).streams).toHaveLength(2);
    return (await readFile(log, 'utf8')).trim().split('\n');
  }

  it('runs beside the encode on ffmpeg 5.1+, then only reads the saved file’s packets back', async () => {
    const runs = await exportLogged('check-beside', null);
    const encode = runs.filter((args) => args.includes('libx264'));
    expect(encode).toHaveLength(1);
    expect(encode[0]).toContain('-f tee');
    const decodes = runs.filter((args) => args.includes('-xerror'));
    expect(decodes).toEqual([expect.stringContaining('-i pipe:0')]);
    // The saved file is not decoded again: its own sample tables are read (no ffmpeg), and its
    // packets must be the ones decoded.
    expect(runs.filter((args) => args.includes('clip.mp4') && !args.includes('-f tee'))).toEqual([]);
  });

  it('decodes the finished file after the encode with an older ffmpeg', async () => {
    const runs = await exportLogged('check-after', '4.4.2');
    expect(runs.filter((args) => args.includes('-f tee'))).toEqual([]);
    const decodes = runs.filter((args) => args.includes('-xerror'));
    expect(decodes).toHaveLength(1);
    expect(decodes[0]).toMatch(/-i \S*clip\.mp4/);
  });
});

describe('the renderer prepared while ffmpeg starts', () => {
  /**
   * Exports one TikTok video with only an ffmpeg whose `-encoders` probe waits for `go` (up to
   * 5 s, then fails), and that fails its probe after all unless `answers`. The frame source's
   * creation makes `go`, so the probe answers only if the renderer is prepared while it runs.
   */
  async function exportWithWaitingProbe(name: string, answers: boolean) {
    const folder = path.join(dir, name);
    await mkdir(folder);
    const real = await discoverFfmpeg();
    const wrapper = path.join(folder, 'ffmpeg');
    const go = path.join(folder, 'go');
    await writeFile(
      wrapper,
      [
        '#!/bin/sh',
        'if [ "$1" = "-encoders" ]; then',
        '  i=0',
        `  while [ ! -e '${go}' ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done`,
        `  [ -e '${go}' ] || exit 1`,
        answers ? '' : '  exit 1',
        'fi',
        `exec '${real.path}' "$@"`,
        '',
      ].join('\n'),
    );
    await chmod(wrapper, 0o755);
    const counts = { created: 0, destroyed: 0 };
    const result = await exportBatch({
      project,
      assets,
      ffmpeg: wrapper,
      // This ffmpeg or none: no other one to fall back on.
      ffmpegDiscovery: { env: { PATH: '' }, bundled: false },
      sidecars: false,
      outputs: [{ id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder, 'clip.mp4') }],
      async createFrameSource(request) {
        counts.created++;
        await writeFile(go, '');
        const source = await createProjectFrameSource(project, assets, request);
        return {
          ...source,
          renderFrame: source.renderFrame,
          destroy: () => (counts.destroyed++, source.destroy()),
        };
      },
    });
    return { folder, result, counts };
  }

  it('opens the frame source while ffmpeg answers its probe, and draws the video with it', async () => {
    const { folder, result, counts } = await exportWithWaitingProbe('early-source', true);
    expect(result.outputs[0]?.state).toBe('done');
    expect(counts).toEqual({ created: 1, destroyed: 1 });
    expect((await ffprobe(path.join(folder, 'clip.mp4'))).streams).toHaveLength(2);
  });

  it('closes that renderer when the ffmpeg turns out not to work', async () => {
    const { folder, result, counts } = await exportWithWaitingProbe('early-source-no-ffmpeg', false);
    expect(result.outputs[0]?.state).toBe('failed');
    expect(result.outputs[0]?.error?.message).toMatch(/ffmpeg/);
    expect(counts).toEqual({ created: 1, destroyed: 1 });
    expect((await readdir(folder)).sort()).toEqual(['ffmpeg', 'go']);
  });
});

describe('the encoder started before the first frame is drawn', () => {
  it('has ffmpeg running while frame 0 is drawn, so its start-up overlaps the drawing', async () => {
    const folder = path.join(dir, 'encoder-first');
    await mkdir(folder);
    let running: readonly number[] = [];
    const stopListening = onChildProcessesChanged((pids) => (running = pids));
    const commandsAtFirstFrame: string[] = [];
    try {
      const result = await exportBatch({
        project,
        assets,
        sidecars: false,
        outputs: [{ id: 'tiktok', preset: 'tiktok', outputPath: path.join(folder, 'clip.mp4') }],
        async createFrameSource(request) {
          const source = await createProjectFrameSource(project, assets, request);
          return {
            ...source,
            renderFrame(index) {
              if (index === 0)
                for (const pid of running)
                  commandsAtFirstFrame.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
              return source.renderFrame(index);
            },
            destroy: () => source.destroy(),
          };
        },
      });
      expect(result.outputs[0]?.state).toBe('done');
    } finally {
      stopListening();
    }
    // Before, fluent-ffmpeg's spawn waited until the first frame had been drawn and handed over.
    expect(commandsAtFirstFrame.filter((command) => command.includes('libx264'))).toHaveLength(1);
  });
});
