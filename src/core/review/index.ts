export { canonicalJson } from './canonical';
export * from './file';
export * from './commands';
export { findShareFor, mergeReview, type MergeResult, type ReviewConflict } from './merge';
export { MAX_REVIEW_JSON_CHARS } from './room';
export { chosenPageName, draftWatermark, reviewPageName } from './pageName';
