import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAlignCorpus, wavBytes, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import { openProjectFile } from '../../src/host/node/projectFile';
import { smallProject } from './fixtures';

/**
 * `kindness align` through the real command: a voice synthesised word by word with espeak-ng
 * (needs espeak-ng and sox: `sudo apt-get install espeak-ng sox`), so the true word times are
 * known.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
let dir: string;
let voice: CorpusSentence;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kindness(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

interface Printed {
  captions: {
    start: number;
    end: number;
    text: string;
    words: { start: number; end: number; text: string }[];
  }[];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kindness-align-it-'));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  [voice] = (await buildAlignCorpus({ seed: 7, count: 1, languages: ['en'] })) as [CorpusSentence];
  await writeFile(path.join(dir, 'voice.wav'), wavBytes(voice.samples, voice.sampleRate));
  await writeFile(path.join(dir, 'script.txt'), `${voice.lines.join('\n')}\n\n`);
  await writeFile(path.join(dir, 'notes.txt'), 'not a sound');
  const { project } = smallProject({ seconds: 12, withAudio: false });
  await writeFile(path.join(dir, 'small.json'), JSON.stringify(project));
  await writeFile(path.join(dir, 'uncaptioned.json'), JSON.stringify({ ...project, captions: [] }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kindness align', () => {
  it('times a script to the voice, one caption per line, and saves the sound with the captions', async () => {
    const run = await kindness([
      'align',
      'small.json',
      '--audio',
      'voice.wav',
      '--script',
      'script.txt',
      '-o',
      'timed.kindness',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed.captions.map((c) => c.text)).toEqual(voice.lines);
    const words = printed.captions.flatMap((c) => c.words);
    expect(words.map((w) => w.text)).toEqual(voice.words.map((w) => w.text));
    const errors = words
      .map((w, i) => Math.abs(w.start - (voice.words[i]?.start ?? 0)))
      .sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThanOrEqual(0.12);

    const opened = await openProjectFile(path.join(dir, 'timed.kindness'));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.project.audio).toHaveLength(1);
    expect(opened.project.audio[0]?.start).toBe(0);
    expect(opened.project.captions.map((c) => [c.start, c.end])).toEqual(
      printed.captions.map((c) => [c.start, c.end]),
    );
    expect(opened.project.captions[0]?.words?.[0]?.text).toBe(voice.words[0]?.text);
  });

  it("without --script times the project's own captions and uses the project's clip of that sound", async () => {
    const run = await kindness(['align', 'timed.kindness', '--audio', 'voice.wav', '-o', 'again.kindness']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Timed \d+ captions to voice\.wav/);
    const opened = await openProjectFile(path.join(dir, 'again.kindness'));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.project.audio).toHaveLength(1);
    expect(opened.project.captions.map((c) => c.text)).toEqual(voice.lines);
  });

  it('explains what is missing or wrong with exit code 2', async () => {
    const noAudio = await kindness(['align', 'small.json', '-o', 'x.kindness']);
    expect(noAudio.code).toBe(2);
    expect(noAudio.stderr).toContain('Which voice? Give the sound file with --audio');
    const notSound = await kindness(['align', 'small.json', '--audio', 'notes.txt', '-o', 'x.kindness']);
    expect(notSound.code).toBe(2);
    expect(notSound.stderr).toContain('is not a sound file the studio takes');
    const noCaptions = await kindness([
      'align',
      'uncaptioned.json',
      '--audio',
      'voice.wav',
      '-o',
      'x.kindness',
    ]);
    expect(noCaptions.code).toBe(2);
    expect(noCaptions.stderr).toContain('The project has no captions to time');
    const help = await kindness(['align', '--help']);
    expect(help.stdout).toContain('Usage: kindness align <project> --audio');
  });
});
