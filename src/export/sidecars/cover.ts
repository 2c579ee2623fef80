import type { Caption, Scene } from '../../core/schema';

/**
 * When to take the cover picture, in project seconds: the middle of the first caption in the
 * range (its text is fully on screen), else 1 s in, or the first scene's middle when that
 * scene is shorter than 2 s; always inside the range.
 */
export function coverTime(
  captions: readonly Caption[],
  scenes: readonly Pick<Scene, 'duration'>[],
  rangeStart: number,
  rangeEnd: number,
): number {
  const inRange = captions
    .filter((c) => c.end > rangeStart && c.start < rangeEnd)
    .sort((a, b) => a.start - b.start)[0];
  let t: number;
  if (inRange !== undefined) {
    t = (Math.max(inRange.start, rangeStart) + Math.min(inRange.end, rangeEnd)) / 2;
  } else {
    const firstScene = scenes[0]?.duration ?? 2;
    t = rangeStart + Math.min(1, firstScene / 2);
  }
  return Math.min(Math.max(t, rangeStart), rangeEnd);
}
