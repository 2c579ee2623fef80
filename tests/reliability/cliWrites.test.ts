import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallProject } from '../integration/fixtures';

/**
 * Issue 10 through the `kindness` command: it never writes over its own input, never replaces an
 * existing file without --force, refuses a second export to a name being written, never hangs on
 * a special file, and clears what an export killed with SIGKILL left behind.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
let dir = '';
let projectBytes = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kindness(args: string[], cwd = dir, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** No process has `folder` in its command line any more (the ffmpeg of a killed export ends too). */
async function noProcessUses(folder: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('pgrep', ['-f', '--', folder]);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-cliwrites-'));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  const { project } = smallProject({ seconds: 2, withAudio: false });
  projectBytes = JSON.stringify(project);
  await writeFile(path.join(dir, 'small.json'), projectBytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI never writes over its own input', () => {
  it('export -o onto the project is refused, even with --force, and the project is unchanged', async () => {
    for (const extra of [[], ['--force']]) {
      const run = await kindness(['export', 'small.json', '-o', 'small.json', '--preset', 'draft', ...extra]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `Refusing to write ${path.join(dir, 'small.json')}: it is the project being read`,
      );
      expect(await readFile(path.join(dir, 'small.json'), 'utf8')).toBe(projectBytes);
    }
  });

  it('render-frame -o onto the project is refused, and the project is unchanged', async () => {
    const run = await kindness(['render-frame', 'small.json', '-o', './small.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is the project being read');
    expect(await readFile(path.join(dir, 'small.json'), 'utf8')).toBe(projectBytes);
  });
});

describe('the CLI replaces an existing file only with --force', () => {
  it('render-frame onto an existing picture is refused, naming it; --force replaces it', async () => {
    const picture = path.join(dir, 'frame.png');
    await writeFile(picture, 'my picture');
    const refused = await kindness(['render-frame', 'small.json', '-o', 'frame.png']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`this file already exists and would be replaced:\n  ${picture}`);
    expect(refused.stderr).toContain('--force');
    expect(await readFile(picture, 'utf8')).toBe('my picture');
    const forced = await kindness(['render-frame', 'small.json', '-o', 'frame.png', '--force']);
    expect(forced.code).toBe(0);
    expect((await readFile(picture)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('an export beside an existing NAME.srt is refused, naming it, and the captions are kept', async () => {
    const captions = path.join(dir, 'kept.srt');
    await writeFile(captions, 'my hand-edited captions');
    const run = await kindness(['export', 'small.json', '-o', 'kept.mp4', '--preset', 'draft']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`  ${captions}`);
    expect(await readFile(captions, 'utf8')).toBe('my hand-edited captions');
    expect(await exists(path.join(dir, 'kept.mp4'))).toBe(false);
  });
});

describe('two CLI exports to the same name at once', () => {
  it('one makes the video (which decodes), the other is refused clearly; nothing is mixed', async () => {
    const args = ['export', 'small.json', '-o', 'twice.mp4', '--preset', 'draft', '--no-sidecars'];
    const runs = await Promise.all([kindness(args), kindness(args)]);
    const done = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code !== 0);
    expect(done.length).toBe(1);
    expect(refused.length).toBe(1);
    expect(refused[0]?.stderr).toMatch(/another export is writing .*twice\.mp4|already exists/);
    execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', path.join(dir, 'twice.mp4'), '-f', 'null', '-']);
    expect((await readdir(dir)).filter((f) => f.includes('twice') && f !== 'twice.mp4')).toEqual([]);
  });
});

describe('special files', () => {
  it('validate on a named pipe answers at once (exit 1, "named pipe") instead of waiting forever', async () => {
    const pipe = path.join(dir, 'pipe.kindness');
    execFileSync('mkfifo', [pipe]);
    const run = await kindness(['validate', 'pipe.kindness'], dir, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is a named pipe, not a file');
  });

  it('validate on a device (/dev/zero) answers at once instead of reading forever', async () => {
    const run = await kindness(['validate', '/dev/zero'], dir, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is a device, not a file');
  });
});

describe('an export killed with SIGKILL', () => {
  it('leaves its temp file only until the next export in that folder clears it', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'export', 'small.json', '-o', 'killed.mp4', '--preset', 'draft'],
      {
        cwd: dir,
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const killed = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: string) => {
        stderr += d;
        if (/Exporting: [1-9]\d*%/.test(stderr) && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('close', resolve));
    await killed;
    // Its ffmpeg ends too (its input closed); the temp name may be hidden: `.killed.mp4.…part`.
    await noProcessUses(path.join(dir, '\\.?killed'));
    const leftovers = (await readdir(dir)).filter((f) => f.includes('killed'));
    // What the kill left: the half-written video (and the name's reservation).
    expect(leftovers.some((f) => f.endsWith('.part'))).toBe(true);
    const next = await kindness([
      'export',
      'small.json',
      '-o',
      'next.mp4',
      '--preset',
      'draft',
      '--no-sidecars',
    ]);
    expect(next.code).toBe(0);
    expect((await readdir(dir)).filter((f) => f.includes('killed'))).toEqual([]);
  });
});
