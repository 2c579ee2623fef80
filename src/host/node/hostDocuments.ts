import { randomBytes } from 'node:crypto';
import type { AssetInfo, Project } from '../../core/schema';
import { referencedAssetIds } from '../../core/load';
import { assetIdFor } from './projectFile';

/** The asset files of one open document, by id. */
export type AssetStore = Map<string, Buffer>;

/**
 * Documents the page has open, each with its asset bytes (which stay on the host: the page
 * asks for a picture when it needs to draw it).
 */
export interface DocumentStore {
  /** A new document id; with `id`, takes that one (a recovered document keeps its backup's id). */
  open(assets: AssetStore, id?: string): string;
  /** Forgets a document and its asset bytes (a job that already took them keeps its own reference). */
  close(docId: string): void;
  /** The assets of a document; an unknown id (e.g. after a restart) gets an empty store. */
  assets(docId: string): AssetStore;
  /** Adds bytes; the same bytes always get the same id. */
  addAsset(docId: string, bytes: Buffer): string;
  /** Ids the project uses that this document does not have. */
  missingAssets(docId: string, project: Project): string[];
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
      documents.set(docId, assets);
      return docId;
    },
    close(docId) {
      documents.delete(docId);
    },
    assets: storeOf,
    addAsset(docId, bytes) {
      const id = assetIdFor(bytes);
      storeOf(docId).set(id, bytes);
      return id;
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
