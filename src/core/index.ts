/** The public API of the pure core: the document model and everything computed from it. */
export * from './schema';
export * from './frame';
export * from './timeline';
export * from './captions';
export * from './endCard';
export * from './safety';
export * from './fonts';
export * from './platform/platforms';
export * from './platform/videoLength';
export * from './load';
export * from './post';
export * from './review';
export * from './audio';
export * from './pictures';
export * from './text';
