import { computed, type ComputedRef } from 'vue';
import type { ImageSource } from '../../render/backend';
import { useHost } from '../host/useHost';
import { useDocument } from '../state/document';
import { createAssetImages } from './assetImages';

const sources = new Map<string, ImageSource>();

/** The pictures of the open document, shared by the preview and every thumbnail. */
export function useImages(): ComputedRef<ImageSource | undefined> {
  const host = useHost();
  const documentStore = useDocument();
  return computed(() => {
    const docId = documentStore.docId;
    if (docId === null) return undefined;
    let source = sources.get(docId);
    if (source === undefined) {
      source = createAssetImages(host, docId);
      sources.set(docId, source);
    }
    return source;
  });
}
