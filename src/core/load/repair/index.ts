import type { Project } from '../../schema';
import type { LoadOptions, Repair } from '../types';
import { reportMissingAssets } from './assets';
import { repairCaptions } from './captions';
import { replaceUnknownFonts } from './fonts';
import { sortKeyframeTracks } from './keyframes';
import { makeIdsUnique } from './uniqueIds';

export { clampOutOfRange } from './clampRanges';
export { referencedAssetIds, usedPictureIds } from './assets';
export { forEachElement } from './walk';

/**
 * The repairs that need the document's shape (run after the schema accepted it): each one fixes
 * a rule the schema cannot express, in place, and says what it did.
 */
export function repairProject(project: Project, options: LoadOptions): Repair[] {
  return [
    ...makeIdsUnique(project),
    ...sortKeyframeTracks(project),
    ...replaceUnknownFonts(project),
    ...repairCaptions(project),
    ...reportMissingAssets(project, options.availableAssets),
  ];
}
