export * from './pictureSize';
