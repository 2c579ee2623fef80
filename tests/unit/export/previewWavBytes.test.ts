import { describe, expect, it } from 'vitest';
import { previewWavBytes } from '../../../src/export';
import { MAX_ASSET_BYTES } from '../../../src/host/node/assetBytes';

describe('the size of a sound preview', () => {
  it('is 16-bit stereo at 44.1 kHz up to 8 minutes, then mono at 22.05 kHz', () => {
    expect(previewWavBytes(60)).toBe(44 + 60 * 44_100 * 4);
    expect(previewWavBytes(10 * 60)).toBe(44 + 10 * 60 * 22_050 * 2);
  });

  it('stays under the largest file the studio takes in up to about 19 minutes, so longer ones are refused', () => {
    expect(previewWavBytes(19 * 60)).toBeLessThan(MAX_ASSET_BYTES);
    expect(previewWavBytes(20 * 60)).toBeGreaterThan(MAX_ASSET_BYTES);
  });
});
