import { describe, expect, it } from 'vitest';
import { DARK_INK, LIGHT_INK, inkOn } from '../../../src/core/edit';

describe('the ink of a new text or arrow', () => {
  it('is white on a dark scene and dark on a light one', () => {
    expect(inkOn({ type: 'solid', color: '#1d1b2e' })).toBe(LIGHT_INK);
    expect(inkOn({ type: 'solid', color: '#fff6e5' })).toBe(DARK_INK);
    expect(inkOn({ type: 'solid', color: '#ffe066' })).toBe(DARK_INK);
  });

  it('reads on every colour of a gradient, going by the one it reads worst on', () => {
    const sky = { offset: 0, color: '#dff3ff' };
    expect(inkOn({ type: 'gradient', angle: 0, stops: [sky, { offset: 1, color: '#9fd0f5' }] })).toBe(
      DARK_INK,
    );
    // A night sky: white.
    const night = { offset: 0, color: '#0f1b3d' };
    expect(inkOn({ type: 'gradient', angle: 0, stops: [night, { offset: 1, color: '#27306b' }] })).toBe(
      LIGHT_INK,
    );
  });
});
