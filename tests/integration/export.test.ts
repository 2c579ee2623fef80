import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../src/export/errors';
import { exportVideo, type ExportResult } from '../../src/export/exportVideo';
import { createProjectFrameSource } from '../../src/export/projectFrameSource';
import { smallProject } from './fixtures';
import {
  decodeFrameRgb,
  decodePngRgb,
  ffprobe,
  processExists,
  psnrRgb,
  topLevelBoxes,
  type Probed,
} from './helpers/media';

let dir: string;
const { project, assets } = smallProject({ seconds: 2 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-export-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exporting a project for TikTok', () => {
  let result: ExportResult;
  let probed: Probed;
  const output = (): string => path.join(dir, 'small.mp4');

  beforeAll(async () => {
    result = await exportVideo({ project, assets, outputPath: output(), preset: 'tiktok' });
    probed = await ffprobe(output());
  });

  it('makes 1080x1920 H.264 High, yuv420p, constant 30 fps, every frame there', () => {
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({
      codec_name: 'h264',
      profile: 'High',
      width: 1080,
      height: 1920,
      pix_fmt: 'yuv420p',
      r_frame_rate: '30/1',
      avg_frame_rate: '30/1',
      nb_frames: '60',
    });
    expect(result).toMatchObject({ frames: 60, durationSeconds: 2, width: 1080, height: 1920, fps: 30 });
  });

  it('carries AAC-LC stereo audio at 48 kHz', () => {
    const audio = probed.streams.find((s) => s.codec_type === 'audio');
    expect(audio).toMatchObject({ codec_name: 'aac', profile: 'LC', sample_rate: '48000', channels: 2 });
    expect(Number(audio?.duration)).toBeCloseTo(2, 1);
  });

  it('puts the moov box before the media data (fast start)', async () => {
    const boxes = await topLevelBoxes(output());
    expect(boxes).toContain('moov');
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
  });

  it('stores the title, post caption and hashtags as metadata', () => {
    const tags = probed.format.tags ?? {};
    expect(tags.title).toBe('Small kindness');
    for (const key of ['comment', 'description'] as const) {
      expect(tags[key]).toBe('Be the reason someone smiles today. #kindness #BeTheReason #stopbullying');
    }
  });

  it('looks like the renderer drew it at a caption time (PSNR >= 30 dB)', async () => {
    const frameIndex = 45; // 1.5 s: the second caption, with emoji, is on screen
    const decoded = await decodeFrameRgb(output(), (frameIndex - 0.1) / 30);
    const source = await createProjectFrameSource(project, assets, {
      width: 1080,
      height: 1920,
      fps: 30,
      firstFrame: frameIndex,
      watermark: null,
    });
    try {
      const rendered = source.renderFrame(0);
      expect(rendered).not.toBeNull();
      expect(psnrRgb(decoded, rendered as Uint8Array, 4)).toBeGreaterThanOrEqual(30);
    } finally {
      source.destroy();
    }
  });

  it('matches what `kindness render-frame` draws (PSNR >= 40 dB), in the BT.709 tv-range colours it says it has', async () => {
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({
      color_space: 'bt709',
      color_transfer: 'bt709',
      color_primaries: 'bt709',
      color_range: 'tv',
    });
    const source = await createProjectFrameSource(project, assets, {
      width: 1080,
      height: 1920,
      fps: 30,
      firstFrame: 0,
      watermark: null,
    });
    try {
      // The first caption, between captions, and the second caption with its emoji.
      for (const frameIndex of [10, 31, 50]) {
        const decoded = await decodeFrameRgb(output(), (frameIndex - 0.1) / 30);
        const png = source.renderPng?.(frameIndex / 30);
        expect(png).toBeDefined();
        const file = path.join(dir, `frame-${frameIndex}.png`);
        await writeFile(file, png as Uint8Array);
        const drawn = await decodePngRgb(file);
        await rm(file);
        expect(psnrRgb(decoded, drawn, 3), `frame ${frameIndex}`).toBeGreaterThanOrEqual(40);
      }
    } finally {
      source.destroy();
    }
  });

  it('writes captions, post text and a cover beside the video, and no partial files', async () => {
    expect(result.sidecars.map((f) => path.basename(f))).toEqual([
      'small.srt',
      'small.vtt',
      'small.txt',
      'small.cover.png',
    ]);
    const srt = await readFile(path.join(dir, 'small.srt'), 'utf8');
    expect(srt).toBe(
      '1\n00:00:00,200 --> 00:00:00,900\nWords can hurt 😢\n\n2\n00:00:01,100 --> 00:00:01,900\nBe the reason someone smiles 😊\n',
    );
    expect(await readFile(path.join(dir, 'small.txt'), 'utf8')).toBe(
      'Be the reason someone smiles today.\n\n#kindness #BeTheReason #stopbullying\n',
    );
    const png = await readFile(path.join(dir, 'small.cover.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

describe('exporting part of a project as a draft', () => {
  it('makes a 540x960 video of just that part, with captions shifted to it', async () => {
    const output = path.join(dir, 'draft.mp4');
    const result = await exportVideo({
      project,
      assets,
      outputPath: output,
      preset: 'draft',
      range: { from: 1, to: 2 },
    });
    expect(result).toMatchObject({ frames: 30, width: 540, height: 960 });
    const probed = await ffprobe(output);
    expect(probed.streams.find((s) => s.codec_type === 'video')).toMatchObject({
      width: 540,
      height: 960,
      nb_frames: '30',
    });
    expect(await readFile(path.join(dir, 'draft.vtt'), 'utf8')).toBe(
      'WEBVTT\n\n00:00:00.100 --> 00:00:00.900\nBe the reason someone smiles 😊\n',
    );
  });
});

describe('cancelling an export', () => {
  it('stops ffmpeg, leaves no partial file and says it was cancelled', async () => {
    const output = path.join(dir, 'cancelled.mp4');
    // The hidden temp file ffmpeg writes: `.cancelled.mp4.HOST-PID-RANDOM.part` (a pgrep pattern).
    const part = path.join(dir, '\\.cancelled\\.mp4\\..*\\.part');
    const controller = new AbortController();
    let ffmpegPid: number | null = null;
    const error = await exportVideo({
      project,
      assets,
      outputPath: output,
      preset: 'draft',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.frame === 10 && ffmpegPid === null) {
          // The ffmpeg writing this export's .part file (no shell: the path is an argument).
          ffmpegPid = Number(
            execFileSync('pgrep', ['-f', '--', part], { encoding: 'utf8' }).trim().split('\n')[0],
          );
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('cancelled');
    expect((error as ExportError).message).toBe('The export was cancelled. No video was saved.');
    expect(ffmpegPid).toBeGreaterThan(0);
    expect(processExists(ffmpegPid as unknown as number)).toBe(false);
    const left = (await readdir(dir)).filter((f) => f.startsWith('cancelled'));
    expect(left).toEqual([]);
  });
});

describe('when ffmpeg cannot be found', () => {
  it('fails before rendering with a message naming every place tried', async () => {
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'never.mp4'),
      preset: 'tiktok',
      ffmpeg: '/nonexistent/ffmpeg',
      ffmpegDiscovery: { env: { PATH: '' }, bundled: false },
    }).catch((e: unknown) => e)) as ExportError;
    expect(error.kind).toBe('ffmpeg-not-found');
    expect(error.message).toContain('the ffmpeg you chose (/nonexistent/ffmpeg): no such file');
    expect(error.message).toContain('sudo apt-get install ffmpeg');
    expect((await readdir(dir)).filter((f) => f.startsWith('never'))).toEqual([]);
  });
});
