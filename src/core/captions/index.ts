export * from './timing';
export * from './graphemes';
export * from './wrap';
export * from './readability';
export * from './subtitles';
export * from './contrast';
export * from './safeZone';
export * from './words';
