import { z } from 'zod';

/**
 * What a desktop shell (Electron) adds to the host contract: events it sends to the page
 * (native menu commands, files chosen in native dialogs or passed on the command line) and
 * the few requests the page makes of the shell (report unsaved changes, show a native file
 * dialog). The browser has none of this, so the page treats the shell bridge as optional:
 * `Host` stays the same everywhere.
 */

const PathSchema = z.string().min(1).max(4096);

/** Every command the native menus can send. The page maps each to the same action as its own buttons. */
export const MENU_COMMANDS = [
  'file.newFromTemplate',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.export',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.duplicate',
  'edit.delete',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomToFit',
  'view.toggleSafeZones',
  'view.toggleOnionSkin',
  'help.about',
] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/**
 * The keyboard shortcut of each command, in Electron's accelerator syntax (`CmdOrCtrl` is Cmd
 * on macOS, Ctrl elsewhere). One table for the native menus and the page's tooltips. The page
 * owns the keyboard (the same in a browser and in Electron): the menus show these shortcuts
 * but do not capture the keys, so a shortcut never runs twice and text fields keep their keys.
 */
export const MENU_SHORTCUTS: Readonly<Record<MenuCommand, string | null>> = {
  'file.newFromTemplate': 'CmdOrCtrl+N',
  'file.open': 'CmdOrCtrl+O',
  'file.save': 'CmdOrCtrl+S',
  'file.saveAs': 'CmdOrCtrl+Shift+S',
  'file.export': 'CmdOrCtrl+E',
  'edit.undo': 'CmdOrCtrl+Z',
  'edit.redo': 'CmdOrCtrl+Shift+Z',
  'edit.cut': 'CmdOrCtrl+X',
  'edit.copy': 'CmdOrCtrl+C',
  'edit.paste': 'CmdOrCtrl+V',
  'edit.duplicate': 'CmdOrCtrl+D',
  'edit.delete': 'Delete',
  'view.zoomIn': 'CmdOrCtrl+=',
  'view.zoomOut': 'CmdOrCtrl+-',
  'view.zoomToFit': 'CmdOrCtrl+0',
  'view.toggleSafeZones': 'CmdOrCtrl+Shift+G',
  'view.toggleOnionSkin': 'CmdOrCtrl+Shift+O',
  'help.about': null,
};

export const ShellEventSchema = z.discriminatedUnion('type', [
  /**
   * A native menu item was clicked. For Undo, Redo, Cut, Copy, Paste and Delete the shell has
   * already applied the native edit to a focused text field: ignore those while one has focus.
   */
  z.object({ type: z.literal('menu'), command: MenuCommandSchema }),
  /**
   * Open this project: chosen in the native Open dialog or Open Recent, double-clicked in the
   * file manager, or passed on the command line. Its folder is already allowed by the host.
   */
  z.object({ type: z.literal('open-project'), path: PathSchema }),
  /** Save the current document to this new path, chosen in the native Save As dialog. */
  z.object({
    type: z.literal('save-as'),
    path: PathSchema,
    /** The dialog already asked about replacing an existing file: pass as `overwrite` to `saveProjectAs`. */
    replaceConfirmed: z.boolean(),
  }),
  /**
   * The creator closes the window and chose "Save" for the unsaved changes: save, then report
   * the document state (`setDocumentState`). Clean closes the window; still dirty keeps it open.
   */
  z.object({ type: z.literal('save-before-close') }),
]);
export type ShellEvent = z.infer<typeof ShellEventSchema>;

/** The page's document, as the shell needs it for the title bar and the prompt on close. */
export const DocumentStateSchema = z.object({
  /** Unsaved changes exist. */
  dirty: z.boolean(),
  /** The document's title for the window title and the close prompt. */
  title: z.string().max(200),
  /** The file it saves to, or null. */
  path: PathSchema.nullable(),
  /** The open document's id (its backup of unsaved work has the same id), or null on the start screen. */
  docId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,64}$/)
    .nullable()
    .default(null),
});
export type DocumentState = z.infer<typeof DocumentStateSchema>;
/** What the page passes (docId may be left out). */
export type DocumentStateInput = z.input<typeof DocumentStateSchema>;

/** Requests the page makes of the shell: name, request and response schemas, as in `CHANNELS`. */
export const SHELL_CHANNELS = {
  setDocumentState: {
    request: DocumentStateSchema,
    response: z.object({ ok: z.literal(true) }),
  },
  /** Shows the native Open dialog; the chosen file's folder becomes one the host may open from. */
  chooseProjectToOpen: {
    request: z.object({}),
    response: z.object({ path: PathSchema.nullable() }),
  },
  /** Shows the native Save dialog; the chosen folder becomes one the host may save to. */
  chooseSaveLocation: {
    request: z.object({ suggestedName: z.string().max(255) }),
    /** `replaceConfirmed`: the dialog already asked about replacing an existing file. */
    response: z.object({ path: PathSchema.nullable(), replaceConfirmed: z.boolean() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type ShellChannelName = keyof typeof SHELL_CHANNELS;
export const SHELL_CHANNEL_NAMES = Object.keys(SHELL_CHANNELS) as ShellChannelName[];

export function isShellChannelName(name: string): name is ShellChannelName {
  return Object.hasOwn(SHELL_CHANNELS, name);
}

/** IPC channel names: one namespace per direction so nothing else can be reached. */
export const IPC_PREFIX = {
  /** Host contract requests (`CHANNELS`), page to main. */
  host: 'kindness:',
  /** Shell requests (`SHELL_CHANNELS`), page to main. */
  shell: 'kindness-shell:',
} as const;
/** Shell events, main to page. */
export const SHELL_EVENT_CHANNEL = 'kindness-event';

/**
 * What the Electron preload exposes as `window.kindnessShell` (next to `window.kindnessHost`,
 * which is exactly the `Host`). Absent in a browser.
 */
export interface ShellBridge {
  /** Calls `listener` for every shell event; returns a function that stops listening. */
  onEvent(listener: (event: ShellEvent) => void): () => void;
  setDocumentState(state: DocumentStateInput): Promise<void>;
  /** The chosen project file, or null if the creator cancelled. */
  chooseProjectToOpen(): Promise<string | null>;
  /** Where to save, or null if the creator cancelled. */
  chooseSaveLocation(suggestedName: string): Promise<{ path: string; replaceConfirmed: boolean } | null>;
}
