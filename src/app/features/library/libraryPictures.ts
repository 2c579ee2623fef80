import { ref } from 'vue';
import type { Host } from '../../../host/contract';
import type { ImageSource } from '../../../render/backend';

/** Bumped whenever a saved item's picture arrives, so thumbnails drawn without it are drawn again. */
export const libraryPicturesVersion = ref(0);

type Slot = HTMLImageElement | 'loading' | 'failed';

/**
 * The pictures saved items show, for their thumbnails: read from the library folder through the
 * host the first time a thumbnail asks. Until one arrives, the thumbnail shows the placeholder.
 */
export function createLibraryPictures(host: Host): ImageSource {
  const slots = new Map<string, Slot>();

  async function load(assetId: string): Promise<void> {
    const result = await host.readLibraryPicture({ assetId });
    if (!result.ok) {
      slots.set(assetId, 'failed');
      return;
    }
    const image = new Image();
    image.src = `data:${result.mime};base64,${result.data}`;
    try {
      await image.decode();
      slots.set(assetId, image);
      libraryPicturesVersion.value++;
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
