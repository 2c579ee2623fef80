import type { Project } from '../../schema';
import { formatPath } from '../docPath';
import type { Repair } from '../types';
import { forEachElement } from './walk';

function shortId(id: string): string {
  return id.slice(0, 12);
}

/**
 * References to assets that are not there are KEPT (deleting them would lose the creator's
 * work; the file may come back) and reported: the image draws as a placeholder, the audio is
 * silent. An asset is missing when the document does not list it, or when `available` (the
 * files really in the container) is given and does not hold it.
 */
export function reportMissingAssets(project: Project, available?: ReadonlySet<string>): Repair[] {
  const isMissing = (id: string): boolean =>
    !Object.hasOwn(project.assets, id) || (available !== undefined && !available.has(id));
  const label = (id: string): string => {
    const name = project.assets[id]?.name;
    return name !== undefined && name !== '' ? `"${name}" (${shortId(id)}…)` : `${shortId(id)}…`;
  };
  const repairs: Repair[] = [];
  forEachElement(project, (element, path) => {
    if (element.kind !== 'image' || !isMissing(element.assetId)) return;
    repairs.push({
      path: formatPath([...path, 'assetId']),
      message: `missing asset ${label(element.assetId)}: the image will show as a placeholder until it is replaced`,
    });
  });
  const avatar = project.endCard?.avatar;
  if (avatar != null && isMissing(avatar)) {
    repairs.push({
      path: formatPath(['endCard', 'avatar']),
      message: `missing asset ${label(avatar)}: the end card's picture will show as a placeholder until it is replaced`,
    });
  }
  project.audio.forEach((track, index) => {
    if (!isMissing(track.assetId)) return;
    repairs.push({
      path: formatPath(['audio', index, 'assetId']),
      message: `missing asset ${label(track.assetId)}: this audio track will be silent until it is replaced`,
    });
  });
  return repairs;
}

/** Ids of the pictures the project draws: image elements and the end card's picture. */
export function usedPictureIds(project: Project): Set<string> {
  const ids = new Set<string>();
  forEachElement(project, (element) => {
    if (element.kind === 'image') ids.add(element.assetId);
  });
  const avatar = project.endCard?.avatar;
  if (avatar != null) ids.add(avatar);
  return ids;
}

/** Ids of the asset files the project uses: images, audio, and fonts it lists. */
export function referencedAssetIds(project: Project): Set<string> {
  const ids = new Set<string>();
  forEachElement(project, (element) => {
    if (element.kind === 'image') ids.add(element.assetId);
  });
  for (const track of project.audio) ids.add(track.assetId);
  const avatar = project.endCard?.avatar;
  if (avatar != null) ids.add(avatar);
  for (const [id, info] of Object.entries(project.assets)) {
    if (info.kind === 'font') ids.add(id);
  }
  return ids;
}
