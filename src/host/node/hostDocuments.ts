import { randomBytes } from 'node:crypto';
import type { AssetInfo, Project } from '../../core/schema';
import { referencedAssetIds } from '../../core/load';
import { releaseAssets, retainAssets, spoolIfLarge, type AssetData } from '../../node/assets';
import { assetIdFor } from './projectFile';

/** The asset files of one open document, by id: small ones in memory, large ones spooled files. */
export type AssetStore = Map<string, AssetData>;

/**
 * Documents the page has open, each with its asset bytes (which stay on the host: the page
 * asks for a picture when it needs to draw it). A document owns its assets' spooled files:
 * closing it lets them go (removed once no running job holds them either).
 */
export interface DocumentStore {
  /**
   * Takes `assets` (and the spooled files they hold) as a new document's; with `id`, takes that
   * id (a recovered document keeps its backup's id), replacing a document open under it.
   */
  open(assets: AssetStore, id?: string): string;
  /** Forgets a document and its asset bytes (a job that already took them holds its own). */
  close(docId: string): Promise<void>;
  /** The assets of a document; an unknown id (e.g. after a restart) gets an empty store. */
  assets(docId: string): AssetStore;
  /**
   * Holds a document's spooled files for a job that reads them (a save, an export) until the
   * returned function is called, so closing the document meanwhile cannot take them away.
   */
  hold(docId: string): { assets: AssetStore; release: () => Promise<void> };
  /** Adds bytes (spooled when large); the same bytes always get the same id. */
  addAsset(docId: string, bytes: Buffer): Promise<string>;
  /** Ids the project uses that this document does not have. */
  missingAssets(docId: string, project: Project): string[];
  /** Ids of the documents open now. */
  openIds(): string[];
}

export function newDocumentId(): string {
  return `doc-${randomBytes(9).toString('hex')}`;
}

export function createDocumentStore(): DocumentStore {
  const documents = new Map<string, AssetStore>();
  const storeOf = (docId: string): AssetStore => {
    let store = documents.get(docId);
    if (store === undefined) {
      store = new Map();
      documents.set(docId, store);
    }
    return store;
  };
  return {
    open(assets, id) {
      const docId = id ?? newDocumentId();
      const previous = documents.get(docId);
      if (previous !== undefined && previous !== assets) void releaseAssets(previous);
      documents.set(docId, assets);
      return docId;
    },
    async close(docId) {
      const store = documents.get(docId);
      documents.delete(docId);
      if (store !== undefined) await releaseAssets(store);
    },
    assets: storeOf,
    hold(docId) {
      const assets = storeOf(docId);
      return { assets, release: retainAssets(assets) };
    },
    async addAsset(docId, bytes) {
      const id = assetIdFor(bytes);
      if (storeOf(docId).has(id)) return id;
      const data = await spoolIfLarge(id, bytes);
      const store = storeOf(docId);
      if (store.has(id)) void releaseAssets(new Map([[id, data]]));
      else store.set(id, data);
      return id;
    },
    openIds() {
      return [...documents.keys()];
    },
    missingAssets(docId, project) {
      const store = storeOf(docId);
      return [...referencedAssetIds(project)].filter((id) => !store.has(id));
    },
  };
}

/** What kind of asset a file is, from its type; null for types a project cannot use. */
export function assetKindOf(mime: string): AssetInfo['kind'] | null {
  if (/^image\/(png|jpeg|gif|webp|svg\+xml)$/.test(mime)) return 'image';
  if (/^audio\//.test(mime)) return 'audio';
  if (/^font\//.test(mime) || mime === 'application/font-woff') return 'font';
  return null;
}
