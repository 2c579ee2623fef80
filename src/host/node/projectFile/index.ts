export { assetIdFor } from './assetId';
export { DEFAULT_LIMITS, type ZipLimits } from './limits';
export { readKindnessFile, type ReadError, type ReadErrorKind, type ReadResult } from './readKindnessFile';
export {
  openProjectFile,
  type OpenError,
  type OpenOptions,
  type OpenResult,
  type ProjectContainer,
} from './openProjectFile';
export { SaveError, saveProjectFile, type SaveOptions } from './saveProjectFile';
