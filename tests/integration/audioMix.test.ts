import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../src/core/schema';
import { exportVideo } from '../../src/export/exportVideo';
import type { FrameSource } from '../../src/export/frameSource';
import { assetId, sineWav } from './fixtures';
import { ffprobe } from './helpers/media';

const run = promisify(execFile);
let dir: string;

const bundled = ((): string | null => {
  try {
    return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return null;
  }
})();

/** Two tones that overlap from 0.5 s to 1.5 s, each at its own volume, with fades. */
function twoTrackProject(): { project: ReturnType<typeof ProjectSchema.parse>; assets: Map<string, Buffer> } {
  const low = sineWav(3, 220);
  const high = sineWav(3, 880);
  const [lowId, highId] = [assetId(low), assetId(high)];
  const project = ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    scenes: [{ id: 's', duration: 2 }],
    audio: [
      { id: 'a', assetId: lowId, start: 0, duration: 1.5, volume: 0.5, fadeIn: 0.2, fadeOut: 0.2 },
      { id: 'b', assetId: highId, start: 0.5, trimStart: 1, volume: 1, fadeOut: 0.3 },
    ],
    assets: {
      [lowId]: { kind: 'audio', name: 'low.wav', mime: 'audio/wav', size: low.length },
      [highId]: { kind: 'audio', name: 'high.wav', mime: 'audio/wav', size: high.length },
    },
  });
  return {
    project,
    assets: new Map([
      [lowId, low],
      [highId, high],
    ]),
  };
}

function blackFrames(): FrameSource {
  const pixels = new Uint8Array(540 * 960 * 4);
  return { width: 540, height: 960, renderFrame: (i) => (i === 0 ? pixels : null), destroy: () => undefined };
}

/** Mean loudness (dB) of the audio between `from` and `to` seconds. */
async function meanVolume(file: string, from: number, to: number): Promise<number> {
  const { stderr } = await run('ffmpeg', [
    ...['-hide_banner', '-i', file, '-vn', '-af', `atrim=${from}:${to},volumedetect`, '-f', 'null', '-'],
  ]);
  const m = /mean_volume: (-?[\d.]+) dB/.exec(stderr);
  if (!m) throw new Error(`no volume in: ${stderr.slice(-500)}`);
  return Number(m[1]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-audio-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mixing audio tracks', () => {
  it('places each track at its time and keeps the volumes the creator set', async () => {
    const { project, assets } = twoTrackProject();
    const output = path.join(dir, 'mix.mp4');
    await exportVideo({
      project,
      assets,
      outputPath: output,
      preset: 'draft',
      sidecars: false,
      createFrameSource: blackFrames,
    });
    const audio = (await ffprobe(output)).streams.find((s) => s.codec_type === 'audio');
    expect(Number(audio?.duration)).toBeCloseTo(2, 1);
    // 0.25-0.45 s: the low tone alone at half volume; 1.55-1.65 s: the high tone alone, at full
    // volume. Half the amplitude is 6 dB quieter.
    const lowAlone = await meanVolume(output, 0.25, 0.45);
    const highAlone = await meanVolume(output, 1.55, 1.65);
    expect(highAlone - lowAlone).toBeCloseTo(6, 0);
  });

  it.skipIf(bundled === null || !existsSync(bundled))(
    'sounds the same through the 2018 bundled ffmpeg (older options)',
    async () => {
      const { project, assets } = twoTrackProject();
      const modern = path.join(dir, 'modern.mp4');
      const legacy = path.join(dir, 'legacy.mp4');
      await exportVideo({
        project,
        assets,
        outputPath: modern,
        preset: 'draft',
        sidecars: false,
        createFrameSource: blackFrames,
      });
      const result = await exportVideo({
        project,
        assets,
        outputPath: legacy,
        preset: 'draft',
        sidecars: false,
        ffmpeg: bundled,
        createFrameSource: blackFrames,
      });
      expect(result.ffmpeg.source).toBe('configured');
      const probed = await ffprobe(legacy);
      expect(probed.streams.find((s) => s.codec_type === 'video')).toMatchObject({
        nb_frames: '60',
        profile: 'High',
      });
      // Where both tracks play, the old amix (which divides by the number of inputs) is scaled back.
      const [a, b] = [await meanVolume(modern, 0.6, 1.4), await meanVolume(legacy, 0.6, 1.4)];
      expect(Math.abs(a - b)).toBeLessThan(1);
    },
  );
});
