import { describe, expect, it } from 'vitest';
import { EASING_NAMES } from '../../../src/core/schema';
import type { EasingName } from '../../../src/core/schema';
import { cubicBezier, ease } from '../../../src/core/timeline/easing';

/** Values at p = 0.5 worked out by hand from the easings.net formulas. */
const AT_HALF: Record<EasingName, number> = {
  linear: 0.5,
  hold: 0,
  easeInSine: 1 - Math.SQRT1_2,
  easeOutSine: Math.SQRT1_2,
  easeInOutSine: 0.5,
  easeInQuad: 0.25,
  easeOutQuad: 0.75,
  easeInOutQuad: 0.5,
  easeInCubic: 0.125,
  easeOutCubic: 0.875,
  easeInOutCubic: 0.5,
  easeInBack: 2.70158 * 0.125 - 1.70158 * 0.25,
  easeOutBack: 1 - 2.70158 * 0.125 + 1.70158 * 0.25,
  easeInOutBack: 0.5,
  easeInElastic: -1 / 64,
  easeOutElastic: 1 + 1 / 64,
  easeInOutElastic: 0.5,
  easeInBounce: 1 - 0.765625,
  easeOutBounce: 0.765625,
  easeInOutBounce: 0.5,
};

describe('named easings', () => {
  it.each(EASING_NAMES)('%s starts at 0, ends at 1 and has the textbook value halfway', (name) => {
    expect(ease(name, 0)).toBeCloseTo(0, 12);
    expect(ease(name, 1)).toBeCloseTo(1, 12);
    expect(ease(name, 0.5)).toBeCloseTo(AT_HALF[name], 10);
  });

  it('covers every easing name the schema allows', () => {
    expect(Object.keys(AT_HALF).sort()).toEqual([...EASING_NAMES].sort());
  });

  it('hold stays on the old value until the very end of the segment', () => {
    expect(ease('hold', 0.999)).toBe(0);
    expect(ease('hold', 1)).toBe(1);
  });

  it.each([
    'linear',
    'hold',
    'easeInSine',
    'easeOutSine',
    'easeInOutSine',
    'easeInQuad',
    'easeOutQuad',
    'easeInOutQuad',
    'easeInCubic',
    'easeOutCubic',
    'easeInOutCubic',
  ] as const)('%s never moves backwards', (name) => {
    let prev = -Infinity;
    for (let i = 0; i <= 200; i++) {
      const v = ease(name, i / 200);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
  });

  it('Back overshoots the target before settling, like a spring', () => {
    expect(Math.max(...Array.from({ length: 101 }, (_, i) => ease('easeOutBack', i / 100)))).toBeGreaterThan(
      1,
    );
    expect(Math.min(...Array.from({ length: 101 }, (_, i) => ease('easeInBack', i / 100)))).toBeLessThan(0);
  });

  it('clamps progress outside 0..1', () => {
    expect(ease('easeOutCubic', -3)).toBe(0);
    expect(ease('easeOutCubic', 7)).toBe(1);
    expect(ease('linear', Number.NaN)).toBe(0);
  });
});

/** Reference: solve x(t) = p by plain bisection to near machine precision. */
function bezierReference(x1: number, y1: number, x2: number, y2: number, p: number): number {
  const bez = (a: number, b: number, t: number) =>
    3 * a * t * (1 - t) ** 2 + 3 * b * t * t * (1 - t) + t ** 3;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (bez(x1, x2, mid) < p) lo = mid;
    else hi = mid;
  }
  return bez(y1, y2, (lo + hi) / 2);
}

describe('cubic-bezier easing', () => {
  it("matches CSS 'ease' (0.25, 0.1, 0.25, 1) halfway", () => {
    expect(ease({ type: 'cubicBezier', x1: 0.25, y1: 0.1, x2: 0.25, y2: 1 }, 0.5)).toBeCloseTo(0.8024, 4);
  });

  it('is the identity for (0, 0, 1, 1) and exact at the ends', () => {
    for (const p of [0, 0.1, 0.33, 0.5, 0.9, 1]) expect(cubicBezier(0, 0, 1, 1, p)).toBeCloseTo(p, 6);
    expect(cubicBezier(0.6, -0.5, 0.4, 1.5, 0)).toBe(0);
    expect(cubicBezier(0.6, -0.5, 0.4, 1.5, 1)).toBe(1);
  });

  it.each([
    [0.42, 0, 0.58, 1],
    [0, 0, 0, 1],
    [1, 0, 1, 0],
    [0.68, -0.55, 0.265, 1.55],
    [0.9, 0.1, 0.1, 0.9],
  ])('agrees with a brute-force solution for (%s, %s, %s, %s), flat slopes included', (x1, y1, x2, y2) => {
    for (let i = 1; i < 50; i++) {
      const p = i / 50;
      expect(cubicBezier(x1, y1, x2, y2, p)).toBeCloseTo(bezierReference(x1, y1, x2, y2, p), 5);
    }
  });
});
