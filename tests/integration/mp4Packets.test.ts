import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src/export/batch/exportBatch';
import { Mp4ReadError, readMp4Packets } from '../../src/export/verify/mp4Packets';
import { PacketListReader, packetDifference, type PacketList } from '../../src/export/verify/streamCheck';
import { smallProject } from './fixtures';

/**
 * The finished file's packets read from its own sample tables (verify/mp4Packets.ts) must be
 * exactly the list ffmpeg's demuxer gives for it, or the decode check would fail good files.
 */
const run = promisify(execFile);
let dir: string;
/** An export of a project with a sound: H.264 and AAC, `moov` first (faststart). */
let exported: string;

async function ffmpegPackets(file: string): Promise<PacketList> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0', '-c', 'copy', '-f', 'framemd5', 'pipe:1'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const reader = new PacketListReader();
  reader.add(stdout);
  return reader.finish();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-mp4-packets-'));
  const { project, assets } = smallProject({ seconds: 2, withAudio: true });
  await mkdir(join(dir, 'out'));
  const result = await exportBatch({
    project,
    assets,
    sidecars: false,
    outputs: [{ id: 'tiktok', preset: 'tiktok', outputPath: join(dir, 'out', 'clip.mp4') }],
  });
  expect(result.outputs[0]?.state).toBe('done');
  exported = join(dir, 'out', 'clip.mp4');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the packets of a finished MP4, from its own sample tables', () => {
  it('are the very list ffmpeg reads from an export with a sound', async () => {
    const ours = await readMp4Packets(exported);
    expect(ours.get(0)?.length).toBe(60);
    expect(ours.get(1)?.length).toBeGreaterThan(90);
    expect(packetDifference(await ffmpegPackets(exported), ours)).toBeNull();
  });

  it('are found with the moov box at the end too, and with many samples to a chunk', async () => {
    const file = join(dir, 'moov-last.mp4');
    // Audio in two-second chunks: many samples in each chunk, runs of chunks in stsc.
    await run('ffmpeg', [
      '-v',
      'error',
      '-i',
      exported,
      '-c',
      'copy',
      '-map',
      '0',
      '-chunk_duration',
      '2000000',
      file,
    ]);
    expect(packetDifference(await ffmpegPackets(file), await readMp4Packets(file))).toBeNull();
  });

  it('are not guessed for a fragmented file, a file cut short or one that is no MP4', async () => {
    const fragmented = join(dir, 'fragmented.mp4');
    await run('ffmpeg', [
      ...['-v', 'error', '-i', exported, '-c', 'copy', '-map', '0'],
      ...['-movflags', 'frag_keyframe+empty_moov', fragmented],
    ]);
    await expect(readMp4Packets(fragmented)).rejects.toThrow(Mp4ReadError);

    const cut = join(dir, 'cut.mp4');
    const whole = await readFile(exported);
    await writeFile(cut, whole);
    await truncate(cut, Math.floor(whole.length * 0.7));
    await expect(readMp4Packets(cut)).rejects.toThrow(/cut short|shorter/);

    const text = join(dir, 'notes.mp4');
    await writeFile(text, 'not a video at all, only words');
    await expect(readMp4Packets(text)).rejects.toThrow(Mp4ReadError);
  });
});
