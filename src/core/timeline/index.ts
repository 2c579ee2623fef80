export * from './easing';
export * from './color';
export * from './keyframes';
export * from './timeline';
export * from './transitions';
