import { describe, expect, it } from 'vitest';
import { autoJobs, jobsFor, planChunks } from '../../../src/export/chunks/chunkPlan';
import { MODERN_FFMPEG, type EncodeSettings } from '../../../src/export/encodeSettings';
import {
  buildChunkInvocation,
  buildFfmpegArgs,
  buildRemuxInvocation,
  concatInput,
  concatList,
  toArgList,
} from '../../../src/export/ffmpeg/args';
import { PRESETS } from '../../../src/export/presets';

const settings: EncodeSettings = {
  width: 1080,
  height: 1920,
  inputPixFmt: 'yuv420p',
  fps: 30,
  frameCount: 60,
  video: PRESETS.tiktok.video,
  audio: PRESETS.tiktok.audio,
  faststart: true,
  audioClips: [],
  metadata: { title: 'Be the reason', comment: '', description: '' },
  outputPath: '/tmp/video-0-chunk-1.mp4',
  features: MODERN_FFMPEG,
};

describe('chunks of a parallel export', () => {
  it('splits the range on GOP boundaries into nearly equal chunks that cover it once', () => {
    expect(planChunks(90, 3, 15)).toEqual([
      { index: 0, first: 0, count: 30 },
      { index: 1, first: 30, count: 30 },
      { index: 2, first: 60, count: 30 },
    ]);
    const chunks = planChunks(607, 4, 15);
    expect(chunks.map((c) => c.count)).toEqual([150, 165, 150, 142]);
    for (const c of chunks.slice(1)) expect(c.first % 15).toBe(0);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(607);
    // Never more chunks than GOPs.
    expect(planChunks(20, 4, 15).map((c) => c.count)).toEqual([15, 5]);
  });

  it('runs one pass on 2 cores and about one chunk per 2 cores above, unless told', () => {
    expect([1, 2, 3, 4, 8, 16, 64].map((cores) => autoJobs(cores))).toEqual([1, 1, 1, 2, 4, 4, 4]);
    expect(jobsFor('auto', 600, 15, 2)).toBe(1);
    expect(jobsFor('auto', 600, 15, 8)).toBe(4);
    // Auto makes no chunk shorter than 5 s at 30 fps.
    expect(jobsFor('auto', 300, 15, 8)).toBe(2);
    // By hand: as asked, up to one chunk per GOP.
    expect(jobsFor(3, 90, 15, 2)).toBe(3);
    expect(jobsFor(8, 45, 15, 2)).toBe(3);
  });

  it('encodes a chunk with exactly the single pass video settings, video only', () => {
    const single = buildFfmpegArgs(settings);
    const chunk = toArgList(buildChunkInvocation(settings));
    const videoPart = (args: string[]): string[] => args.slice(args.indexOf('-c:v'), args.indexOf('-c:a'));
    expect(chunk.slice(chunk.indexOf('-c:v'), chunk.indexOf('-t'))).toEqual(videoPart(single));
    expect(chunk).toContain('+cgop');
    expect(chunk.slice(chunk.indexOf('-t'))).toEqual(['-t', '2', '-f', 'mp4', '/tmp/video-0-chunk-1.mp4']);
    expect(chunk).not.toContain('-c:a');
    expect(chunk.filter((a) => a === '-map')).toHaveLength(1);
  });

  it('joins the chunk files without re-encoding while it adds the sound', () => {
    expect(concatList(['video-0-chunk-0.mp4', 'video-0-chunk-1.mp4'])).toBe(
      'ffconcat version 1.0\nfile video-0-chunk-0.mp4\nfile video-0-chunk-1.mp4\n',
    );
    expect(() => concatList(["it's.mp4"])).toThrow();
    const remux = toArgList(
      buildRemuxInvocation(
        { ...settings, frameCount: 180, outputPath: '/out/v.mp4.part' },
        concatInput('/tmp/l.txt'),
      ),
    );
    expect(remux.slice(0, 4)).toEqual(['-f', 'concat', '-i', '/tmp/l.txt']);
    expect(remux.join(' ')).toContain('-map 0:v:0 -map 1:a:0 -c:v copy');
    expect(remux.join(' ')).toContain('-t 6 -movflags +faststart');
  });
});
