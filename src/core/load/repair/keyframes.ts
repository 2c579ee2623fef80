import type { Project } from '../../schema';
import { formatPath } from '../docPath';
import type { Repair } from '../types';
import { forEachElement } from './walk';

/** Evaluation assumes each keyframe track is in time order; put any that is not back in order. */
export function sortKeyframeTracks(project: Project): Repair[] {
  const repairs: Repair[] = [];
  forEachElement(project, (element, path) => {
    const tracks = element.keyframes;
    if (tracks === undefined) return;
    for (const [property, track] of Object.entries(tracks)) {
      // Number and colour tracks differ only in their values; the time is all that matters here.
      const keyframes: { time: number }[] | undefined = track;
      if (keyframes === undefined || isSortedBy(keyframes, (k) => k.time)) continue;
      // Array.prototype.sort is stable: keyframes at the same time keep their order.
      keyframes.sort((a, b) => a.time - b.time);
      repairs.push({
        path: formatPath([...path, 'keyframes', property]),
        message: 'keyframes were out of time order; sorted by time',
      });
    }
  });
  return repairs;
}

export function isSortedBy<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) {
    if (key(items[i - 1] as T) > key(items[i] as T)) return false;
  }
  return true;
}
