export * from './layout';
export * from './metrics';
