import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNEL_NAMES,
  failure,
  IPC_PREFIX,
  SHELL_CHANNEL_NAMES,
  SHELL_CHANNELS,
  type Dispatch,
  type ShellChannelName,
} from '../../src/host/contract';
import type { z } from 'zod';
import { isTrustedSender, type DevServerOrigin } from './security';
import type { WindowPages } from './windowPages';

type ShellChannels = typeof SHELL_CHANNELS;
/** The shell side of each shell channel: a validated request and the window it came from. */
export type ShellHandlers = {
  readonly [C in ShellChannelName]: (
    request: z.output<ShellChannels[C]['request']>,
    window: BrowserWindow,
  ) => Promise<z.input<ShellChannels[C]['response']>>;
};

const REFUSED =
  'Kindness Studio refused a request that did not come from its own window, so nothing was done.';

function trusted(event: IpcMainInvokeEvent, devOrigin: DevServerOrigin): boolean {
  // senderFrame is null once the frame has navigated away or been destroyed: never trusted.
  const url = event.senderFrame?.url;
  if (isTrustedSender(url, devOrigin)) return true;
  console.warn(`[security] refused IPC from ${url ?? 'a frame that is gone'}`);
  return false;
}

/**
 * Registers one `ipcMain.handle` per contract channel (`kindness:<channel>`), all going to the
 * same dispatcher the web host uses, and one per shell channel. Every message's sender frame
 * must show our app before anything runs; the dispatcher then validates the request.
 */
export function registerIpc(
  dispatch: Dispatch,
  shellHandlers: ShellHandlers,
  devOrigin: DevServerOrigin,
  windowPages?: WindowPages,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(`${IPC_PREFIX.host}${channel}`, async (event, body: unknown) => {
      if (!trusted(event, devOrigin)) return failure('forbidden', REFUSED);
      const result = await dispatch(channel, body);
      // The documents a window opens are closed when it reloads or closes (windowPages.ts).
      windowPages?.noteRequest(event.sender, channel, body, result);
      return result;
    });
  }
  for (const channel of SHELL_CHANNEL_NAMES) {
    ipcMain.handle(`${IPC_PREFIX.shell}${channel}`, async (event, body: unknown) => {
      if (!trusted(event, devOrigin)) throw new Error(REFUSED);
      const window = BrowserWindow.fromWebContents(event.sender);
      if (window === null) throw new Error('The studio window is gone.');
      const { request, response } = SHELL_CHANNELS[channel];
      const parsed = request.parse(body);
      // The handler's request type is tied to `channel`; the table lookup loses that link.
      const handler = shellHandlers[channel] as (request: unknown, window: BrowserWindow) => Promise<unknown>;
      return response.parse(await handler(parsed, window));
    });
  }
}
