import { BrowserWindow, screen } from 'electron';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState, type WindowState } from './windowState';

export interface StudioWindowOptions {
  /** The bundled preload (CommonJS: a sandboxed preload cannot load ES modules). */
  preload: string;
  /** `kindness://app/index.html`, or the dev server's URL during `npm run dev`. */
  url: string;
  /** The JSON file the window's size and place are remembered in. */
  stateFile: string;
  icon?: string;
}

/** The web preferences of Electron's security checklist, spelled out even where they are defaults. */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click would otherwise try to open links in a new window (refused anyway).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The studio's one window, placed where it was last time. */
export async function createStudioWindow(options: StudioWindowOptions): Promise<BrowserWindow> {
  const screens = screen.getAllDisplays().map((display) => display.workArea);
  const state = await loadWindowState(options.stateFile, screens);
  // Electronegativity reads only object literals in this call; the preferences come from
  // secureWebPreferences above (asserted by tests/unit/electron and
  // tests/reliability/electronSecurity.test.ts). Its exception: scripts/electronegativity-exceptions.mjs.
  const window = new BrowserWindow({
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Kindness Studio',
    backgroundColor: '#15132b',
    show: false,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: secureWebPreferences(options.preload),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberPlacement(window, options.stateFile);
  await window.loadURL(options.url);
  return window;
}

/** Saves size and place a moment after the creator stops moving the window, and on close. */
function rememberPlacement(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => {
    const bounds = window.getNormalBounds();
    return { ...bounds, maximized: window.isMaximized() };
  };
  const save = (state: WindowState) => {
    saveWindowState(file, state).catch((error: unknown) =>
      console.warn('[window] could not remember its place:', error),
    );
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) save(current());
    }, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save(current());
  });
}
