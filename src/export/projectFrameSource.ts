import { evaluate } from '../core/frame/evaluate';
import { projectTexts } from '../core/projectTexts';
import type { Project } from '../core/schema';
import type { DecodedImage, RenderBackend } from '../render/backend';
import { installKonvaNodeBackend } from '../render/backends/node';
import { createRenderer } from '../render/renderer';
import type { FrameSource, FrameSourceRequest } from './frameSource';
import { metered } from './pipeline/stageMeter';

/**
 * Frames of a project, drawn by the same Konva renderer as the editor, on @napi-rs/canvas
 * with the app's fonts. Frame i of the range shows project time (firstFrame + i) / fps.
 * The renderer scales the project's frame to the requested size (a draft is half size).
 */
export async function createProjectFrameSource(
  project: Project,
  assets: ReadonlyMap<string, Uint8Array>,
  request: FrameSourceRequest,
): Promise<FrameSource> {
  const backend = installKonvaNodeBackend(projectTexts(project));
  const images = await decodeImages(project, assets, backend, request.log);
  const renderer = createRenderer({
    width: request.width,
    height: request.height,
    backend,
    images: (assetId) => images.get(assetId) ?? null,
    watermark: request.watermark,
  });
  let closed = false;
  return {
    width: request.width,
    height: request.height,
    renderFrame(index) {
      const changed = metered('render', () =>
        renderer.draw(evaluate(project, (request.firstFrame + index) / request.fps)),
      );
      // Unchanged: the canvas still holds the previous frame, which the exporter already has.
      // Skia draws lazily: much of the drawing is paid for here, when the pixels are read.
      return changed ? metered('readback', () => renderer.readRgba()) : null;
    },
    renderPng(time) {
      renderer.draw(evaluate(project, time));
      return renderer.toPngBuffer();
    },
    destroy() {
      if (closed) return;
      closed = true;
      renderer.destroy();
    },
  };
}

/**
 * Decodes every picture the project lists that is present. A picture that cannot be decoded
 * is drawn as the renderer's placeholder rather than failing the export.
 */
export async function decodeImages(
  project: Project,
  assets: ReadonlyMap<string, Uint8Array>,
  backend: RenderBackend,
  log: ((line: string) => void) | undefined,
): Promise<Map<string, DecodedImage>> {
  const decoded = new Map<string, DecodedImage>();
  for (const [assetId, info] of Object.entries(project.assets)) {
    if (info.kind !== 'image') continue;
    const bytes = assets.get(assetId);
    if (bytes === undefined) continue;
    try {
      decoded.set(assetId, await backend.loadImage(bytes));
    } catch (err) {
      // The placeholder keeps the export going; the log says which picture it stands for.
      log?.(
        `The picture "${info.name}" could not be read: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return decoded;
}
