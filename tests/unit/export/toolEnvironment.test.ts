import { describe, expect, it } from 'vitest';
import {
  FRAME_FRIENDLY_GLIBC_TUNABLES,
  toolEnvironment,
  useFrameFriendlyMalloc,
  withFrameFriendlyMalloc,
} from '../../../src/export/ffmpeg/mallocTunables';
import { runTool } from '../../../src/export/ffmpeg/runTool';

/**
 * The malloc setting that suits the encoder (whole frames through a pipe) made every other tool
 * keep the memory it freed: the decode check of a 10 min video peaked at 187 MB instead of 101.
 * Tools run without it; a setting the user made themselves is left alone.
 */
describe('the environment of the tools the exporter runs', () => {
  it('drops the frame-friendly malloc setting and keeps everything else', () => {
    const env = { PATH: '/usr/bin', GLIBC_TUNABLES: FRAME_FRIENDLY_GLIBC_TUNABLES };
    expect(toolEnvironment(env)).toEqual({ PATH: '/usr/bin' });
  });

  it('keeps a malloc setting of the user', () => {
    const env = { PATH: '/usr/bin', GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(toolEnvironment(env)).toBe(env);
    // The user's setting behind ours (an export process, or the encoder): theirs alone.
    const both = { PATH: '/usr/bin', GLIBC_TUNABLES: withFrameFriendlyMalloc('glibc.malloc.arena_max=2') };
    expect(toolEnvironment(both)).toEqual(env);
  });

  it('puts ours in front of a setting the user made, once', () => {
    expect(withFrameFriendlyMalloc(undefined)).toBe(FRAME_FRIENDLY_GLIBC_TUNABLES);
    expect(withFrameFriendlyMalloc('')).toBe(FRAME_FRIENDLY_GLIBC_TUNABLES);
    // glibc lets a later entry win: the user's own value for a tunable stays in force.
    const theirs = 'glibc.malloc.mmap_threshold=131072';
    expect(withFrameFriendlyMalloc(theirs)).toBe(`${FRAME_FRIENDLY_GLIBC_TUNABLES}:${theirs}`);
    expect(withFrameFriendlyMalloc(withFrameFriendlyMalloc(theirs))).toBe(
      `${FRAME_FRIENDLY_GLIBC_TUNABLES}:${theirs}`,
    );
    const env: NodeJS.ProcessEnv = {};
    useFrameFriendlyMalloc(env);
    useFrameFriendlyMalloc(env);
    expect(env.GLIBC_TUNABLES).toBe(FRAME_FRIENDLY_GLIBC_TUNABLES);
  });

  it('is what runTool starts a tool with', async () => {
    const before = process.env.GLIBC_TUNABLES;
    process.env.GLIBC_TUNABLES = FRAME_FRIENDLY_GLIBC_TUNABLES;
    try {
      const result = await runTool(
        process.execPath,
        ['-e', 'process.stdout.write(String(process.env.GLIBC_TUNABLES))'],
        30_000,
      );
      expect(result.stdout).toBe('undefined');
    } finally {
      if (before === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = before;
    }
  });
});
