import type { ColorKeyframe, Easing, NumberKeyframe } from '../schema';
import { ease } from './easing';
import { mixColors } from './color';

interface Timed {
  readonly time: number;
}

/**
 * Index of the last keyframe at or before t, for a sorted track with
 * track[0].time <= t < track[last].time (so the segment [i, i + 1] exists).
 */
function segmentStart(track: readonly Timed[], t: number): number {
  let lo = 0;
  let hi = track.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((track[mid] as Timed).time <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

interface Keyframe<V> extends Timed {
  readonly value: V;
  readonly easing: Easing;
}

/**
 * A track at time t (seconds from the scene start). Before the first keyframe the first value
 * holds, after the last one the last value. Between two keyframes the easing of the earlier
 * one shapes the motion and `mix` blends the two values. No track or an empty one gives
 * `fallback`. `mix` is a module-level function, so sampling allocates nothing.
 */
function sampleTrack<V>(
  track: readonly Keyframe<V>[] | undefined,
  t: number,
  fallback: V,
  mix: (a: V, b: V, e: number) => V,
): V {
  if (track === undefined || track.length === 0) return fallback;
  const first = track[0] as Keyframe<V>;
  if (!(t > first.time)) return first.value; // also NaN
  const last = track[track.length - 1] as Keyframe<V>;
  if (t >= last.time) return last.value;
  const i = segmentStart(track, t);
  const a = track[i] as Keyframe<V>;
  const b = track[i + 1] as Keyframe<V>;
  const span = b.time - a.time;
  if (span <= 0) return b.value;
  return mix(a.value, b.value, ease(a.easing, (t - a.time) / span));
}

function mixNumbers(a: number, b: number, e: number): number {
  return a + (b - a) * e;
}

function mixColorValues(a: string, b: string, e: number): string {
  // The exact keyframe strings at the ends keep `#abc` as written (and avoid a re-format).
  if (e === 0) return a;
  if (e === 1) return b;
  return mixColors(a, b, e);
}

/** A number track at time t; see `sampleTrack` for the hold and easing rules. */
export function sampleNumberTrack(
  track: readonly NumberKeyframe[] | undefined,
  t: number,
  fallback: number,
): number {
  return sampleTrack(track, t, fallback, mixNumbers);
}

/** A colour track at time t, interpolated per RGBA channel; the same rules as numbers. */
export function sampleColorTrack(
  track: readonly ColorKeyframe[] | undefined,
  t: number,
  fallback: string,
): string {
  return sampleTrack(track, t, fallback, mixColorValues);
}

/**
 * A choice track (a character's expression or mouth) at time t: the value of the last keyframe
 * at or before t, the first one's before it. Choices never blend, whatever the easing says.
 */
export function sampleChoiceTrack<V extends string>(
  track: readonly { readonly time: number; readonly value: V }[] | undefined,
  t: number,
  fallback: V,
): V {
  if (track === undefined || track.length === 0) return fallback;
  const first = track[0] as { time: number; value: V };
  if (!(t >= first.time)) return first.value; // also NaN
  const last = track[track.length - 1] as { time: number; value: V };
  if (t >= last.time) return last.value;
  return (track[segmentStart(track, t)] as { value: V }).value;
}
