import type { AssetInfo, Project } from '../schema';

/** Records an asset file the project uses (its bytes live in the container, by the same id). */
export function setAsset(project: Project, assetId: string, info: AssetInfo): Project {
  const existing = project.assets[assetId];
  if (
    existing &&
    existing.name === info.name &&
    existing.mime === info.mime &&
    existing.size === info.size &&
    existing.duration === info.duration
  ) {
    return project;
  }
  return { ...project, assets: { ...project.assets, [assetId]: info } };
}
