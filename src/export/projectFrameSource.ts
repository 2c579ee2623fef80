import { evaluate } from '../core/frame/evaluate';
import { usedPictureIds } from '../core/load';
import { pictureFileRefusal, pictureRefusal } from '../core/pictures';
import { projectTexts } from '../core/projectTexts';
import type { Project } from '../core/schema';
import type { DecodedImage, RenderBackend } from '../render/backend';
import { installKonvaNodeBackend } from '../render/backends/node';
import { createRenderer } from '../render/renderer';
import type { FrameSource, FrameSourceRequest } from './frameSource';
import { metered } from './pipeline/stageMeter';
import { assetSize, readAssetBytes, type AssetMap } from '../node/assets';

/**
 * Frames of a project, drawn by the same Konva renderer as the editor, on @napi-rs/canvas
 * with the app's fonts. Frame i of the range shows project time (firstFrame + i) / fps.
 * The renderer scales the project's frame to the requested size (a draft is half size).
 */
export async function createProjectFrameSource(
  project: Project,
  assets: AssetMap,
  request: FrameSourceRequest,
): Promise<FrameSource> {
  const backend = installKonvaNodeBackend(projectTexts(project));
  const images = await decodeImages(project, assets, backend, request.log, request.signal);
  const renderer = createRenderer({
    width: request.width,
    height: request.height,
    backend,
    images: (assetId) => images.get(assetId) ?? null,
    watermark: request.watermark,
    keepStillPrefix: true,
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
 * Decodes the pictures the project draws (not every picture it lists). A picture over the pixel
 * limit is never decoded (its header says how big it is), and one far bigger than the video is
 * kept scaled down, so memory stays bounded whatever the files declare. A picture that is refused
 * or cannot be decoded is drawn as the renderer's placeholder rather than failing the export;
 * `log` says which one and why.
 */
export async function decodeImages(
  project: Project,
  assets: AssetMap,
  backend: RenderBackend,
  log: ((line: string) => void) | undefined,
  signal?: AbortSignal,
): Promise<Map<string, DecodedImage>> {
  const decoded = new Map<string, DecodedImage>();
  const maxSide = Math.ceil(Math.max(project.video.width, project.video.height) * KEEP_SCALE);
  for (const assetId of usedPictureIds(project)) {
    // A cancelled export stops here; the caller turns the abort into its own message.
    signal?.throwIfAborted();
    const info = project.assets[assetId];
    const data = assets.get(assetId);
    if (info === undefined || data === undefined) continue;
    const tooLarge = pictureFileRefusal(info.name, assetSize(data));
    if (tooLarge !== null) {
      log?.(tooLarge);
      continue;
    }
    try {
      // A large picture's file is read for its decode only, one picture at a time.
      const bytes = await readAssetBytes(data);
      const refused = pictureRefusal(info.name, bytes);
      if (refused !== null) {
        log?.(refused);
        continue;
      }
      const image = await backend.loadImage(bytes);
      decoded.set(assetId, scaledDown(image, maxSide, backend));
      // Let the finalizers of the full-size decode run before the next picture is decoded.
      await new Promise((resolve) => setImmediate(resolve));
    } catch (err) {
      // The placeholder keeps the export going; the log says which picture it stands for.
      log?.(
        `The picture "${info.name}" could not be read: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  return decoded;
}

/** A picture is kept at most this many times the video's longer side: room to zoom, not to waste. */
const KEEP_SCALE = 1.5;

/** The picture drawn into a canvas no longer than `maxSide`, or itself when it already fits. */
function scaledDown(image: DecodedImage, maxSide: number, backend: RenderBackend): DecodedImage {
  const { width, height } = image as { width: number; height: number };
  const scale = maxSide / Math.max(width, height);
  if (!(scale < 1)) return image;
  const canvas = backend.createCanvas(
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
  const context = canvas.getContext('2d');
  if (context === null) return image;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}
