export * from './layout';
export * from './metrics';
export * from './readability';
export * from './templates';
