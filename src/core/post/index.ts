export * from './postText';
