import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from './helpers/media';

/**
 * The story templates through the real command line: each validates, renders its key frame
 * (saved to test-results/templates/<id>.png for a person to look at) and exports a short draft
 * with ffmpeg; one exports in full at the TikTok preset.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
const folder = path.join(root, 'resources/templates');
const stills = path.join(root, 'test-results/templates');
const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as {
  templates: { id: string; file: string; keyFrame: number; duration: number }[];
};
let dir: string;

function kindness(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-templates-it-'));
  mkdirSync(stills, { recursive: true });
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(manifest.templates.map((t) => [t.id, t] as const))('template %s', (id, entry) => {
  const file = path.join(folder, entry.file);

  it('validates', async () => {
    const run = await kindness(['validate', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('renders its key frame with render-frame', async () => {
    const out = path.join(stills, `${id}.png`);
    // The still of an earlier run: the CLI rightly refuses to write over a file it did not make.
    rmSync(out, { force: true });
    const run = await kindness(['render-frame', file, '--time', String(entry.keyFrame), '-o', out]);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
  });

  it('exports a one-second draft with ffmpeg, with no readability warnings', async () => {
    const out = path.join(dir, `${id}.mp4`);
    const from = Math.max(0, entry.keyFrame - 0.5);
    const run = await kindness([
      'export',
      file,
      '--preset',
      'draft',
      '--from',
      String(from),
      '--to',
      String(from + 1),
      '-o',
      out,
      '--no-sidecars',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/Warning/);
    const probed = await ffprobe(out);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 540, height: 960, codec_name: 'h264' });
    expect(Number(probed.format.duration)).toBeCloseTo(1, 0);
  });
});

describe('one template exported in full', () => {
  it('block-the-bullies makes a 1080x1920 TikTok video as long as the template', async () => {
    const entry = manifest.templates.find((t) => t.id === 'block-the-bullies');
    if (entry === undefined) throw new Error('block-the-bullies is missing from the manifest');
    const out = path.join(dir, 'full.mp4');
    const run = await kindness(['export', path.join(folder, entry.file), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const probed = await ffprobe(out);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 1080, height: 1920 });
    expect(Number(probed.format.duration)).toBeCloseTo(entry.duration, 0);
    expect(existsSync(path.join(dir, 'full.srt'))).toBe(true);
  }, 600_000);
});
