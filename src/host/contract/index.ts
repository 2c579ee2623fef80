export * from './channels';
export * from './exportChannels';
export { AudioInfoSchema, type AudioInfo } from './audioChannels';
export * from './result';
export type { Host, HostHandlers, Transport } from './host';
export { createHostClient } from './client';
export { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch';
export * from './events';
export * from './safetyChannels';
