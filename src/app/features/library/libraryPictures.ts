import { ref } from 'vue';
import type { Host } from '../../../host/contract';
import type { ImageSource } from '../../../render/backend';
import { cachedPictures } from '../../render/assetImages';

/** Bumped whenever a saved item's picture arrives, so thumbnails drawn without it are drawn again. */
export const libraryPicturesVersion = ref(0);

/**
 * The pictures saved items show, for their thumbnails: read from the library folder through the
 * host the first time a thumbnail asks. Until one arrives, the thumbnail shows the placeholder.
 */
export function createLibraryPictures(host: Host): ImageSource {
  return cachedPictures((assetId) => host.readLibraryPicture({ assetId }), libraryPicturesVersion);
}
