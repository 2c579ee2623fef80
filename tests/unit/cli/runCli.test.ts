import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, VERSION } from '../../../src/cli/cli';
import type { CliIo } from '../../../src/cli/io';
import { projectBaseName } from '../../../src/cli/openProject';
import { formatDuration, plainLine, progressLine } from '../../../src/cli/progress';

let dir: string;

function fakeIo(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    isTTY: false,
    env,
    cwd: dir,
    onInterrupt: () => () => undefined,
  };
  return io;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-cli-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kindness', () => {
  it('prints help with the exit codes, and help for each command', async () => {
    const io = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('kindness export <project>');
    expect(io.stdout).toContain('130  cancelled (Ctrl+C)');
    for (const command of ['export', 'validate', 'render-frame', 'bench']) {
      const each = fakeIo();
      expect(await runCli([command, '--help'], each)).toBe(0);
      expect(each.stdout).toMatch(new RegExp(`^Usage: kindness ${command}`));
      expect(each.stdout).toContain('3    ffmpeg was not found');
    }
  });

  it('prints its version from package.json', async () => {
    const io = fakeIo();
    expect(await runCli(['-v'], io)).toBe(0);
    expect(io.stdout).toBe(`kindness ${VERSION}\n`);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits with 2 and points at the help on a usage mistake', async () => {
    const io = fakeIo();
    expect(await runCli(['export', 'p.json', '--to', 'later'], io)).toBe(2);
    expect(io.stderr).toBe('--to takes seconds, like 2 or 1.5 (got "later").\nSee: kindness export --help\n');
  });

  it('validates a project and lists what was repaired as warnings', async () => {
    const file = path.join(dir, 'ok.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'kindness-studio',
        version: 1,
        title: 'Hi',
        scenes: [{ id: 's', duration: 3 }],
      }),
    );
    const io = fakeIo();
    expect(await runCli(['validate', 'ok.json'], io)).toBe(0);
    expect(io.stdout).toBe('ok.json is a valid project: "Hi", 1 scene, 1080x1920 at 30 fps.\n');
  });

  it('warns when a project is longer than every platform takes: 500 scenes of 600 s (issue 10)', async () => {
    const scenes = Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, duration: 600 }));
    await writeFile(
      path.join(dir, 'long.json'),
      JSON.stringify({ format: 'kindness-studio', version: 1, scenes }),
    );
    const io = fakeIo();
    expect(await runCli(['validate', 'long.json'], io)).toBe(0);
    expect(io.stderr).toMatch(/^Warning: The video is 83 h 20 min long, longer than any platform takes/);
    expect(io.stdout).toMatch(/valid project \(1 warning\)/);
  });

  it('exits with 1 for a file that is not a project', async () => {
    await writeFile(path.join(dir, 'notes.json'), '{"hello": "world"}');
    const io = fakeIo();
    expect(await runCli(['validate', 'notes.json'], io)).toBe(1);
    expect(io.stderr).toContain('notes.json');
  });

  it('exits with 1 for a missing project', async () => {
    const io = fakeIo();
    expect(await runCli(['export', 'missing.kindness'], io)).toBe(1);
    expect(io.stderr).toContain('missing.kindness');
  });
});

describe('progress', () => {
  const p = { frame: 135, totalFrames: 300, percent: 45, etaSeconds: 65.4, fps: 27.25 };
  it('draws a bar with percent, ETA and speed on a terminal', () => {
    expect(progressLine(p)).toBe('[##############................]  45%  ETA 1:05  27.3 fps');
  });
  it('writes plain lines elsewhere', () => {
    expect(plainLine(p)).toBe('Exporting: 45% (frame 135 of 300, about 1:05 left)');
    expect(plainLine({ ...p, etaSeconds: null })).toBe('Exporting: 45% (frame 135 of 300)');
  });
  it('formats durations', () => {
    expect([0, 7, 65, 3723].map(formatDuration)).toEqual(['0:00', '0:07', '1:05', '1:02:03']);
  });
});

describe('default names', () => {
  it('come from the project file name', () => {
    expect(projectBaseName('resources/samples/be-the-reason.kindness.json')).toBe('be-the-reason');
    expect(projectBaseName('/x/My Video.kindness')).toBe('My Video');
    expect(projectBaseName('plain.json')).toBe('plain');
  });
});
