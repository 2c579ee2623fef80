import { inject, type InjectionKey } from 'vue';
import type { Host } from '../../host/contract';

export const HOST_KEY: InjectionKey<Host> = Symbol('host');

/** The host this window talks to (web or Electron); provided once in main.ts. */
export function useHost(): Host {
  const host = inject(HOST_KEY);
  if (host === undefined) throw new Error('No host was provided to the studio.');
  return host;
}
