import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE, ExportError } from '../../src/export/errors';
import { exportVideo } from '../../src/export/exportVideo';
import type { FrameSource } from '../../src/export/frameSource';
import { smallProject } from './fixtures';

let dir: string;
const { project, assets } = smallProject({ seconds: 2 });

/** Flat grey frames: fast, and enough to drive the real pipeline. */
function greyFrames(failAt: number | null = null): () => FrameSource {
  return () => {
    let pixels: Uint8Array | null = null;
    return {
      width: 540,
      height: 960,
      renderFrame(index) {
        if (index === failAt) throw new Error('the picture "sun.png" is damaged');
        pixels ??= new Uint8Array(540 * 960 * 4).fill(128);
        return index === 0 ? pixels : null;
      },
      destroy: () => undefined,
    };
  };
}

/**
 * An "ffmpeg" that answers capability questions like the real one but fails the export after
 * reading a little, with `complaint` as its last words.
 */
async function failingFfmpeg(name: string, complaint: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(
    file,
    [
      '#!/bin/sh',
      'for a in "$@"; do case "$a" in -version|-encoders|-formats|-codecs|-filters) exec ffmpeg "$@";; esac; done',
      'head -c 4000000 > /dev/null',
      'echo "Input #0, rawvideo, from \'pipe:0\':" >&2',
      `echo "${complaint}" >&2`,
      'exit 1',
    ].join('\n'),
  );
  await chmod(file, 0o755);
  return file;
}

async function leftovers(prefix: string): Promise<string[]> {
  // Hidden ones too: the writer's temp files and name reservations start with a dot.
  return (await readdir(dir)).filter((f) => f.startsWith(prefix) || f.startsWith(`.${prefix}`));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-failures-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('when an export fails', () => {
  it("reports ffmpeg's own complaint and leaves nothing behind", async () => {
    const ffmpeg = await failingFfmpeg(
      'ffmpeg-broken',
      '[libx264 @ 0x55] Error initializing output stream 0:0',
    );
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'broken.mp4'),
      preset: 'draft',
      ffmpeg,
      createFrameSource: greyFrames(),
    }).catch((e: unknown) => e)) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(error.kind).toBe('ffmpeg-failed');
    expect(error.message).toContain('ffmpeg could not make the video');
    expect(error.message).toContain('Error initializing output stream 0:0');
    expect(await leftovers('broken')).toEqual([]);
  });

  it('says the disk is full when ffmpeg runs out of space', async () => {
    const ffmpeg = await failingFfmpeg(
      'ffmpeg-full',
      'av_interleaved_write_frame(): No space left on device',
    );
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'full.mp4'),
      preset: 'draft',
      ffmpeg,
      createFrameSource: greyFrames(),
    }).catch((e: unknown) => e)) as ExportError;
    expect(error.kind).toBe('disk-full');
    expect(error.message).toBe(DISK_FULL_MESSAGE);
    expect(await leftovers('full')).toEqual([]);
  });

  it('stops ffmpeg when a frame cannot be drawn', async () => {
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'undrawable.mp4'),
      preset: 'draft',
      createFrameSource: greyFrames(20),
    }).catch((e: unknown) => e)) as ExportError;
    expect(error.kind).toBe('render-failed');
    expect(error.message).toBe('The frame at 0.67 s could not be drawn: the picture "sun.png" is damaged');
    expect(await leftovers('undrawable')).toEqual([]);
  });

  it('refuses a folder that does not exist before drawing anything', async () => {
    let drawn = 0;
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'no-such-folder', 'v.mp4'),
      preset: 'draft',
      createFrameSource: () => {
        drawn++;
        return greyFrames()();
      },
    }).catch((e: unknown) => e)) as ExportError;
    expect(error.kind).toBe('write-failed');
    expect(error.message).toBe(
      `The video cannot be saved: the folder for ${path.join(dir, 'no-such-folder', 'v.mp4')} does not exist.`,
    );
    expect(drawn).toBe(0);
  });

  it('explains a time range outside the video', async () => {
    const error = (await exportVideo({
      project,
      assets,
      outputPath: path.join(dir, 'range.mp4'),
      preset: 'draft',
      range: { from: 5 },
    }).catch((e: unknown) => e)) as ExportError;
    expect(error.kind).toBe('invalid-range');
    expect(error.message).toBe('The start time (5 s) is after the end of the video (2 s).');
  });
});

describe('an export with a missing audio file', () => {
  it('still makes the video, with silence, and says which audio was left out', async () => {
    await mkdir(dir, { recursive: true });
    const result = await exportVideo({
      project,
      assets: new Map(),
      outputPath: path.join(dir, 'quiet.mp4'),
      preset: 'draft',
      sidecars: false,
      createFrameSource: greyFrames(),
    });
    expect(result.warnings).toContain(
      'The audio "Tone" was left out: its audio file is missing from the project.',
    );
    expect(await leftovers('quiet')).toEqual(['quiet.mp4']);
    expect(result.reusedFrames).toBe(59);
  });
});
