export { canonicalJson } from './canonical';
export * from './file';
export * from './commands';
export { findShareFor, mergeReview, type MergeResult, type ReviewConflict } from './merge';
export { chosenPageName, reviewPageName } from './pageName';
