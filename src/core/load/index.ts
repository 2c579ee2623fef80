export { loadProject } from './loadProject';
export { serializeProject } from './serialize';
export {
  MIGRATIONS,
  MigrationFailedError,
  assertMigrationChain,
  runMigrations,
  type Migration,
  type MigrationFailure,
} from './migrations';
export { formatProblems } from './problems';
export { formatPath } from './docPath';
export { referencedAssetIds, usedPictureIds } from './repair';
export type { LoadError, LoadErrorKind, LoadOptions, LoadResult, Problem, Repair } from './types';
