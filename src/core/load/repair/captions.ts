import type { Project } from '../../schema';
import { formatPath } from '../docPath';
import type { Repair } from '../types';
import { isSortedBy } from './keyframes';

/** How long a caption that ended before it started is shown after the repair. */
const REPAIRED_CAPTION_SECONDS = 1;

/** Every caption lasts a moment and the list is in time order (caption timing relies on it). */
export function repairCaptions(project: Project): Repair[] {
  const repairs: Repair[] = [];
  project.captions.forEach((caption, index) => {
    if (caption.end > caption.start) return;
    const end = caption.start + REPAIRED_CAPTION_SECONDS;
    repairs.push({
      path: formatPath(['captions', index, 'end']),
      message: `the caption ended (${caption.end}s) before it started (${caption.start}s); it now ends at ${end}s`,
    });
    caption.end = end;
  });
  if (!isSortedBy(project.captions, (c) => c.start)) {
    project.captions.sort((a, b) => a.start - b.start);
    repairs.push({ path: 'captions', message: 'captions were out of time order; sorted by start time' });
  }
  return repairs;
}
