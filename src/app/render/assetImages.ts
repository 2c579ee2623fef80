import { ref } from 'vue';
import type { Host } from '../../host/contract';
import type { ImageSource } from '../../render/backend';

/** Bumped whenever a picture finishes loading, so canvases that drew its placeholder redraw. */
export const imagesVersion = ref(0);

type Slot = HTMLImageElement | 'loading' | 'failed';

/**
 * Pictures of one document, fetched from the host the first time the renderer asks for them.
 * Until a picture arrives the renderer draws its placeholder.
 */
export function createAssetImages(host: Host, docId: string): ImageSource {
  const slots = new Map<string, Slot>();

  async function load(assetId: string): Promise<void> {
    const result = await host.readAsset({ docId, assetId });
    if (!result.ok) {
      slots.set(assetId, 'failed');
      return;
    }
    const image = new Image();
    image.src = `data:${result.mime};base64,${result.data}`;
    try {
      await image.decode();
      slots.set(assetId, image);
      imagesVersion.value++;
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
