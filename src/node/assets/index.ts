/** Assets of open projects: small ones in memory, large ones in private temp files. */
export {
  assetSize,
  assetStream,
  isAssetFile,
  placeAsset,
  readAssetBytes,
  readAssetHead,
  type AssetData,
  type AssetFile,
  type AssetMap,
} from './assetData';
export {
  releaseAssets,
  removeStaleAssetSpools,
  retainAssets,
  spooledCount,
  spoolIfLarge,
  SPOOL_THRESHOLD,
  startSpoolFile,
  type SpoolWriter,
} from './assetSpool';
