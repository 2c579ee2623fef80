import { describe, expect, it } from 'vitest';
import { ProjectSchema, type Project } from '../../../src/core/schema';
import { gifSize, planBatch } from '../../../src/export/batch/batchPlan';
import {
  buildFfmpegArgs,
  buildGifInvocation,
  buildRemuxInvocation,
  toArgList,
} from '../../../src/export/ffmpeg/args';
import { MODERN_FFMPEG } from '../../../src/export/encodeSettings';
import { GIF_PRESET, gifFrameStep, PRESETS } from '../../../src/export/presets';
import { judgeOutput, parseRate, type ProbeResult } from '../../../src/export/verify/outputReport';

function project(video: { width?: number; height?: number; fps?: number } = {}): Project {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    video,
    scenes: [{ id: 's', duration: 4 }],
  });
}

const out = (id: 'tiktok' | 'reels' | 'shorts' | 'draft' | 'gif') => ({
  id,
  preset: id,
  outputPath: `/o/${id}`,
});

describe('planning a batch', () => {
  it('draws the three platforms and the GIF from one render, the draft (watermarked) from another', () => {
    const groups = planBatch(project(), [
      out('tiktok'),
      out('reels'),
      out('shorts'),
      out('draft'),
      out('gif'),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ fps: 30, watermark: null, width: 1080, height: 1920 });
    expect(groups[0]?.outputs.map((o) => [o.request.id, o.step, o.fps])).toEqual([
      ['tiktok', 1, 30],
      ['reels', 1, 30],
      ['shorts', 1, 30],
      ['gif', 2, 15],
    ]);
    expect(groups[1]).toMatchObject({ watermark: 'DRAFT', width: 540, height: 960 });
  });

  it('renders a GIF alone at its own size', () => {
    const [group] = planBatch(project(), [out('gif')]);
    expect(group).toMatchObject({ width: 540, height: 960, fps: 30 });
  });

  it('keeps the aspect of a square project and never enlarges a small one', () => {
    expect(gifSize(project({ width: 1080, height: 1080 }), 540)).toEqual({ width: 540, height: 540 });
    expect(gifSize(project({ width: 320, height: 568 }), 540)).toEqual({ width: 320, height: 568 });
  });
});

describe('the GIF frame rate', () => {
  it('picks every n-th rendered frame to stay at or under the preset rate', () => {
    expect(gifFrameStep(30, 15)).toEqual({ step: 2, fps: 15 });
    expect(gifFrameStep(24, 15)).toEqual({ step: 2, fps: 12 });
    expect(gifFrameStep(60, 15)).toEqual({ step: 4, fps: 15 });
    expect(gifFrameStep(12, 15)).toEqual({ step: 1, fps: 12 });
  });
});

describe('ffmpeg arguments for a batch', () => {
  it('builds the GIF with one palette over the whole clip, in one filter graph', () => {
    const args = toArgList(
      buildGifInvocation({
        source: { width: 1080, height: 1920 },
        width: 540,
        height: 960,
        fps: 15,
        frameCount: 30,
        maxColors: GIF_PRESET.maxColors,
        bayerScale: GIF_PRESET.bayerScale,
        loop: GIF_PRESET.loop,
        outputPath: '/o/clip.gif.part',
      }),
    );
    expect(args).toEqual([
      ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', '1080x1920', '-r', '15', '-i', 'pipe:0', '-y'],
      '-filter_complex',
      '[0:v]scale=540:960:flags=lanczos,split[frames][forpalette];' +
        '[forpalette]palettegen=max_colors=256:stats_mode=full[palette];' +
        '[frames][palette]paletteuse=dither=bayer:bayer_scale=3[gif]',
      ...['-hide_banner', '-loglevel', 'warning', '-stats'],
      ...['-map', '[gif]', '-loop', '0', '-t', '2', '-f', 'gif', '/o/clip.gif.part'],
    ]);
  });

  it('scales a shared render down for a smaller video output', () => {
    const preset = PRESETS.draft;
    const args = buildFfmpegArgs({
      width: 540,
      height: 960,
      source: { width: 1080, height: 1920 },
      fps: 30,
      frameCount: 30,
      video: preset.video,
      audio: preset.audio,
      faststart: true,
      audioClips: [],
      metadata: { title: '', comment: '', description: '' },
      outputPath: '/o/x.part',
      features: MODERN_FFMPEG,
    });
    expect(args.slice(0, 8)).toEqual(['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', '1080x1920', '-r', '30']);
    expect(args[args.indexOf('-vf') + 1]).toBe(
      'scale=540:960:flags=lanczos:out_color_matrix=bt709:out_range=tv',
    );
  });
});

describe('sharing one video encode between platforms', () => {
  it("copies the video and adds the platform's own audio and metadata", () => {
    const preset = PRESETS.shorts;
    const args = toArgList(
      buildRemuxInvocation(
        {
          width: 1080,
          height: 1920,
          fps: 30,
          frameCount: 60,
          video: preset.video,
          audio: preset.audio,
          faststart: true,
          audioClips: [],
          metadata: { title: 'Kind', comment: '', description: '' },
          outputPath: '/o/shorts.mp4.part',
          features: MODERN_FFMPEG,
        },
        '/tmp/video.mp4',
      ),
    );
    expect(args).toEqual([
      ...['-i', '/tmp/video.mp4', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-y'],
      ...['-hide_banner', '-loglevel', 'warning'],
      ...['-map', '0:v:0', '-map', '1:a:0', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '384k'],
      ...['-ar', '48000', '-ac', '2', '-t', '2', '-movflags', '+faststart'],
      ...['-metadata', 'title=Kind', '-f', 'mp4', '/o/shorts.mp4.part'],
    ]);
  });
});

function probe(overrides: Partial<ProbeResult['streams'][number]> = {}, duration = '4.000000'): ProbeResult {
  return {
    streams: [
      {
        codec_type: 'video',
        codec_name: 'h264',
        width: 1080,
        height: 1920,
        pix_fmt: 'yuv420p',
        avg_frame_rate: '30/1',
        ...overrides,
      },
      { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
    ],
    format: { duration },
  };
}

const tiktok = {
  preset: PRESETS.tiktok,
  width: 1080,
  height: 1920,
  fps: 30,
  frames: 120,
  durationSeconds: 4,
};

describe('the report on a finished output', () => {
  it('passes a file that meets the platform limits', () => {
    const report = judgeOutput(probe(), tiktok, 3_000_000);
    expect(report.level).toBe('pass');
    expect(report.checks.map((c) => c.label)).toEqual([
      'Format',
      'Colour format',
      'Frame size',
      'Frame rate',
      'Length',
      'File size',
      'Sound',
    ]);
  });

  it('fails a wrong size, a missing part and an oversized file, in plain words', () => {
    const report = judgeOutput(probe({ width: 720, height: 1280 }, '3.000000'), tiktok, 600 * 1024 * 1024);
    expect(report.level).toBe('fail');
    const byLabel = Object.fromEntries(report.checks.map((c) => [c.label, c]));
    expect(byLabel['Frame size']?.detail).toBe('720 x 1280 pixels instead of 1080 x 1920.');
    expect(byLabel['Length']?.detail).toMatch(/part of the video is missing/);
    expect(byLabel['File size']?.detail).toMatch(/600\.0 MB is over TikTok's 500 MB/);
  });

  it('warns about a clip shorter than the platform asks for, and fails one over its limit', () => {
    const short = judgeOutput(probe({}, '2.000000'), { ...tiktok, frames: 60, durationSeconds: 2 }, 1000);
    expect(short.checks.find((c) => c.label === 'Length')).toMatchObject({ level: 'warn' });
    const shorts = { ...tiktok, preset: PRESETS.shorts, frames: 200 * 30, durationSeconds: 200 };
    const long = judgeOutput(probe({}, '200.000000'), shorts, 1000);
    expect(long.checks.find((c) => c.label === 'Length')?.detail).toBe(
      "200 s is longer than YouTube Shorts's 3 min.",
    );
  });

  it('fails a video without sound and one at a frame rate the platform refuses', () => {
    const noSound = judgeOutput({ ...probe(), streams: probe().streams.slice(0, 1) }, tiktok, 1000);
    expect(noSound.checks.find((c) => c.label === 'Sound')).toMatchObject({ level: 'fail' });
    const slow = judgeOutput(probe({ avg_frame_rate: '15/1' }), tiktok, 1000);
    expect(slow.checks.find((c) => c.label === 'Frame rate')).toMatchObject({ level: 'fail' });
  });

  it('reads frame rates as ffprobe writes them', () => {
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('0/0')).toBeNull();
    expect(parseRate(undefined)).toBeNull();
  });
});
