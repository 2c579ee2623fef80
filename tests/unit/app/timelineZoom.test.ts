import { describe, expect, it } from 'vitest';
import { clampZoom, followScroll, maxZoom, rulerTicks } from '../../../src/app/features/timeline/zoomMath';

describe('timeline zoom', () => {
  it('zooms from the whole video down to frames about 24 px wide', () => {
    // 10 s at 30 fps across 1000 px: 300 frames, 7.2x to make each 24 px.
    expect(maxZoom(10, 30, 1000)).toBeCloseTo(7.2);
    expect(maxZoom(1, 30, 2000)).toBe(1);
    expect(clampZoom(0.2, 10, 30, 1000)).toBe(1);
    expect(clampZoom(50, 10, 30, 1000)).toBeCloseTo(7.2);
    expect(clampZoom(Number.NaN, 10, 30, 1000)).toBe(1);
  });

  it('labels seconds when zoomed out and frames when zoomed in', () => {
    const wide = rulerTicks(10, 30, 100);
    expect(wide.map((t) => t.label)).toEqual([
      '0s',
      '1s',
      '2s',
      '3s',
      '4s',
      '5s',
      '6s',
      '7s',
      '8s',
      '9s',
      '10s',
    ]);
    const long = rulerTicks(120, 30, 10);
    expect(long[1]?.label).toBe('10s');
    const deep = rulerTicks(2, 30, 30 * 24);
    // 24 px a frame: a tick every 5 frames (120 px), labelled by the frame within its second.
    expect(deep.slice(0, 4).map((t) => t.label)).toEqual(['0s', '5f', '10f', '15f']);
    // Every frame at the deepest zoom on a short clip.
    const frames = rulerTicks(1, 24, 24 * 60);
    expect(frames.slice(0, 3).map((t) => t.label)).toEqual(['0s', '1f', '2f']);
    expect(frames[24]).toEqual({ time: 1, label: '1s', major: true });
  });

  it('keeps ticks on whole frames and never drifts', () => {
    for (const tick of rulerTicks(7.5, 25, 400)) {
      expect(Math.abs(tick.time * 25 - Math.round(tick.time * 25))).toBeLessThan(1e-9);
    }
  });

  it('scrolls to keep the playhead in view while playing', () => {
    expect(followScroll(500, 0, 800, 4000)).toBe(0);
    expect(followScroll(900, 0, 800, 4000)).toBe(820);
    expect(followScroll(3990, 3000, 800, 4000)).toBe(3200);
    expect(followScroll(100, 2000, 800, 4000)).toBe(20);
  });
});
