import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFfmpeg, discoverFfprobe, FfmpegNotFoundError } from '../../../src/export/ffmpeg/discover';

let root: string;

/** A shell script that answers like ffmpeg: `-version` and `-encoders`. */
async function fakeTool(
  dir: string,
  opts: { name?: string; version?: string; encoders?: string[]; executable?: boolean; hang?: boolean } = {},
): Promise<string> {
  const name = opts.name ?? 'ffmpeg';
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const tool = name.startsWith('ffprobe') ? 'ffprobe' : 'ffmpeg';
  const encoders = (opts.encoders ?? ['libx264', 'aac'])
    .map((e) => (e === 'aac' ? ` A....D ${e}                  AAC` : ` V....D ${e}              H.264`))
    .join('\n');
  // Like ffmpeg: the banner (with the version) on stderr every time, the answer on stdout.
  const script = [
    '#!/bin/sh',
    opts.hang === true ? 'sleep 30' : '',
    `echo "${tool} version ${opts.version ?? '6.1.1'} Copyright (c) the FFmpeg developers" >&2`,
    'for a in "$@"; do',
    `  if [ "$a" = "-version" ]; then echo "${tool} version ${opts.version ?? '6.1.1'}"; exit 0; fi`,
    `  if [ "$a" = "-encoders" ]; then printf 'Encoders:\\n ------\\n%s\\n' '${encoders}'; exit 0; fi`,
    'done',
    'exit 1',
  ].join('\n');
  await writeFile(file, script);
  await chmod(file, opts.executable === false ? 0o644 : 0o755);
  return file;
}

const NO_ENV = { PATH: '' };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kindness-discover-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('finding ffmpeg', () => {
  it('uses the configured path first', async () => {
    const configured = await fakeTool(path.join(root, 'configured'), { version: '7.0' });
    const env = { FFMPEG_PATH: await fakeTool(path.join(root, 'env')), PATH: '' };
    const found = await discoverFfmpeg({ configuredPath: configured, env, bundled: false });
    expect(found).toMatchObject({ path: configured, version: '7.0', source: 'configured', skipped: [] });
  });

  it('prefers FFMPEG_PATH over PATH, and PATH over the bundled binary', async () => {
    const fromEnv = await fakeTool(path.join(root, 'order-env'));
    const pathDir = path.join(root, 'order-path');
    const onPath = await fakeTool(pathDir);
    const bundled = await fakeTool(path.join(root, 'order-bundled'));
    expect((await discoverFfmpeg({ env: { FFMPEG_PATH: fromEnv, PATH: pathDir }, bundled })).source).toBe(
      'FFMPEG_PATH',
    );
    expect(await discoverFfmpeg({ env: { PATH: pathDir }, bundled })).toMatchObject({
      source: 'PATH',
      path: onPath,
    });
    expect(await discoverFfmpeg({ env: NO_ENV, bundled })).toMatchObject({
      source: 'bundled',
      path: bundled,
    });
  });

  it('takes the first folder on PATH that has an ffmpeg', async () => {
    const empty = path.join(root, 'path-empty');
    await mkdir(empty, { recursive: true });
    const second = path.join(root, 'path-second');
    const file = await fakeTool(second);
    const found = await discoverFfmpeg({
      env: { PATH: [empty, second].join(path.delimiter) },
      bundled: false,
    });
    expect(found.path).toBe(file);
  });

  it('falls back when the chosen ffmpeg does not work, and says why', async () => {
    const fromEnv = await fakeTool(path.join(root, 'fallback-env'));
    const found = await discoverFfmpeg({
      configuredPath: path.join(root, 'nowhere', 'ffmpeg'),
      env: { FFMPEG_PATH: fromEnv, PATH: '' },
      bundled: false,
    });
    expect(found.source).toBe('FFMPEG_PATH');
    expect(found.skipped).toEqual([
      { source: 'configured', path: path.join(root, 'nowhere', 'ffmpeg'), problem: 'no such file' },
    ]);
  });

  it('names everything it tried, why each failed, and how to fix it', async () => {
    const noX264 = await fakeTool(path.join(root, 'no-x264'), { version: '4.2', encoders: ['aac'] });
    const notExecutable = await fakeTool(path.join(root, 'not-exec'), { executable: false });
    const err = await discoverFfmpeg({
      configuredPath: '/nonexistent',
      env: { FFMPEG_PATH: noX264, PATH: path.dirname(notExecutable), KINDNESS_NO_BUNDLED_FFMPEG: '1' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FfmpegNotFoundError);
    expect((err as Error).message).toBe(
      [
        'No working ffmpeg was found, so the video cannot be made. Tried:',
        '  - the ffmpeg you chose (/nonexistent): no such file',
        `  - FFMPEG_PATH (${noX264}): version 4.2 lacks the H.264 encoder (libx264)`,
        `  - PATH (${notExecutable}): is not executable (make it so with: chmod +x "${notExecutable}")`,
        '  - the ffmpeg bundled with Kindness Studio: turned off (KINDNESS_NO_BUNDLED_FFMPEG=1)',
        'Install ffmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg) or set FFMPEG_PATH to an ffmpeg binary.',
      ].join('\n'),
    );
  });

  it('says when nothing was configured and PATH is empty', async () => {
    const err = (await discoverFfmpeg({ env: NO_ENV, bundled: false }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('  - the ffmpeg you chose: none chosen');
    expect(err.message).toContain('  - FFMPEG_PATH: not set');
    expect(err.message).toContain('  - PATH: PATH is empty');
    expect(err.message).toContain('  - the ffmpeg bundled with Kindness Studio: turned off');
  });

  it('gives up on a program that does not answer', async () => {
    const slow = await fakeTool(path.join(root, 'hang'), { hang: true });
    const err = (await discoverFfmpeg({
      configuredPath: slow,
      env: NO_ENV,
      bundled: false,
      timeoutMs: 300,
    }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`the ffmpeg you chose (${slow}): did not answer within 0.3 s`);
  });

  it('rejects a program that is not ffmpeg', async () => {
    const other = path.join(root, 'other', 'ffmpeg');
    await mkdir(path.dirname(other), { recursive: true });
    await writeFile(other, '#!/bin/sh\necho hello\n');
    await chmod(other, 0o755);
    const err = (await discoverFfmpeg({ configuredPath: other, env: NO_ENV, bundled: false }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toContain(
      `(${other}): is not a working ffmpeg (\`ffmpeg -encoders\` printed something else)`,
    );
  });

  it('finds ffprobe next to the ffmpeg in use', async () => {
    const dir = path.join(root, 'pair');
    const ffmpeg = await fakeTool(dir);
    const ffprobe = await fakeTool(dir, { name: 'ffprobe', version: '6.1.1' });
    expect(await discoverFfprobe({ besideFfmpeg: ffmpeg, env: NO_ENV })).toEqual({
      path: ffprobe,
      version: '6.1.1',
    });
  });
});
