import type { Easing, EasingName } from '../schema';

/**
 * Easing curves: progress p in 0..1 -> eased progress (Back and Elastic overshoot outside 0..1
 * on purpose). The named ones are the easings.net formulas; `hold` jumps at the very end.
 */

const C1 = 1.70158;
const C2 = C1 * 1.525;
const C3 = C1 + 1;
const C4 = (2 * Math.PI) / 3;
const C5 = (2 * Math.PI) / 4.5;
const N1 = 7.5625;
const D1 = 2.75;

function easeOutBounce(x: number): number {
  if (x < 1 / D1) return N1 * x * x;
  if (x < 2 / D1) {
    const u = x - 1.5 / D1;
    return N1 * u * u + 0.75;
  }
  if (x < 2.5 / D1) {
    const u = x - 2.25 / D1;
    return N1 * u * u + 0.9375;
  }
  const u = x - 2.625 / D1;
  return N1 * u * u + 0.984375;
}

/** One function per name; a plain object lookup keeps the per-sample cost to a call. */
const NAMED: Readonly<Record<EasingName, (x: number) => number>> = {
  linear: (x) => x,
  hold: (x) => (x >= 1 ? 1 : 0),

  easeInSine: (x) => 1 - Math.cos((x * Math.PI) / 2),
  easeOutSine: (x) => Math.sin((x * Math.PI) / 2),
  easeInOutSine: (x) => -(Math.cos(Math.PI * x) - 1) / 2,

  easeInQuad: (x) => x * x,
  easeOutQuad: (x) => 1 - (1 - x) * (1 - x),
  easeInOutQuad: (x) => (x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2),

  easeInCubic: (x) => x * x * x,
  easeOutCubic: (x) => 1 - (1 - x) ** 3,
  easeInOutCubic,

  easeInBack: (x) => C3 * x * x * x - C1 * x * x,
  easeOutBack: (x) => 1 + C3 * (x - 1) ** 3 + C1 * (x - 1) ** 2,
  easeInOutBack: (x) =>
    x < 0.5
      ? ((2 * x) ** 2 * ((C2 + 1) * 2 * x - C2)) / 2
      : ((2 * x - 2) ** 2 * ((C2 + 1) * (x * 2 - 2) + C2) + 2) / 2,

  easeInElastic: (x) => (x <= 0 ? 0 : x >= 1 ? 1 : -(2 ** (10 * x - 10)) * Math.sin((x * 10 - 10.75) * C4)),
  easeOutElastic: (x) => (x <= 0 ? 0 : x >= 1 ? 1 : 2 ** (-10 * x) * Math.sin((x * 10 - 0.75) * C4) + 1),
  easeInOutElastic: (x) =>
    x <= 0
      ? 0
      : x >= 1
        ? 1
        : x < 0.5
          ? -(2 ** (20 * x - 10) * Math.sin((20 * x - 11.125) * C5)) / 2
          : (2 ** (-20 * x + 10) * Math.sin((20 * x - 11.125) * C5)) / 2 + 1,

  easeInBounce: (x) => 1 - easeOutBounce(1 - x),
  easeOutBounce,
  easeInOutBounce: (x) => (x < 0.5 ? (1 - easeOutBounce(1 - 2 * x)) / 2 : (1 + easeOutBounce(2 * x - 1)) / 2),
};

/** Used by scene transitions; exported so they share the exact curve. */
export function easeInOutCubic(x: number): number {
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** Eased progress for `p` (clamped to 0..1). */
export function ease(easing: Easing, p: number): number {
  const x = p > 0 ? (p < 1 ? p : 1) : 0; // also maps NaN to 0
  if (typeof easing === 'string') return NAMED[easing](x);
  return cubicBezier(easing.x1, easing.y1, easing.x2, easing.y2, x);
}

const NEWTON_ITERATIONS = 8;
const BISECTION_ITERATIONS = 50;
const EPSILON = 1e-7;

/**
 * CSS `cubic-bezier(x1, y1, x2, y2)` at progress p: solve x(t) = p for the curve parameter t,
 * then return y(t). Newton's method converges in a few steps almost everywhere; where the slope
 * is flat it can wander, so bisection (x is monotonic because x1, x2 lie in 0..1) finishes the
 * job. The polynomial coefficients are a handful of multiplications: recomputing them is cheaper
 * than any cache lookup, and nothing is allocated.
 */
export function cubicBezier(x1: number, y1: number, x2: number, y2: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // B(t) = ((a t + b) t + c) t with a = 1 - 3 x2 + 3 x1, b = 3 x2 - 6 x1, c = 3 x1.
  const cx = 3 * x1;
  const bx = 3 * (x2 - x1) - cx;
  const ax = 1 - cx - bx;
  const cy = 3 * y1;
  const by = 3 * (y2 - y1) - cy;
  const ay = 1 - cy - by;

  let t = p;
  let solved = false;
  for (let i = 0; i < NEWTON_ITERATIONS; i++) {
    const err = ((ax * t + bx) * t + cx) * t - p;
    if (Math.abs(err) < EPSILON) {
      solved = true;
      break;
    }
    const slope = (3 * ax * t + 2 * bx) * t + cx;
    if (Math.abs(slope) < 1e-6) break;
    t -= err / slope;
  }
  if (!solved || t < 0 || t > 1) {
    let lo = 0;
    let hi = 1;
    t = p;
    for (let i = 0; i < BISECTION_ITERATIONS; i++) {
      const x = ((ax * t + bx) * t + cx) * t;
      if (Math.abs(x - p) < EPSILON) break;
      if (x < p) lo = t;
      else hi = t;
      t = (lo + hi) / 2;
    }
  }
  return ((ay * t + by) * t + cy) * t;
}
