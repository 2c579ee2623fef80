import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallProject } from './fixtures';
import { ffprobe } from './helpers/media';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
const sample = path.join(root, 'resources/samples/be-the-reason.kindness.json');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `kindness` command; `env` replaces the environment (PATH included). */
function kindness(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-cli-it-'));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  const { project } = smallProject({ seconds: 4, withAudio: false });
  await writeFile(path.join(dir, 'small.json'), JSON.stringify(project));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the kindness command', () => {
  it('prints its version', async () => {
    const run = await kindness(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: 'kindness 0.1.0\n' });
  });

  it('carries its plain JavaScript packages inside (Node links an outside one file by file at start)', async () => {
    const { NOT_BUNDLED } = (await import(
      pathToFileURL(path.join(root, 'scripts/bundle-node.mjs')).href
    )) as {
      NOT_BUNDLED: string[];
    };
    // The bin only sets the environment up and loads the command line beside it.
    const bin = await readFile(cli, 'utf8');
    expect([...bin.matchAll(/^import .* from ['"]([^'"]+)['"];?$/gm)].map((m) => m[1])).toEqual([
      'node:module',
    ]);
    expect(bin).toContain('./kindness-main.js');
    const built = await readFile(path.join(path.dirname(cli), 'kindness-main.js'), 'utf8');
    const imported = new Set(
      [...built.matchAll(/^(?:import .*|\}) from "([^"]+)";$/gm)].map((m) => m[1] as string),
    );
    const outside = [...imported].filter((name) => !name.startsWith('node:'));
    expect(outside).toContain('@napi-rs/canvas');
    const allowed = (name: string): boolean =>
      NOT_BUNDLED.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : p === name));
    for (const name of outside) expect(allowed(name), name).toBe(true);
    expect(outside).not.toContain('zod');
    expect(outside).not.toContain('konva');
  });

  it('explains a command-line mistake with exit code 2', async () => {
    const run = await kindness(['export', 'small.json', '--preset', 'vine']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'There is no preset "vine". Choose one of: tiktok, reels, shorts, draft, gif.\nSee: kindness export --help\n',
    );
  });

  it('refuses a damaged project file with exit code 1 and no stack trace', async () => {
    await writeFile(
      path.join(dir, 'broken.json'),
      '{ "format": "kindness-studio", "version": 1, "scenes": [',
    );
    for (const command of ['validate', 'export']) {
      const run = await kindness([command, 'broken.json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('broken.json');
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
    }
    expect(existsSync(path.join(dir, 'broken.mp4'))).toBe(false);
  });

  it('lists each problem of an invalid project with where it is', async () => {
    await writeFile(
      path.join(dir, 'invalid.json'),
      JSON.stringify({
        format: 'kindness-studio',
        version: 1,
        scenes: [{ id: 's', duration: 2, elements: [{ id: 'r', kind: 'rect', width: 'wide', height: 10 }] }],
      }),
    );
    const run = await kindness(['validate', 'invalid.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  - scenes[0].elements[0].width:');
  });

  it('exports an animated GIF with --preset gif, after warning about a caption outside the safe zone', async () => {
    const { project } = smallProject({ seconds: 4, withAudio: false });
    const placedLow = {
      ...project,
      captions: [{ id: 'low', start: 0, end: 2, text: 'Be kind', style: 'outline' }],
      captionSettings: { ...project.captionSettings, y: 0.8 },
    };
    await writeFile(path.join(dir, 'clip.json'), JSON.stringify(placedLow));
    const run = await kindness(['export', 'clip.json', '--preset', 'gif']);
    expect(run.code).toBe(0);
    // The caption report: a GIF goes anywhere, so the box clear on every platform is checked.
    expect(run.stderr).toMatch(
      /Warning: Caption at 0:00\.0 \(“Be kind”\): This caption reaches \d+ px below the safe zone on every platform/,
    );
    expect(run.stderr).toContain('(gif)');
    const gifPath = path.join(dir, 'clip.gif');
    expect(run.stdout).toBe(`${gifPath}\n`);
    const bytes = await readFile(gifPath);
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    // Loops forever: the NETSCAPE2.0 application extension with a loop count of 0.
    const netscape = bytes.indexOf('NETSCAPE2.0', 0, 'latin1');
    expect(netscape).toBeGreaterThan(0);
    expect(bytes.readUInt16LE(netscape + 13)).toBe(0);
    const probed = await ffprobe(gifPath);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'gif', width: 540, height: 960, avg_frame_rate: '15/1' });
    expect(Number(probed.format.duration)).toBeCloseTo(4, 1);
    expect(probed.streams.some((s) => s.codec_type === 'audio')).toBe(false);
    // Only the GIF: no sidecars, no part file.
    expect((await readdir(dir)).filter((f) => f.startsWith('clip.'))).toEqual(['clip.gif', 'clip.json']);
  });

  it('says how to get ffmpeg when there is none, with exit code 3', async () => {
    const run = await kindness(['export', 'small.json', '--ffmpeg', '/nonexistent'], {
      PATH: '',
      KINDNESS_NO_BUNDLED_FFMPEG: '1',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('No working ffmpeg was found');
    expect(run.stderr).toContain('  - the ffmpeg you chose (/nonexistent): no such file');
    expect(run.stderr).toContain('  - FFMPEG_PATH: not set');
    expect(run.stderr).toContain('  - PATH: PATH is empty');
    expect(run.stderr).toContain('turned off (KINDNESS_NO_BUNDLED_FFMPEG=1)');
    expect(run.stderr).toContain('sudo apt-get install ffmpeg');
    expect(await readdir(dir)).not.toContain('small.mp4.part');
  });

  it('stops cleanly on Ctrl+C: exit code 130, no partial video, no ffmpeg left', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'export', 'small.json', '-o', 'interrupted.mp4', '--preset', 'draft'],
      {
        cwd: dir,
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const interrupted = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: string) => {
        stderr += d;
        if (/Exporting: [1-9]\d*%/.test(stderr) && !child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    await interrupted;
    expect(code).toBe(130);
    expect(stderr).toContain('The export was cancelled. No video was saved.');
    expect((await readdir(dir)).filter((f) => /^\.?interrupted/.test(f))).toEqual([]);
    // The hidden temp file ffmpeg wrote (`.interrupted.mp4.HOST-PID-RANDOM.part`), as a pgrep pattern.
    const part = path.join(dir, '\\.interrupted\\.mp4\\..*\\.part');
    const pgrep = await new Promise<number | null>((resolve) =>
      execFile('pgrep', ['-f', '--', part], (error) => resolve(error === null ? 0 : (error.code as number))),
    );
    expect(pgrep).toBe(1); // no process matches
  });

  it.skipIf(!existsSync(sample))('exports the sample project, post-ready, with its sidecars', async () => {
    const run = await kindness(['export', sample, '-o', 'out/be-the-reason.mp4']);
    expect(run.code).toBe(0);
    const out = path.join(dir, 'out');
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((f) => path.relative(out, f)),
    ).toEqual([
      'be-the-reason.mp4',
      'be-the-reason.srt',
      'be-the-reason.vtt',
      'be-the-reason.txt',
      'be-the-reason.cover.png',
    ]);
    const probed = await ffprobe(path.join(out, 'be-the-reason.mp4'));
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({
      codec_name: 'h264',
      profile: 'High',
      width: 1080,
      height: 1920,
      pix_fmt: 'yuv420p',
    });
    expect(Number(video?.nb_frames)).toBe(Math.round(Number(probed.format.duration) * 30));
    expect(probed.streams.find((s) => s.codec_type === 'audio')).toMatchObject({
      codec_name: 'aac',
      channels: 2,
    });
  });
});
