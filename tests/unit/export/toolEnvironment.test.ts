import { describe, expect, it } from 'vitest';
import { FRAME_FRIENDLY_GLIBC_TUNABLES, toolEnvironment } from '../../../src/export/ffmpeg/mallocTunables';
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
