import type { Host } from '../../../host/contract';
import type { Project } from '../../../core/schema';
import type { ImageSource } from '../../../render/backend';
import { createAssetImages } from '../../render/assetImages';

/** A template opened only to be looked at: its project and its pictures, never edited or saved. */
export interface TemplatePreview {
  project: Project;
  images: ImageSource;
}

/** Template id → its preview (or null when it could not be opened); one load per template. */
const loading = new Map<string, Promise<TemplatePreview | null>>();
/** The host documents the previews hold, closed when the start screen goes away. */
const openDocuments = new Set<string>();

/**
 * Opens a template for its card's poster and moving preview. The host keeps the pictures, so the
 * preview is a host document like any other; it is closed by `closeTemplatePreviews`.
 */
export function loadTemplatePreview(host: Host, id: string): Promise<TemplatePreview | null> {
  let preview = loading.get(id);
  if (preview === undefined) {
    preview = host.loadTemplate({ id }).then((result) => {
      if (!result.ok) return null; // the card keeps its plain art; opening it reports the problem
      openDocuments.add(result.docId);
      return { project: result.project, images: createAssetImages(host, result.docId) };
    });
    loading.set(id, preview);
  }
  return preview;
}

/** Frees every preview's host document (the start screen is left, or the list was refreshed). */
export function closeTemplatePreviews(host: Host): void {
  for (const docId of openDocuments) void host.closeDocument({ docId });
  openDocuments.clear();
  loading.clear();
}
