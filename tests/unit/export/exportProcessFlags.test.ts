import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_FRIENDLY_GLIBC_TUNABLES } from '../../../src/export/ffmpeg/mallocTunables';
import {
  EXPORT_PROCESS_FLAGS,
  exportProcessEnvironment,
  withExportProcessFlags,
} from '../../../src/export/pipeline/exportProcessFlags';
import { CANVAS_ALLOCATOR_ENVIRONMENT } from '../../../src/export/pipeline/canvasAllocator';

const root = join(import.meta.dirname, '../../..');

describe('the Node flags of an export process', () => {
  it('are added to a process’s own flags, without doubling one it already has', () => {
    expect(withExportProcessFlags(['--enable-source-maps'])).toEqual([
      '--enable-source-maps',
      ...EXPORT_PROCESS_FLAGS,
    ]);
    expect(withExportProcessFlags(['--initial-old-space-size=256'])).toEqual([
      '--initial-old-space-size=256',
      '--single-threaded-gc',
    ]);
  });

  it('are all flags this Node accepts (a bad one on the bin line would stop every command)', () => {
    const run = spawnSync(process.execPath, [...EXPORT_PROCESS_FLAGS, '-e', 'process.exit(0)'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are on the command line’s bin line, so `kindness export` runs with them', () => {
    const built = readFileSync(join(root, 'scripts/build-cli.mjs'), 'utf8');
    const bin = /banner: '(#![^']+)'/.exec(built)?.[1];
    expect(bin).toBe(`#!/usr/bin/env -S node ${EXPORT_PROCESS_FLAGS.join(' ')}`);
  });

  it('are what `npm run demo` exports the sample with', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.demo).toContain(`node ${EXPORT_PROCESS_FLAGS.join(' ')} dist/cli/kindness.js export`);
  });

  it('are what the export worker, the chunk renderers and the desktop app start with', () => {
    for (const file of [
      'src/host/node/export/exportRunner.ts',
      'src/export/chunks/childChunkFrames.ts',
      'electron/main/exportProcess.ts',
      'src/cli/commands/bench.ts',
    ]) {
      const source = readFileSync(join(root, file), 'utf8');
      expect(source, file).toMatch(/ExportProcessFlags\(|EXPORT_PROCESS_FLAGS\]/);
      expect(source, file).toMatch(/env: exportProcessEnvironment\(\)/);
    }
  });

  it('start with the malloc setting for whole frames, and keep the rest of the environment', () => {
    const env = exportProcessEnvironment({ PATH: '/usr/bin', HOME: '/home/a' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/a',
      GLIBC_TUNABLES: FRAME_FRIENDLY_GLIBC_TUNABLES,
      ...CANVAS_ALLOCATOR_ENVIRONMENT,
    });
    // A started process sees it (glibc reads it only then).
    const run = spawnSync(
      process.execPath,
      ['-e', 'process.stdout.write(String(process.env.GLIBC_TUNABLES))'],
      {
        encoding: 'utf8',
        env: exportProcessEnvironment({ PATH: process.env.PATH }),
      },
    );
    expect(run.stdout).toBe(FRAME_FRIENDLY_GLIBC_TUNABLES);
    expect(run.status).toBe(0);
  });

  it('start with the renderer’s allocator keeping freed memory, unless the user set it otherwise', () => {
    expect(exportProcessEnvironment({}).MIMALLOC_PURGE_DELAY).toBe('-1');
    expect(exportProcessEnvironment({ MIMALLOC_PURGE_DELAY: '25' }).MIMALLOC_PURGE_DELAY).toBe('25');
  });
});

describe('the renderer’s allocator in the `kindness` command', () => {
  /** What mimalloc (inside @napi-rs/canvas) says its purge delay is, or null if it says nothing. */
  function purgeDelaySeen(env: NodeJS.ProcessEnv): string | null {
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/kindness.js'), '--version'], {
      encoding: 'utf8',
      env: { ...env, MIMALLOC_VERBOSE: '1' },
    });
    expect(run.status).toBe(0);
    return /option 'purge_delay': (-?\d+)/.exec(run.stderr)?.[1] ?? null;
  }

  it('is set before the renderer loads, and a value the user set is kept', (context) => {
    const withoutSetting = { ...process.env };
    delete withoutSetting.MIMALLOC_PURGE_DELAY;
    const seen = purgeDelaySeen(withoutSetting);
    if (seen === null) {
      // A future @napi-rs/canvas without mimalloc has nothing to set.
      context.skip('the renderer’s native module does not report a mimalloc setting');
      return;
    }
    expect(seen).toBe('-1');
    expect(purgeDelaySeen({ ...withoutSetting, MIMALLOC_PURGE_DELAY: '25' })).toBe('25');
  });
});
