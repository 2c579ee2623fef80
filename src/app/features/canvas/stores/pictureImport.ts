import { defineStore } from 'pinia';
import { setAsset } from '../../../../core/edit';
import { useHost } from '../../../host/useHost';
import { useDocument } from '../../../state/document';
import { useNotices } from '../../../state/notices';
import { useCanvas } from './canvas';
import { useNewElements } from './newElements';

const PICTURE_TYPES = /^image\/(png|jpeg|gif|webp|svg\+xml)$/;

/**
 * Pictures brought onto the canvas: picked with "Add picture", dropped on the preview or
 * pasted. The host keeps the bytes as an asset of the document; the picture is placed on the
 * selected scene. Every failure is told in words a creator understands.
 */
export const usePictureImport = defineStore('pictureImport', () => {
  const documentStore = useDocument();
  const host = useHost();
  const notices = useNotices();

  /** Adds a picture file, centred on `at` (frame pixels) or on the frame; false when it failed. */
  async function importImage(file: File, at: { x: number; y: number } | null): Promise<boolean> {
    const docId = documentStore.docId;
    const video = documentStore.project?.video;
    if (docId === null || video === undefined) return false;
    if (!PICTURE_TYPES.test(file.type)) {
      notices.show(
        'warning',
        `“${file.name}” is not a picture the studio can use (PNG, JPEG, GIF, WebP or SVG).`,
      );
      return false;
    }
    let natural: { width: number; height: number };
    try {
      const bitmap = await createImageBitmap(file);
      natural = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
    } catch {
      notices.show('error', `“${file.name}” could not be read as a picture. It may be damaged.`);
      return false;
    }
    const result = await host.importAsset({
      docId,
      name: file.name,
      mime: file.type,
      data: await toBase64(file),
    });
    if (!result.ok) {
      notices.show('error', result.error.message);
      return false;
    }
    const project = documentStore.project;
    if (project === null || documentStore.docId !== docId) return false;
    const where = at ?? { x: video.width / 2, y: video.height / 2 };
    // Named after its file, so the layer list says which picture is which.
    const picture = {
      ...useNewElements().picture(result.assetId, natural, where),
      name: pictureName(file.name),
    };
    useCanvas().add(picture, 'Add picture', setAsset(project, result.assetId, result.info));
    return true;
  }

  return { importImage };
});

/** A layer name from a file name: `lunch table.png` is "lunch table". */
export function pictureName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '').trim();
  return (stem || 'Picture').slice(0, 60);
}

/** A file's bytes as base64, the way asset bytes cross the host boundary. */
function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
