import { inject, type InjectionKey } from 'vue';
import type { Host, ShellBridge } from '../../host/contract';

declare global {
  interface Window {
    /** The typed host, exposed by the Electron preload; absent in a browser. */
    kindnessHost?: Host;
    /** The desktop extras (menus, native dialogs); absent in a browser. */
    kindnessShell?: ShellBridge;
  }
}

export const SHELL_KEY: InjectionKey<ShellBridge | null> = Symbol('shell');

/** The desktop shell's bridge, or null in a browser (where the in-app dialogs are used). */
export function useShell(): ShellBridge | null {
  return inject(SHELL_KEY, null);
}
