import type { AssetInfo } from '../../../core/schema';
import { failure, type HostHandlers } from '../../contract';
import type { DocumentStore } from '../hostDocuments';
import type { AudioService } from './audioService';
import { sniffAudio } from './sniffAudio';

/** The audio channels' handlers, spread into the host's table. */
export function audioHandlers(
  documents: DocumentStore,
  audio: AudioService,
): Pick<HostHandlers, 'audioInfo' | 'audioPreview'> {
  const missing = () => failure('not-found', 'This sound is missing from the project.');
  return {
    async audioInfo({ docId, assetId }) {
      const bytes = documents.assets(docId).get(assetId);
      return bytes === undefined ? missing() : audio.info(assetId, bytes);
    },
    async audioPreview({ docId, assetId }) {
      const bytes = documents.assets(docId).get(assetId);
      return bytes === undefined ? missing() : audio.preview(assetId, bytes);
    },
  };
}

/**
 * The kind an imported file is taken as. The type the page sends is the browser's guess from
 * the name; a file that starts like a sound is a sound when the browser had no better idea
 * (`.m4a` often arrives as `video/mp4` or with no type at all).
 */
export function importedKind(byType: AssetInfo['kind'] | null, base64: string): AssetInfo['kind'] | null {
  if (byType !== null) return byType;
  const head = Buffer.from(base64.slice(0, 64), 'base64');
  return sniffAudio(head) !== null ? 'audio' : null;
}
