import { contextBridge, ipcRenderer } from 'electron';
import {
  createHostClient,
  IPC_PREFIX,
  SHELL_CHANNELS,
  SHELL_EVENT_CHANNEL,
  ShellEventSchema,
  type ShellBridge,
  type ShellChannelName,
  type ShellEvent,
} from '../../src/host/contract';
import type { z } from 'zod';

/**
 * The whole bridge between the sandboxed page and the main process. It exposes exactly two
 * objects: `kindnessHost`, the typed `Host` of the contract (one method per channel, requests
 * and answers checked by zod), and `kindnessShell`, the desktop extras of events.ts. No
 * `ipcRenderer`, no generic invoke, no Node. Bundled into one CommonJS file, because a
 * sandboxed preload can only `require('electron')`.
 */

const host = createHostClient((channel, request) =>
  ipcRenderer.invoke(`${IPC_PREFIX.host}${channel}`, request),
);

type ShellChannels = typeof SHELL_CHANNELS;

async function invokeShell<C extends ShellChannelName>(
  channel: C,
  request: z.input<ShellChannels[C]['request']>,
): Promise<z.output<ShellChannels[C]['response']>> {
  const { request: requestSchema, response: responseSchema } = SHELL_CHANNELS[channel];
  const answer: unknown = await ipcRenderer.invoke(
    `${IPC_PREFIX.shell}${channel}`,
    requestSchema.parse(request),
  );
  // The table lookup loses the link between `channel` and its schema's output type.
  return responseSchema.parse(answer) as z.output<ShellChannels[C]['response']>;
}

/**
 * Events that arrive before the page subscribes (a file to open at launch) wait here, so the
 * page sees them however long it takes to start.
 */
const waiting: ShellEvent[] = [];
const listeners = new Set<(event: ShellEvent) => void>();

ipcRenderer.on(SHELL_EVENT_CHANNEL, (_event, payload: unknown) => {
  // Only the validated payload reaches the page, never Electron's event object.
  const parsed = ShellEventSchema.safeParse(payload);
  if (!parsed.success) return;
  if (listeners.size === 0) waiting.push(parsed.data);
  for (const listener of listeners) listener(parsed.data);
});

const shell: ShellBridge = {
  onEvent(listener) {
    listeners.add(listener);
    for (const event of waiting.splice(0)) listener(event);
    return () => {
      listeners.delete(listener);
    };
  },
  async setDocumentState(state) {
    await invokeShell('setDocumentState', state);
  },
  async setMenu(items) {
    await invokeShell('setMenu', { items: [...items] });
  },
  async chooseProjectToOpen() {
    return (await invokeShell('chooseProjectToOpen', {})).path;
  },
  async chooseSaveLocation(suggestedName) {
    const { path, replaceConfirmed } = await invokeShell('chooseSaveLocation', { suggestedName });
    return path === null ? null : { path, replaceConfirmed };
  },
  async requestMicrophone() {
    await invokeShell('requestMicrophone', {});
  },
};

contextBridge.exposeInMainWorld('kindnessHost', host);
contextBridge.exposeInMainWorld('kindnessShell', shell);
