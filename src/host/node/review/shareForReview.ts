import { randomBytes } from 'node:crypto';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../../core/schema';
import { exportVideo, ExportError, PRESETS, type ExportPreset } from '../../../export';
import { failure, type HostHandlers } from '../../contract';
import type { ShareState } from '../../contract/reviewChannels';
import type { FolderGuard } from '../hostFolders';
import type { AssetStore } from '../hostDocuments';
import { chosenPageName, draftWatermark, reviewPageName } from '../../../core/review/pageName';
import { reviewPageHtml } from './reviewPageHtml';
import { reviewPageScript } from './reviewPageScript';
import { describeFileError, removeStaleLeftovers, writeNewFileAtomic } from '../../../node/files';

interface ShareJob {
  state: ShareState;
  percent: number;
  path: string | null;
  message: string | null;
  controller: AbortController;
}

export interface ReviewHandlerOptions {
  guard: FolderGuard;
  /** A document's assets, held until `release` (the page may close the document meanwhile). */
  assets: (docId: string) => { assets: AssetStore; release: () => Promise<void> };
  now: () => number;
  /** Where ffmpeg is looked for (tests narrow it); the usual search otherwise. */
  ffmpeg?: string | null;
}

type ReviewHandlers = Pick<HostHandlers, 'shareForReview' | 'shareStatus' | 'cancelShare'>;

/** `name`, or `name (2)`, `name (3)`, ... : a review page never replaces another file. */
function numberedName(folder: string, name: string): (copy: number) => string {
  const dot = name.lastIndexOf('.');
  return (copy) => join(folder, copy === 1 ? name : `${name.slice(0, dot)} (${copy})${name.slice(dot)}`);
}

/** A write of the page that failed, with its reason in words (the disk is full, ...). */
class PageWriteError extends Error {}

/**
 * "Share for review": renders the project with the draft preset (DRAFT, version and date on
 * every frame) and writes one HTML file holding the video and the review page's UI.
 */
export function createReviewHandlers(options: ReviewHandlerOptions): ReviewHandlers {
  const jobs = new Map<string, ShareJob>();

  async function run(
    job: ShareJob,
    project: Project,
    docId: string,
    shareId: string,
    folder: string,
    fileName: string | null,
  ): Promise<void> {
    const share = project.review.shares.find((s) => s.id === shareId);
    if (share === undefined || project.id === undefined) throw new Error('the share is not in the project');
    const sharedAt = new Date(options.now()).toISOString();
    const preset: ExportPreset = {
      ...PRESETS.draft,
      watermark: draftWatermark(share.version, sharedAt),
    };
    const temp = await mkdtemp(join(tmpdir(), 'kindness-share-'));
    const held = options.assets(docId);
    try {
      const video = join(temp, 'draft.mp4');
      const result = await exportVideo({
        project,
        assets: held.assets,
        outputPath: video,
        preset,
        sidecars: false,
        signal: job.controller.signal,
        ...(options.ffmpeg ? { ffmpeg: options.ffmpeg } : {}),
        onProgress: (p) => {
          job.percent = Math.min(95, p.percent * 0.95);
        },
      });
      job.state = 'writing';
      const html = reviewPageHtml({
        data: {
          projectId: project.id,
          projectTitle: project.title,
          shareId: share.id,
          draftVersion: share.version,
          sharedAt,
          secret: share.secret,
          frame: { width: project.video.width, height: project.video.height, fps: result.fps },
          duration: result.durationSeconds,
          comments: project.review.comments.map((c) => ({
            id: c.id,
            time: c.time,
            author: c.author,
            text: c.text,
            status: c.status,
            replies: c.replies,
            ...(c.point ? { point: c.point } : {}),
            ...(c.mark ? { mark: c.mark } : {}),
            ...(c.resolvedBy ? { resolvedBy: c.resolvedBy } : {}),
          })),
        },
        videoBase64: (await readFile(video)).toString('base64'),
        script: await reviewPageScript(),
      });
      if (job.controller.signal.aborted) throw new ExportError('cancelled', 'cancelled');
      const name = fileName ?? reviewPageName(project.title, share.version);
      let target: string | null;
      try {
        await removeStaleLeftovers(folder);
        // Through the one writer: a new file under a free name, nothing left behind on failure.
        target = await writeNewFileAtomic(numberedName(folder, name), html);
      } catch (error) {
        throw new PageWriteError(describeFileError(error));
      }
      if (target === null) throw new PageWriteError(`"${name}" and 998 numbered copies already exist`);
      Object.assign(job, { state: 'done', percent: 100, path: target });
    } finally {
      await held.release();
      await rm(temp, { recursive: true, force: true });
    }
  }

  return {
    async shareForReview({ docId, project, shareId, folder, fileName }) {
      // The folder first: a path outside the chosen folders is refused before anything else.
      const requested = folder ?? options.guard.folders[0];
      if (requested === undefined) return failure('no-folder', 'No folder was chosen for your projects.');
      const inside = await options.guard.check(requested);
      if (!inside.ok) return inside;
      const share = project.review.shares.find((s) => s.id === shareId);
      if (share === undefined || project.id === undefined) {
        return failure('no-share', 'This project has no such share; start "Share for review" again.');
      }
      const named = fileName === undefined ? null : chosenPageName(fileName);
      if (named !== null && !named.ok) return failure('bad-name', named.message);
      const jobId = `share-${randomBytes(8).toString('hex')}`;
      const job: ShareJob = {
        state: 'rendering',
        percent: 0,
        path: null,
        message: null,
        controller: new AbortController(),
      };
      jobs.set(jobId, job);
      run(job, project, docId, shareId, inside.path, named?.name ?? null).catch((error: unknown) => {
        if (job.controller.signal.aborted) {
          Object.assign(job, {
            state: 'cancelled',
            message: 'Sharing was cancelled. No review page was written.',
          });
          return;
        }
        const reason =
          error instanceof ExportError
            ? error.message
            : error instanceof PageWriteError
              ? `the review page could not be written: ${error.message}. Nothing was left in the folder.`
              : 'the review page could not be written';
        Object.assign(job, { state: 'failed', message: `The draft could not be shared: ${reason}` });
      });
      return { ok: true, jobId };
    },

    async shareStatus({ jobId }) {
      const job = jobs.get(jobId);
      if (job === undefined) return failure('not-found', 'This share is no longer known to the studio.');
      return { ok: true, state: job.state, percent: job.percent, path: job.path, message: job.message };
    },

    async cancelShare({ jobId }) {
      const job = jobs.get(jobId);
      if (job === undefined) return failure('not-found', 'This share is no longer known to the studio.');
      job.controller.abort();
      return { ok: true };
    },
  };
}
