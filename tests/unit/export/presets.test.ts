import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/core/platform/platforms';
import type { Project } from '../../../src/core/schema';
import { ProjectSchema } from '../../../src/core/schema';
import {
  exportFps,
  exportSize,
  ffmpegFeaturesFor,
  frameRange,
  LEGACY_FFMPEG,
  MODERN_FFMPEG,
  planAudio,
} from '../../../src/export/encodeSettings';
import { PRESET_IDS, PRESETS } from '../../../src/export/presets';

function project(
  video: { width?: number; height?: number; fps?: number } = {},
  sceneDurations = [2, 3],
): Project {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    video,
    scenes: sceneDurations.map((duration, i) => ({ id: `s${i}`, duration })),
  });
}

describe('presets', () => {
  it('make platform-ready vertical H.264 with a closed half-second GOP and AAC stereo 48 kHz', () => {
    for (const id of PRESET_IDS) {
      const p = PRESETS[id];
      expect(p.width % 2).toBe(0);
      expect(p.height % 2).toBe(0);
      expect(p.width / p.height).toBeCloseTo(9 / 16);
      expect(p.video).toMatchObject({
        codec: 'libx264',
        profile: 'high',
        pixFmt: 'yuv420p',
        bFrames: 2,
        gopSeconds: 0.5,
      });
      expect(p.audio).toEqual({
        codec: 'aac',
        bitrateKbps: p.audio.bitrateKbps,
        sampleRate: 48000,
        channels: 2,
      });
      expect(p.faststart).toBe(true);
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('take bitrates from the platform facts', () => {
    for (const id of ['tiktok', 'reels', 'shorts'] as const) {
      expect(PRESETS[id]).toMatchObject({
        width: 1080,
        height: 1920,
        defaultFps: 30,
        platform: id,
        watermark: null,
      });
      expect(PRESETS[id].video.maxrateKbps).toBe(PLATFORMS[id].videoBitrateKbps);
      expect(PRESETS[id].audio.bitrateKbps).toBe(PLATFORMS[id].audioBitrateKbps);
    }
  });

  it('mark drafts and make them small and quick', () => {
    expect(PRESETS.draft).toMatchObject({ width: 540, height: 960, watermark: 'DRAFT', platform: null });
    expect(PRESETS.draft.video.crf).toBeGreaterThan(PRESETS.tiktok.video.crf);
  });
});

describe('export size and rate', () => {
  it('scales a 1080x1920 project down for a draft and keeps other sizes in proportion', () => {
    expect(exportSize(project(), PRESETS.draft)).toEqual({ width: 540, height: 960 });
    expect(exportSize(project({ width: 720, height: 1280 }), PRESETS.tiktok)).toEqual({
      width: 1080,
      height: 1920,
    });
    expect(exportSize(project({ width: 1080, height: 1080 }), PRESETS.tiktok)).toEqual({
      width: 1080,
      height: 1080,
    });
    expect(exportSize(project({ width: 998, height: 1920 }), PRESETS.draft)).toEqual({
      width: 500,
      height: 960,
    });
  });

  it('keeps the project frame rate when the platform takes it, else uses 30', () => {
    expect(exportFps(project({ fps: 60 }), PRESETS.tiktok)).toBe(60);
    expect(exportFps(project({ fps: 12 }), PRESETS.tiktok)).toBe(30);
    expect(exportFps(project({ fps: 12 }), PRESETS.draft)).toBe(12);
  });
});

describe('frame range', () => {
  it('covers the whole video by default and rounds times to frames', () => {
    expect(frameRange(project(), 30)).toEqual({ first: 0, count: 150, startTime: 0 });
    expect(frameRange(project(), 30, { from: 0.1, to: 1.1 })).toEqual({
      first: 3,
      count: 30,
      startTime: 0.1,
    });
    expect(frameRange(project(), 30, { from: 4 })).toEqual({ first: 120, count: 30, startTime: 4 });
    expect(frameRange(project(), 30, { to: 99 }).count).toBe(150);
  });

  it('explains a range that makes no video', () => {
    expect(() => frameRange(project(), 30, { from: 6 })).toThrow(
      'The start time (6 s) is after the end of the video (5 s).',
    );
    expect(() => frameRange(project(), 30, { from: 2, to: 2 })).toThrow('must be after the start time');
    expect(() => frameRange(project(), 30, { from: -1 })).toThrow('must be 0 or more');
  });
});

describe('audio placement', () => {
  const track = {
    id: 't',
    assetId: 'a'.repeat(64),
    name: 'Music',
    start: 1,
    trimStart: 2,
    volume: 0.5,
    fadeIn: 1,
    fadeOut: 10,
    muted: false,
  };
  const files = (id: string): string | undefined => (id === track.assetId ? '/tmp/a.mp3' : undefined);

  it('places a track on the output timeline, up to the end of the video', () => {
    expect(planAudio([track], 5, 0, 5, files).clips).toEqual([
      {
        file: '/tmp/a.mp3',
        fileStart: 2,
        clipDuration: 4,
        volume: 0.5,
        fadeIn: 1,
        fadeOut: 2,
        cutStart: 0,
        outputStart: 1,
      },
    ]);
  });

  it('cuts the front of a track that started before the range', () => {
    expect(planAudio([{ ...track, duration: 3 }], 5, 2.5, 5, files).clips[0]).toMatchObject({
      clipDuration: 3,
      cutStart: 1.5,
      outputStart: 0,
    });
  });

  it('leaves out muted tracks, missing files and tracks outside the range', () => {
    const result = planAudio(
      [
        { ...track, id: 'm', muted: true },
        { ...track, id: 'x', assetId: 'b'.repeat(64) },
        { ...track, id: 'late', start: 4.5 },
      ],
      5,
      0,
      4,
      files,
    );
    expect(result.clips).toEqual([]);
    expect(result.skipped.map((s) => [s.track.id, s.reason])).toEqual([
      ['m', 'muted'],
      ['x', 'its audio file is missing from the project'],
      ['late', 'it is not heard in the exported time range'],
    ]);
  });
});

describe('ffmpeg features', () => {
  it('uses the newer options from ffmpeg 5.1 on', () => {
    expect(ffmpegFeaturesFor('5.1.9-0+deb12u1')).toBe(MODERN_FFMPEG);
    expect(ffmpegFeaturesFor('n7.1')).toBe(MODERN_FFMPEG);
    expect(ffmpegFeaturesFor('4.4.2')).toBe(LEGACY_FFMPEG);
    expect(ffmpegFeaturesFor('N-47683-g0e8eb07980-static')).toBe(LEGACY_FFMPEG);
  });
});
