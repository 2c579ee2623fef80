import { ref, type Ref } from 'vue';
import type { Host } from '../../host/contract';
import type { ImageSource } from '../../render/backend';

/** Bumped whenever a picture finishes loading, so canvases that drew its placeholder redraw. */
export const imagesVersion = ref(0);

type Slot = HTMLImageElement | 'loading' | 'failed';

/** A picture's bytes as the host answers them (base64), or a refusal. */
type PictureAnswer = { ok: true; mime: string; data: string } | { ok: false };

/**
 * Pictures fetched through `read` the first time the renderer asks for them, decoded once and
 * kept. Until a picture arrives the renderer draws its placeholder; `version` is bumped when it
 * does, so what drew the placeholder draws again.
 */
export function cachedPictures(
  read: (assetId: string) => Promise<PictureAnswer>,
  version: Ref<number>,
): ImageSource {
  const slots = new Map<string, Slot>();

  async function load(assetId: string): Promise<void> {
    const result = await read(assetId);
    if (!result.ok) {
      slots.set(assetId, 'failed');
      return;
    }
    const image = new Image();
    image.src = `data:${result.mime};base64,${result.data}`;
    try {
      await image.decode();
      slots.set(assetId, image);
      version.value++;
    } catch {
      slots.set(assetId, 'failed');
    }
  }

  return (assetId) => {
    const slot = slots.get(assetId);
    if (slot === undefined) {
      slots.set(assetId, 'loading');
      void load(assetId);
      return null;
    }
    return typeof slot === 'string' ? null : slot;
  };
}

/** Pictures of one document, fetched from the host. */
export function createAssetImages(host: Host, docId: string): ImageSource {
  return cachedPictures((assetId) => host.readAsset({ docId, assetId }), imagesVersion);
}
