import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Project } from '../../core/schema';
import { displayName } from '../../core/text';
import { failure, type HostHandlers, type RepairNoteSchema } from '../contract';
import type { z } from 'zod';
import { MAX_ASSET_BYTES, mimeOf } from './assetBytes';
import { audioHandlers, importedKind } from './audio/audioHandlers';
import { createAudioService } from './audio/audioService';
import { assetKindOf, createDocumentStore, type DocumentStore } from './hostDocuments';
import { isProjectFileName, listProjectFolder, parentWithin } from './hostFiles';
import { createExportJobs } from './export/exportJobs';
import { inProcessRunner, type ExportRunner } from './export/exportRunner';
import { createFolderGuard, type FolderGuard } from './hostFolders';
import { listTemplates, loadTemplate } from './hostTemplates';
import { createSubtitleHandlers } from './hostSubtitles';
import { checkProjectSounds, SOUND_PROBLEM_PATH } from './audio/checkProjectSounds';
import { assetIdFor, openProjectFile, SaveError, saveProjectFile, type OpenError } from './projectFile';
import { createRecoveryStore } from './recovery/recoveryStore';
import { createSettingsStore } from './settings/settingsStore';
import { createSafetyHandlers } from './safety/safetyDirectoryStore';
import { createReviewHandlers } from './review/shareForReview';
import { voiceHandlers } from './voice/voiceHandlers';
import { assetSize, readAssetBytes } from '../../node/assets';
import { formatBytes } from './projectFile/limits';
import type { VoiceRunner } from './voice/voiceRunner';
import { createLibraryHandlers } from './library/libraryStore';

export interface NodeHostOptions {
  /** Folders the user chose: every file the page opens or saves must be inside one of them. */
  folders: readonly string[];
  /** The app's data folder: settings and backups of unsaved work. */
  dataDir: string;
  /** Where the sample projects offered as templates are. */
  templatesDir: string;
  version: string;
  shell: 'web' | 'electron';
  now?: () => number;
  /** Where the #CreateKindness story templates are; by default `templates/` beside the samples folder. */
  storyTemplatesDir?: string;
  /** Where the shipped safety directory is; by default `safety/` beside the templates folder. */
  safetyDir?: string;
  /** Used instead of a guard over `folders` (Electron's grows as the user picks folders in native dialogs). */
  guard?: FolderGuard;
  /** Where exports run (another process in the app); without it, in this process (tests). */
  exportRunner?: ExportRunner | undefined;
  /** Where "Time to voice" and a talking mouth listen (a worker thread); without it, in this thread (tests). */
  voiceRunner?: VoiceRunner | undefined;
  /** Shows a file in the system's file manager (Electron); absent in the web host. */
  showInFolder?: ((path: string) => Promise<boolean>) | undefined;
  /** Shows a system notification (Electron); absent in the web host. */
  notify?: ((title: string, body: string) => Promise<boolean>) | undefined;
}

export { MAX_ASSET_BYTES };

type RepairNote = z.infer<typeof RepairNoteSchema>;

/** The Node implementation of every channel; wrap it with `createDispatcher` to validate requests. */
export async function createNodeHostHandlers(options: NodeHostOptions): Promise<HostHandlers> {
  const now = options.now ?? Date.now;
  const guard = options.guard ?? (await createFolderGuard(options.folders));
  const documents: DocumentStore = createDocumentStore();
  const recovery = createRecoveryStore(options.dataDir, now);
  const settings = createSettingsStore(options.dataDir, now);
  const exports = createExportJobs({
    guard,
    assets: (docId) => documents.hold(docId),
    runner: options.exportRunner ?? inProcessRunner,
    showInFolder: options.showInFolder,
    notify: options.notify,
  });
  const audio = createAudioService();

  /**
   * A document the page starts editing. Its sounds are read first, as the export will read them:
   * one that cannot be (damaged, a renamed text file) comes first among the notes, so the creator
   * hears of it now and not when an export fails.
   */
  async function opened(docId: string, project: Project, path: string | null, repairs: RepairNote[]) {
    const sounds = await checkProjectSounds(project, documents.assets(docId), audio);
    const soundNotes = sounds.problems.map((p) => ({ path: SOUND_PROBLEM_PATH, message: p.message }));
    return { ok: true as const, docId, project, path, repairs: [...soundNotes, ...repairs] };
  }

  async function save(docId: string, path: string, project: Project, mayReplace: boolean) {
    const inside = await guard.check(path);
    if (!inside.ok) return { ok: false as const, error: inside.error };
    const target = inside.path;
    if (!target.endsWith('.kindness')) {
      return failure(
        'wrong-type',
        `Projects are saved as ".kindness" files; "${displayName(basename(target))}" is not one.`,
      );
    }
    if (!mayReplace) {
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) {
        return failure(
          'exists',
          `"${displayName(basename(target))}" already exists. Choose another name, or replace it.`,
        );
      }
    }
    const missing = documents.missingAssets(docId, project);
    if (missing.length > 0) {
      return failure(
        'assets-missing',
        `${missing.length} picture or sound file(s) of this project are no longer available to the studio ` +
          '(was it restarted?), so it was not saved. Your unsaved work is backed up; reopen it from the start screen.',
      );
    }
    const held = documents.hold(docId);
    try {
      await saveProjectFile(target, project, held.assets, {
        replace: mayReplace ? 'always' : 'never',
      });
    } catch (error) {
      if (error instanceof SaveError)
        return failure(error.code === 'EEXIST' ? 'exists' : 'save-failed', error.message);
      throw error;
    } finally {
      void held.release();
    }
    // The file now holds these edits: the backup of unsaved work has done its job.
    await recovery.discard(docId);
    await settings.addRecent(target);
    return { ok: true as const, path: target, savedAt: now() };
  }

  const storyTemplatesDir = options.storyTemplatesDir ?? join(dirname(options.templatesDir), 'templates');
  return {
    ...createSafetyHandlers({
      bundledFile: join(options.safetyDir ?? join(dirname(options.templatesDir), 'safety'), 'directory.json'),
      dataDir: options.dataDir,
      now,
    }),
    ...createSubtitleHandlers(guard),
    ...createLibraryHandlers({ dataDir: options.dataDir, now, documents }),
    ...createReviewHandlers({ guard, assets: (id) => documents.hold(id), now }),
    startExport: exports.startExport,
    exportStatus: exports.exportStatus,
    cancelExport: exports.cancelExport,
    showInFolder: exports.showInFolder,
    notifyExportDone: exports.notifyExportDone,

    async appInfo() {
      return {
        ok: true,
        version: options.version,
        platform: process.platform,
        shell: options.shell,
        folders: [...guard.folders],
      };
    },

    async listTemplates() {
      return { ok: true, templates: await listTemplates(options.templatesDir, storyTemplatesDir) };
    },

    async loadTemplate({ id }) {
      const loaded = await loadTemplate(options.templatesDir, id, storyTemplatesDir);
      if (!loaded.ok) return loaded;
      return opened(documents.open(loaded.assets), loaded.project, null, []);
    },

    async listFiles({ folder }) {
      const requested = folder ?? guard.folders[0];
      if (requested === undefined) return failure('no-folder', 'No folder was chosen for your projects.');
      const inside = await guard.check(requested);
      if (!inside.ok) return inside;
      const root = guard.rootOf(inside.path) ?? inside.path;
      try {
        const entries = await listProjectFolder(inside.path);
        return { ok: true, folder: inside.path, parent: parentWithin(inside.path, root), entries };
      } catch {
        return failure('not-found', `The folder "${displayName(basename(inside.path))}" could not be read.`);
      }
    },

    async openProject({ path }) {
      const inside = await guard.check(path);
      if (!inside.ok) return inside;
      if (!isProjectFileName(inside.path)) {
        return failure(
          'wrong-type',
          `"${displayName(basename(inside.path))}" is not a Kindness Studio project (.kindness).`,
        );
      }
      const result = await openProjectFile(inside.path);
      if (!result.ok) return failure(result.error.kind, result.error.message, errorDetail(result.error));
      await settings.addRecent(inside.path);
      // A plain-JSON project is opened as a copy: saving writes a .kindness file, chosen with Save As.
      const savePath = result.container === 'zip' ? inside.path : null;
      return opened(documents.open(result.assets), result.project, savePath, result.repairs);
    },

    async saveProject({ docId, path, project }) {
      return save(docId, path, project, true);
    },

    async saveProjectAs({ docId, path, project, overwrite }) {
      return save(docId, path, project, overwrite);
    },

    async listRecent() {
      return { ok: true, files: await settings.recent() };
    },

    async writeRecovery({ docId, project, path }) {
      const held = documents.hold(docId);
      try {
        const savedAt = await recovery.write(docId, project, held.assets, path);
        return { ok: true, savedAt };
      } catch (error) {
        const message = error instanceof SaveError ? error.message : 'The backup could not be written.';
        return failure('backup-failed', `Your unsaved work could not be backed up: ${message}`);
      } finally {
        void held.release();
      }
    },

    async listRecoveries() {
      return { ok: true, recoveries: await recovery.list() };
    },

    async takeRecovery({ id }) {
      const found = await recovery.read(id);
      if (found === null) return failure('not-found', 'That backup is no longer there.');
      const { opened: result, recovery: info } = found;
      if (!result.ok)
        return failure(result.error.kind, `The backup could not be opened: ${result.error.message}`);
      return opened(documents.open(result.assets, id), result.project, info.path, result.repairs);
    },

    async discardRecovery({ id }) {
      await recovery.discard(id);
      return { ok: true };
    },

    async closeDocument({ docId }) {
      await documents.close(docId);
      return { ok: true };
    },

    async readAsset({ docId, assetId }) {
      const data = documents.assets(docId).get(assetId);
      const missing = () => failure('not-found', 'This picture or sound is missing from the project.');
      if (data === undefined) return missing();
      // The answer goes whole to the page as base64 (about 2.3 times its size in this process
      // while it is made): past the largest file the studio takes in, it is refused, so a project
      // with huge sounds or pictures cannot take the host past its memory budget.
      if (assetSize(data) > MAX_ASSET_BYTES)
        return failure(
          'too-large',
          `This file is ${formatBytes(assetSize(data))}, more than the ${formatBytes(MAX_ASSET_BYTES)} the studio's preview shows or plays. It stays in the project, and the export uses it.`,
        );
      // A large one's file is read for this answer only.
      const bytes = await readAssetBytes(data).catch(() => null);
      if (bytes === null) return missing();
      return { ok: true, mime: mimeOf(bytes), data: bytes.toString('base64') };
    },

    async importAsset({ docId, name, mime, data }) {
      const kind = importedKind(assetKindOf(mime), data);
      if (kind === null) {
        return failure(
          'unsupported',
          `"${displayName(name)}" cannot be used: pictures (PNG, JPEG, GIF, WebP, SVG), sounds (MP3, WAV, M4A, Ogg) and fonts can.`,
        );
      }
      const bytes = Buffer.from(data, 'base64');
      if (bytes.length > MAX_ASSET_BYTES) {
        return failure(
          'too-large',
          `"${displayName(name)}" is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB, so it was not added.`,
        );
      }
      if (kind === 'audio') {
        const checked = await audio.check(name, assetIdFor(bytes), bytes);
        if (!checked.ok) return checked;
        const assetId = await documents.addAsset(docId, bytes);
        const info = { kind, name: name.slice(0, 255), mime: checked.mime, size: bytes.length };
        return { ok: true, assetId, info: { ...info, duration: checked.duration } };
      }
      const assetId = await documents.addAsset(docId, bytes);
      return { ok: true, assetId, info: { kind, name: name.slice(0, 255), mime, size: bytes.length } };
    },

    ...audioHandlers(documents, audio),
    ...voiceHandlers(documents, { runner: options.voiceRunner }),
  };
}

/** The zip reader's own words for a damaged file, kept apart from the creator's message. */
function errorDetail(error: OpenError): string | undefined {
  return error.kind === 'not-a-zip' && 'detail' in error ? error.detail : undefined;
}
