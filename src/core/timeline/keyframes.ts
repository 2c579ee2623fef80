import type { ColorKeyframe, NumberKeyframe } from '../schema';
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

/**
 * A number track at time t (seconds from the scene start). Before the first keyframe the
 * first value holds, after the last one the last value. Between two keyframes the easing of
 * the earlier one shapes the motion. No track or an empty one gives `fallback`.
 */
export function sampleNumberTrack(
  track: readonly NumberKeyframe[] | undefined,
  t: number,
  fallback: number,
): number {
  if (track === undefined || track.length === 0) return fallback;
  const first = track[0] as NumberKeyframe;
  if (!(t > first.time)) return first.value; // also NaN
  const last = track[track.length - 1] as NumberKeyframe;
  if (t >= last.time) return last.value;
  const i = segmentStart(track, t);
  const a = track[i] as NumberKeyframe;
  const b = track[i + 1] as NumberKeyframe;
  const span = b.time - a.time;
  if (span <= 0) return b.value;
  const e = ease(a.easing, (t - a.time) / span);
  return a.value + (b.value - a.value) * e;
}

/** A colour track at time t, interpolated per RGBA channel; the same hold rules as numbers. */
export function sampleColorTrack(
  track: readonly ColorKeyframe[] | undefined,
  t: number,
  fallback: string,
): string {
  if (track === undefined || track.length === 0) return fallback;
  const first = track[0] as ColorKeyframe;
  if (!(t > first.time)) return first.value;
  const last = track[track.length - 1] as ColorKeyframe;
  if (t >= last.time) return last.value;
  const i = segmentStart(track, t);
  const a = track[i] as ColorKeyframe;
  const b = track[i + 1] as ColorKeyframe;
  const span = b.time - a.time;
  if (span <= 0) return b.value;
  const e = ease(a.easing, (t - a.time) / span);
  // The exact keyframe strings at the ends keep `#abc` as written (and avoid a re-format).
  if (e === 0) return a.value;
  if (e === 1) return b.value;
  return mixColors(a.value, b.value, e);
}
