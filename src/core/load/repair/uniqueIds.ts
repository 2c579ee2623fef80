import type { Project } from '../../schema';
import { formatPath, type PathSegment } from '../docPath';
import type { Repair } from '../types';
import { forEachElement } from './walk';

const MAX_ID_LENGTH = 64;

interface IdHolder {
  record: { id: string };
  path: readonly PathSegment[];
}

/** Every record that carries an id, in document order. */
function idHolders(project: Project): IdHolder[] {
  const holders: IdHolder[] = [];
  project.scenes.forEach((scene, i) => holders.push({ record: scene, path: ['scenes', i] }));
  forEachElement(project, (element, path) => holders.push({ record: element, path }));
  project.captions.forEach((c, i) => holders.push({ record: c, path: ['captions', i] }));
  project.audio.forEach((a, i) => holders.push({ record: a, path: ['audio', i] }));
  project.review.comments.forEach((c, i) => holders.push({ record: c, path: ['review', 'comments', i] }));
  return holders;
}

function freshId(base: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, MAX_ID_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Ids must be unique within the project (edits and selection find records by id). The first
 * record keeps its id; later ones get a new, unused one. Nothing refers to these ids across
 * records, so renaming is safe.
 */
export function makeIdsUnique(project: Project): Repair[] {
  const holders = idHolders(project);
  const taken = new Set(holders.map((h) => h.record.id));
  const seen = new Set<string>();
  const repairs: Repair[] = [];
  for (const { record, path } of holders) {
    if (!seen.has(record.id)) {
      seen.add(record.id);
      continue;
    }
    const renamed = freshId(record.id, taken);
    repairs.push({
      path: formatPath([...path, 'id']),
      message: `the id "${record.id}" was used twice; renamed to "${renamed}"`,
    });
    taken.add(renamed);
    seen.add(renamed);
    record.id = renamed;
  }
  return repairs;
}
