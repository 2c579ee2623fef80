import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, enough to run the main process in Node: it records
 * what the app registers (scheme, IPC handlers, menus, windows) so tests can drive it.
 */
type Handler = (...args: never[]) => unknown;

const home = mkdtempSync(join(tmpdir(), 'kindness-main-'));

export const recorded = {
  home,
  userData: join(home, 'userData'),
  schemes: [] as unknown[],
  sandboxEnabled: false,
  appEvents: new Map<string, Handler>(),
  ipc: new Map<string, (event: unknown, body: unknown) => Promise<unknown>>(),
  protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  permissionRequest: null as
    | ((contents: unknown, permission: string, callback: (ok: boolean) => void, details?: unknown) => void)
    | null,
  permissionCheck: null as
    ((contents?: unknown, permission?: string, origin?: string, details?: unknown) => boolean) | null,
  menu: [] as { label?: string; submenu?: { id?: string; label?: string; click?: () => void }[] }[],
  windows: [] as FakeWindow[],
  sent: [] as [string, unknown][],
  /** The answer the next "unsaved changes" prompt gets (0 Save, 1 Don't Save, 2 Cancel). */
  promptAnswer: 2,
  prompts: [] as unknown[],
};

export const app = {
  isPackaged: false,
  on(name: string, handler: Handler) {
    recorded.appEvents.set(name, handler);
    return app;
  },
  enableSandbox() {
    recorded.sandboxEnabled = true;
  },
  setName() {},
  setPath(name: string, path: string) {
    if (name === 'userData') recorded.userData = path;
  },
  getPath(name: string) {
    return name === 'userData' ? recorded.userData : join(home, name);
  },
  getAppPath: () => process.cwd(),
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit() {},
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.schemes.push(...schemes);
  },
};

export const session = {
  defaultSession: {
    protocol: {
      handle(_scheme: string, handler: (request: Request) => Promise<Response>) {
        recorded.protocolHandler = handler;
      },
    },
    setPermissionRequestHandler(handler: typeof recorded.permissionRequest) {
      recorded.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: typeof recorded.permissionCheck) {
      recorded.permissionCheck = handler;
    },
    setDevicePermissionHandler() {},
    webRequest: { onHeadersReceived() {} },
  },
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, body: unknown) => Promise<unknown>) {
    recorded.ipc.set(channel, handler);
  },
};

export const shell = { openExternal: async () => undefined };

export const dialog = {
  showErrorBox() {},
  showMessageBoxSync(_window: unknown, options: unknown) {
    recorded.prompts.push(options);
    return recorded.promptAnswer;
  },
  showMessageBox: async () => ({ response: 0 }),
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: typeof recorded.menu) {
    recorded.menu = menu;
  },
};

class FakeWindow {
  readonly handlers = new Map<string, (event: { preventDefault(): void }) => void>();
  url = '';
  title = '';
  closed = 0;
  readonly webContents = {
    id: 1,
    send: (channel: string, payload: unknown) => recorded.sent.push([channel, payload]),
    on() {},
    undo() {},
    redo() {},
    cut() {},
    copy() {},
    paste() {},
    delete() {},
  };
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    recorded.windows.push(this);
  }
  on(name: string, handler: (event: { preventDefault(): void }) => void) {
    this.handlers.set(name, handler);
  }
  once(name: string, handler: (event: { preventDefault(): void }) => void) {
    this.handlers.set(name, handler);
  }
  maximize() {}
  show() {}
  setTitle(title: string) {
    this.title = title;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1300, height: 800 };
  }
  isMaximized() {
    return false;
  }
  /** Like Electron: runs the close handlers, and closes unless one prevents it. */
  close() {
    let prevented = false;
    this.handlers.get('close')?.({
      preventDefault() {
        prevented = true;
      },
    });
    if (!prevented) this.closed += 1;
  }
  async loadURL(url: string) {
    this.url = url;
  }
}

export const BrowserWindow = Object.assign(FakeWindow, {
  getAllWindows: () => recorded.windows,
  fromWebContents: () => recorded.windows[0] ?? null,
});
