import type { Project } from '../schema';
import { libraryItem, type LibraryItem } from '../library/catalogue';
import type { Point } from '../library/characters';
import { setAsset } from './assets';
import { addElement, type AddedElement } from './elements';
import { usedIds } from './ids';

/** The middle of the video frame: where a clicked (not dropped) library item goes. */
export function frameCentre(project: Project): Point {
  return { x: project.video.width / 2, y: project.video.height / 2 };
}

/**
 * Puts a library item on top of a scene, centred on `at` (frame pixels; the frame's middle when
 * absent), with ids no other element uses, and the pictures it shows in the project's assets.
 * One step for the history; nothing changes (and `elementId` is '') for an unknown item or scene.
 */
export function insertLibraryItem(
  project: Project,
  sceneId: string,
  itemId: string,
  at?: Point,
): AddedElement {
  return insertItem(project, sceneId, libraryItem(itemId), at);
}

/** `insertLibraryItem` for an item in hand (a saved one of the creator's library). */
export function insertItem(
  project: Project,
  sceneId: string,
  item: LibraryItem | undefined,
  at?: Point,
): AddedElement {
  if (item === undefined || !project.scenes.some((s) => s.id === sceneId)) return { project, elementId: '' };
  const point =
    at !== undefined && Number.isFinite(at.x) && Number.isFinite(at.y) ? at : frameCentre(project);
  const element = item.create(point, usedIds(project));
  let withPictures = project;
  for (const [assetId, info] of Object.entries(item.pictures ?? {}))
    withPictures = setAsset(withPictures, assetId, info);
  return addElement(withPictures, sceneId, element);
}
