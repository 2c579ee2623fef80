import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron';
import {
  createDispatcher,
  SHELL_EVENT_CHANNEL,
  ShellEventSchema,
  type Dispatch,
  type MenuItemData,
  type ShellEvent,
} from '../../src/host/contract';
import { createNodeHostHandlers, workerThreadVoiceRunner } from '../../src/host/node/host';
import { createAllowedFolders, type AllowedFolders } from './allowedFolders';
import { registerAppScheme, serveApp } from './appProtocol';
import { CloseGuard, closeChoiceOf, unsavedChangesPrompt } from './closeGuard';
import { utilityProcessRunner } from './exportProcess';
import { dialogFolder, showOpenProjectDialog, showSaveProjectDialog } from './dialogs';
import { denyPermissions, hardenWebContents } from './hardening';
import { registerIpc, type ShellHandlers } from './ipc';
import { createWindowPages } from './windowPages';
import { createPageSessions } from '../../src/host/node/pageSessions';
import { installStudioMenu } from './menu';
import { MicrophoneRequests } from './microphone';
import { projectPathFromArgv, suggestedFileName } from './projectPaths';
import { APP_ENTRY_URL, contentSecurityPolicy, devServerOriginFrom } from './security';
import { createStudioWindow } from './window';

/**
 * The Electron main process: one window, the host contract over IPC (the same dispatcher as
 * the web host), native menus and dialogs. Thin: the work is in src/host and the page.
 */
const APP_NAME = 'Kindness Studio';
const here = dirname(fileURLToPath(import.meta.url));
const devOrigin = devServerOriginFrom(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);

// Before `ready`, as Electron requires: the app scheme, and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();
app.setName(APP_NAME);
app.setPath('userData', join(app.getPath('appData'), APP_NAME));

/** A project to open once the window is up (command line, file association, macOS open-file). */
let pendingProject: string | null = projectPathFromArgv(process.argv.slice(1), process.cwd());
let studio: Studio | null = null;
/** Quit was chosen: once a save-before-close finishes, quitting carries on (macOS keeps apps open otherwise). */
let quitting = false;
/** Presses of Record voice: the microphone is allowed only in the moments after one. */
const microphoneRequests = new MicrophoneRequests();

interface Studio {
  dispatch: Dispatch;
  folders: AllowedFolders;
  defaultFolder: string;
}

if (!app.requestSingleInstanceLock()) {
  // Another studio is running: it receives our arguments in 'second-instance' and opens the file.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const path = projectPathFromArgv(argv.slice(1), cwd);
    const window = mainWindow();
    if (window !== null) {
      if (window.isMinimized()) window.restore();
      window.focus();
      if (path !== null) void openProjectIn(window, path);
    }
  });
  // macOS delivers double-clicked files this way, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const window = mainWindow();
    if (window !== null && studio !== null) void openProjectIn(window, path);
    else pendingProject = path;
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && studio !== null) void openStudioWindow(studio);
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Kindness Studio could not start',
        error instanceof Error ? error.message : 'An unexpected error stopped the studio from starting.',
      );
      app.quit();
    });
}

function mainWindow(): BrowserWindow | null {
  return BrowserWindow.getAllWindows()[0] ?? null;
}

/** Where bundled resources are: beside the app when packaged, the repository's resources/ otherwise. */
function resourcesRoot(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const defaultFolder = join(app.getPath('documents'), APP_NAME);
  await mkdir(defaultFolder, { recursive: true });
  const folders = await createAllowedFolders(join(dataDir, 'folders.json'), [defaultFolder]);
  const handlers = await createNodeHostHandlers({
    folders: folders.folders,
    guard: folders,
    dataDir,
    templatesDir: join(resourcesRoot(), 'samples'),
    version: app.getVersion(),
    shell: 'electron',
    exportRunner: utilityProcessRunner(join(here, 'exportWorker.js')),
    voiceRunner: workerThreadVoiceRunner(join(here, 'voiceWorker.js')),
    showInFolder: async (path) => {
      shell.showItemInFolder(path);
      return true;
    },
    notify: async (title, body) => {
      if (!Notification.isSupported()) return false;
      new Notification({ title, body }).show();
      return true;
    },
  });
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => console.error(`[host] ${channel} failed:`, error),
  });
  studio = { dispatch, folders, defaultFolder };

  hardenWebContents(devOrigin);
  denyPermissions(session.defaultSession, { requests: microphoneRequests, devOrigin });
  serveApp(session.defaultSession, { root: join(here, '../renderer'), dispatch, devOrigin });
  if (devOrigin !== null) {
    // The dev server's responses carry no CSP of their own: add the same policy (plus its hot-reload socket).
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy(devOrigin)],
        },
      });
    });
  }
  const windowPages = createWindowPages(
    createPageSessions({ closeDocument: async (docId) => void (await dispatch('closeDocument', { docId })) }),
  );
  registerIpc(dispatch, shellHandlers(studio), devOrigin, windowPages);
  await openStudioWindow(studio);
}

/** Per window: the close guard, and the title that shows the document and unsaved changes. */
const guards = new WeakMap<BrowserWindow, CloseGuard>();

function guardOf(window: BrowserWindow): CloseGuard {
  let guard = guards.get(window);
  if (guard === undefined) {
    guard = new CloseGuard();
    guards.set(window, guard);
  }
  return guard;
}

/**
 * Shell events wait in the preload until the page subscribes, so sending before the page has
 * finished starting is safe; validating here keeps main from sending what the page rejects.
 */
function sendEvent(window: BrowserWindow, event: ShellEvent): void {
  if (window.isDestroyed()) return;
  window.webContents.send(SHELL_EVENT_CHANNEL, ShellEventSchema.parse(event));
}

async function openProjectIn(window: BrowserWindow, path: string): Promise<void> {
  if (studio === null) return;
  const isFile = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!isFile) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Project not found',
      message: `“${basename(path)}” could not be found.`,
      detail: `It is no longer at ${path}. It may have been moved, renamed or deleted.`,
    });
    return;
  }
  // The creator chose this file: the host may now open (and save) files in its folder.
  await studio.folders.allow(dirname(path));
  sendEvent(window, { type: 'open-project', path });
}

let lastMenuKey: string | null = null;
/** The page's commands for the menus, from its registry (empty until the page reports them). */
let menuItems: readonly MenuItemData[] = [];

/** Installs the menus, again whenever the recent projects or the page's commands change. */
async function refreshMenu(current: Studio): Promise<void> {
  const answer = (await current.dispatch('listRecent', {})) as
    { ok: true; files: { name: string; path: string }[] } | { ok: false };
  const recent = answer.ok ? answer.files : [];
  const key = JSON.stringify([recent, menuItems]);
  if (key === lastMenuKey) return;
  lastMenuKey = key;
  const inWindow = (action: (window: BrowserWindow) => unknown) => {
    const window = mainWindow();
    if (window !== null) void action(window);
  };
  installStudioMenu(
    {
      appName: APP_NAME,
      developer: devOrigin !== null,
      window: mainWindow,
      send: (command) => inWindow((window) => sendEvent(window, { type: 'menu', command })),
      openRecent: (path) => inWindow((window) => openProjectIn(window, path)),
    },
    recent,
    menuItems,
  );
}

function shellHandlers(current: Studio): ShellHandlers {
  return {
    async setDocumentState(state, window) {
      const guard = guardOf(window);
      const before = guard.document;
      const step = guard.onDocumentState(state);
      const name = state.title.trim() === '' ? 'Untitled' : state.title.trim();
      window.setTitle(`${state.dirty ? '• ' : ''}${name} — ${APP_NAME}`);
      if (process.platform === 'darwin') {
        window.setDocumentEdited(state.dirty);
        window.setRepresentedFilename(state.path ?? '');
      }
      // Opening or saving a file changes the recent projects.
      if (state.path !== before.path || (before.dirty && !state.dirty)) void refreshMenu(current);
      if (step === 'close') setImmediate(() => closeAndCarryOnQuitting(window));
      return { ok: true };
    },
    async setMenu({ items }) {
      menuItems = items;
      await refreshMenu(current);
      return { ok: true };
    },
    async chooseProjectToOpen(_request, window) {
      const path = await showOpenProjectDialog(
        window,
        dialogFolder(guardOf(window).document.path, current.defaultFolder),
      );
      if (path !== null) await current.folders.allow(dirname(path));
      return { path };
    },
    async chooseSaveLocation({ suggestedName }, window) {
      const folder = dialogFolder(guardOf(window).document.path, current.defaultFolder);
      const chosen = await showSaveProjectDialog(window, join(folder, suggestedFileName(suggestedName)));
      if (chosen === null) return { path: null, replaceConfirmed: false };
      await current.folders.allow(dirname(chosen.path));
      return chosen;
    },
    async requestMicrophone(_request, window) {
      const contents = window.webContents;
      microphoneRequests.request(contents.id, Date.now());
      return { ok: true };
    },
  };
}

function closeAndCarryOnQuitting(window: BrowserWindow): void {
  window.close();
  if (quitting) app.quit();
}

/** A page that crashes is reloaded (it offers the backed-up work back), but not forever. */
const MAX_RELOADS_AFTER_CRASH = 3;

async function openStudioWindow(current: Studio): Promise<void> {
  const window = await createStudioWindow({
    preload: join(here, '../preload/index.cjs'),
    url: devOrigin === null ? APP_ENTRY_URL : (process.env['ELECTRON_RENDERER_URL'] ?? APP_ENTRY_URL),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    icon: join(resourcesRoot(), 'icons', '512x512.png'),
  });
  const guard = guardOf(window);
  window.on('close', (event) => {
    if (guard.onCloseRequested() === 'close') return;
    event.preventDefault();
    const choice = closeChoiceOf(
      dialog.showMessageBoxSync(window, unsavedChangesPrompt(guard.document.title)),
    );
    const step = guard.onChoice(choice);
    if (step === 'stay') quitting = false;
    else if (step === 'save-then-close') sendEvent(window, { type: 'save-before-close' });
    else if (step === 'close') {
      // "Don't Save": the backup of these edits must not be offered back on the next start.
      const { docId } = guard.document;
      const discard = docId === null ? Promise.resolve() : current.dispatch('discardRecovery', { id: docId });
      void discard.finally(() => closeAndCarryOnQuitting(window));
    }
  });
  let reloads = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    console.error(`[window] the page stopped (${details.reason}). Unsaved work is backed up.`);
    if (reloads < MAX_RELOADS_AFTER_CRASH) {
      reloads += 1;
      window.reload();
    }
  });
  await refreshMenu(current);
  if (pendingProject !== null) {
    const path = pendingProject;
    pendingProject = null;
    await openProjectIn(window, path);
  }
  console.log(`${APP_NAME} ${app.getVersion()} started.`);
}
