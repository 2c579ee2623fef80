export * from './frameState';
export * from './evaluate';
export * from './elements';
