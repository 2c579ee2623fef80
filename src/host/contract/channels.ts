import { z } from 'zod';
import { AssetIdSchema, AssetInfoSchema, ProjectSchema } from '../../core/schema';
import { EXPORT_CHANNELS } from './exportChannels';
import { AUDIO_CHANNELS } from './audioChannels';
import { resultSchema } from './result';
import { SAFETY_CHANNELS } from './safetyChannels';
import { LIBRARY_CHANNELS } from './libraryChannels';
import { CAPTION_CHANNELS } from './captionChannels';
import { REVIEW_CHANNELS } from './reviewChannels';
import { VOICE_CHANNELS } from './voiceChannels';

/**
 * Every channel between the page and its host (Electron main process or the loopback web
 * server): name, request schema, response schema. The handlers, the Electron preload and the
 * browser client are all built from this one table, so they cannot drift apart.
 *
 * Paths are absolute paths on the host's machine; the host refuses any outside the folders
 * the user chose. A `docId` names one open document's asset store on the host.
 */

/** Asset bytes travel as base64 so one JSON schema serves HTTP and IPC alike. */
const Base64Schema = z.string().max(120_000_000);
const PathSchema = z.string().min(1).max(4096);
const DocIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id (letters, digits, _ and -)');

export const RepairNoteSchema = z.object({ path: z.string(), message: z.string() });

export const TemplateSummarySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string(),
  description: z.string(),
  sceneCount: z.number().int().min(0),
  /** Seconds. */
  duration: z.number().min(0),
  /** A story template's #CreateKindness theme (its id and name); absent for blank and samples. */
  theme: z.string().max(100).optional(),
  themeLabel: z.string().max(100).optional(),
  /** Seconds: the moment its card shows while it is not playing (its key frame). */
  posterTime: z.number().min(0).optional(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

/** A document the host has opened (from a file, a template or a recovery): what the editor starts from. */
const OpenedDocumentShape = {
  docId: DocIdSchema,
  project: ProjectSchema,
  /** The file it was opened from and saves to; null until saved (templates, blank, some recoveries). */
  path: PathSchema.nullable(),
  /** Warnings for the creator: what was repaired or is missing. */
  repairs: z.array(RepairNoteSchema),
};

export const FileEntrySchema = z.object({
  name: z.string(),
  path: PathSchema,
  kind: z.enum(['folder', 'project']),
  size: z.number().int().min(0),
  /** Milliseconds since 1970. */
  modified: z.number(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const RecentFileSchema = z.object({ path: PathSchema, name: z.string(), openedAt: z.number() });
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const RecoverySchema = z.object({
  id: DocIdSchema,
  title: z.string(),
  /** The file the edits belong to, if it had been saved. */
  path: PathSchema.nullable(),
  /** Milliseconds since 1970: when the backup was written. */
  savedAt: z.number(),
  sceneCount: z.number().int().min(0),
});
export type Recovery = z.infer<typeof RecoverySchema>;

const Empty = z.object({});

export const CHANNELS = {
  ...SAFETY_CHANNELS,
  ...CAPTION_CHANNELS,
  appInfo: {
    request: Empty,
    response: resultSchema({
      version: z.string(),
      platform: z.string(),
      shell: z.enum(['web', 'electron']),
      /** Folders the user chose; file access is limited to them. The first is the default. */
      folders: z.array(PathSchema),
    }),
  },
  listTemplates: {
    request: Empty,
    response: resultSchema({ templates: z.array(TemplateSummarySchema) }),
  },
  /** Starts a new document from a template (`blank` is always there). */
  loadTemplate: {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: resultSchema(OpenedDocumentShape),
  },
  /** Lists project files and folders in a folder the user chose (the in-app file dialog). */
  listFiles: {
    request: z.object({ folder: PathSchema.nullable() }),
    response: resultSchema({
      folder: PathSchema,
      /** The folder above, or null at the top of a chosen folder. */
      parent: PathSchema.nullable(),
      entries: z.array(FileEntrySchema),
    }),
  },
  openProject: {
    request: z.object({ path: PathSchema }),
    response: resultSchema(OpenedDocumentShape),
  },
  /** Saves over the document's file (the previous version is kept as `.bak`). */
  saveProject: {
    request: z.object({ docId: DocIdSchema, path: PathSchema, project: ProjectSchema }),
    response: resultSchema({ path: PathSchema, savedAt: z.number() }),
  },
  /** Saves to a new file; refuses to replace an existing one unless `overwrite` is set. */
  saveProjectAs: {
    request: z.object({
      docId: DocIdSchema,
      path: PathSchema,
      project: ProjectSchema,
      overwrite: z.boolean().default(false),
    }),
    response: resultSchema({ path: PathSchema, savedAt: z.number() }),
  },
  listRecent: {
    request: Empty,
    response: resultSchema({ files: z.array(RecentFileSchema) }),
  },
  /** Backs up a document's unsaved edits to the app's data folder. */
  writeRecovery: {
    request: z.object({ docId: DocIdSchema, project: ProjectSchema, path: PathSchema.nullable() }),
    response: resultSchema({ savedAt: z.number() }),
  },
  listRecoveries: {
    request: Empty,
    response: resultSchema({ recoveries: z.array(RecoverySchema) }),
  },
  /** Opens a backup as a document (it keeps being backed up under the same id). */
  takeRecovery: {
    request: z.object({ id: DocIdSchema }),
    response: resultSchema(OpenedDocumentShape),
  },
  discardRecovery: {
    request: z.object({ id: DocIdSchema }),
    response: resultSchema({}),
  },
  /**
   * The page is done with a document (it opened another, or closed it): the host frees its
   * pictures and sounds. An unknown id is fine (it may already be closed).
   */
  closeDocument: {
    request: z.object({ docId: DocIdSchema }),
    response: resultSchema({}),
  },
  readAsset: {
    request: z.object({ docId: DocIdSchema, assetId: AssetIdSchema }),
    response: resultSchema({ mime: z.string(), data: Base64Schema }),
  },
  /** Adds a picture, sound or font to a document; the same bytes always get the same id. */
  importAsset: {
    request: z.object({
      docId: DocIdSchema,
      name: z.string().min(1).max(255),
      mime: z.string().min(1).max(100),
      data: Base64Schema,
    }),
    response: resultSchema({ assetId: AssetIdSchema, info: AssetInfoSchema }),
  },
  ...REVIEW_CHANNELS,
  ...EXPORT_CHANNELS,
  ...AUDIO_CHANNELS,
  ...VOICE_CHANNELS,
  ...LIBRARY_CHANNELS,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(CHANNELS, name);
}

/** What a caller passes (defaults may be left out). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
/** What a caller gets back. */
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
/** What a handler may return (checked against the schema before it leaves). */
export type HandlerResponseOf<C extends ChannelName> = z.input<Channels[C]['response']>;
