import { projectTexts } from '../core/projectTexts';
import type { Project } from '../core/schema';
import { installKonvaNodeBackend } from '../render/backends/node';
import { createRenderer, type Renderer } from '../render/renderer';
import { decodeImages } from './projectFrameSource';
import type { AssetMap } from '../node/assets';

/**
 * Runs `work` with a full-size Node renderer of the project (its fonts and pictures), as the
 * export draws it, and destroys the renderer after: for the checks made before an export.
 */
export async function withProjectRenderer<T>(
  project: Project,
  assets: AssetMap,
  work: (renderer: Renderer) => T | Promise<T>,
): Promise<T> {
  const backend = installKonvaNodeBackend(projectTexts(project));
  const images = await decodeImages(project, assets, backend, undefined);
  const renderer = createRenderer({
    width: project.video.width,
    height: project.video.height,
    backend,
    images: (assetId) => images.get(assetId) ?? null,
  });
  try {
    return await work(renderer);
  } finally {
    renderer.destroy();
  }
}
