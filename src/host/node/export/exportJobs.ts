import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BatchResult, OutputProgress } from '../../../export/batch/exportBatch';
import { failure, type ExportOutputId, type ExportOutputStatus, type HostHandlers } from '../../contract';
import type { AssetStore } from '../hostDocuments';
import type { FolderGuard } from '../hostFolders';
import { describeFileError } from '../../../node/files';
import { cleanBaseName, reserveOutputPaths } from './exportNames';
import type { ExportRunner, RunningExport } from './exportRunner';

type ExportHandlers = Pick<
  HostHandlers,
  'startExport' | 'exportStatus' | 'cancelExport' | 'showInFolder' | 'notifyExportDone'
>;

export interface ExportJobsOptions {
  readonly guard: FolderGuard;
  /** A document's assets, held (spooled files kept) until `release`: the job ends after the page may close it. */
  readonly assets: (docId: string) => { assets: AssetStore; release: () => Promise<void> };
  readonly runner: ExportRunner;
  /** Electron shows the file in the system's file manager; the web host cannot. */
  readonly showInFolder?: ((path: string) => Promise<boolean>) | undefined;
  /** Shows a system notification (Electron); absent in the web host. */
  readonly notify?: ((title: string, body: string) => Promise<boolean>) | undefined;
}

interface Job {
  readonly running: RunningExport;
  readonly outputs: Map<ExportOutputId, ExportOutputStatus>;
  finished: boolean;
}

/** Finished jobs kept for the page to read their reports. */
const KEEP_FINISHED = 20;

/** The export channels over a runner; the folder guard decides where files may go. */
export function createExportJobs(options: ExportJobsOptions): ExportHandlers & { stopAll(): Promise<void> } {
  const jobs = new Map<string, Job>();

  function forget(): void {
    const finished = [...jobs].filter(([, job]) => job.finished);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  return {
    async startExport({ docId, project, outputs, folder, baseName }) {
      const inside = await options.guard.check(folder);
      if (!inside.ok) return inside;
      const isFolder = await stat(inside.path).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!isFolder) {
        return failure('not-found', `The folder "${basename(inside.path)}" does not exist. Choose another.`);
      }
      const base = cleanBaseName(baseName);
      if (base === '') return failure('bad-name', 'Give the files a name (letters or digits).');
      const ids = [...new Set(outputs)];
      // Reserved on disk, with their sidecars: a second export (here or elsewhere) never takes them.
      let reserved: Awaited<ReturnType<typeof reserveOutputPaths>>;
      try {
        reserved = await reserveOutputPaths(inside.path, base, ids);
      } catch (error) {
        return failure(
          'save-failed',
          `Nothing can be saved in "${basename(inside.path)}": ${describeFileError(error)}. Choose another folder.`,
        );
      }
      const { paths, reservation } = reserved;
      const status = new Map<ExportOutputId, ExportOutputStatus>(
        ids.map((id) => [id, initialStatus(id, paths.get(id) as string)]),
      );
      const held = options.assets(docId);
      const running = options.runner(
        {
          project,
          assets: held.assets,
          outputs: ids.map((id) => ({ id, preset: id, outputPath: paths.get(id) as string })),
          // The editor's caption and end-card checks, made again on the exported frames.
          readability: true,
        },
        (progress) => applyProgress(status, progress),
      );
      const jobId = `job-${randomBytes(8).toString('hex')}`;
      const job: Job = { running, outputs: status, finished: false };
      jobs.set(jobId, job);
      void running.done.then(async (result) => {
        await held.release();
        // The names are freed before the job says it is over, so nothing of it is left then.
        await reservation.release();
        applyResult(status, result);
        job.finished = true;
        forget();
      });
      return { ok: true, jobId, outputs: ids.map((id) => ({ id, path: paths.get(id) as string })) };
    },

    async exportStatus({ jobId }) {
      const job = jobs.get(jobId);
      if (job === undefined) return failure('not-found', 'That export is no longer known to the studio.');
      return { ok: true, state: job.finished ? 'finished' : 'running', outputs: [...job.outputs.values()] };
    },

    async cancelExport({ jobId, output }) {
      const job = jobs.get(jobId);
      if (job === undefined) return failure('not-found', 'That export is no longer known to the studio.');
      job.running.cancel(output);
      return { ok: true };
    },

    async notifyExportDone({ title, body }) {
      return { ok: true, shown: options.notify === undefined ? false : await options.notify(title, body) };
    },

    async showInFolder({ path }) {
      const inside = await options.guard.check(path);
      if (!inside.ok) return inside;
      if (options.showInFolder === undefined) return { ok: true, shown: false };
      return { ok: true, shown: await options.showInFolder(inside.path) };
    },

    async stopAll() {
      const running = [...jobs.values()].filter((j) => !j.finished);
      for (const job of running) job.running.cancel();
      await Promise.all(running.map((j) => j.running.done));
    },
  };
}

function initialStatus(id: ExportOutputId, path: string): ExportOutputStatus {
  return {
    id,
    state: 'waiting',
    frame: 0,
    totalFrames: 0,
    percent: 0,
    etaSeconds: null,
    path,
    sidecars: [],
    error: null,
    report: null,
    warnings: [],
  };
}

function applyProgress(status: Map<ExportOutputId, ExportOutputStatus>, p: OutputProgress): void {
  const current = status.get(p.id as ExportOutputId);
  if (current === undefined) return;
  status.set(current.id, {
    ...current,
    state: p.state,
    frame: p.frame,
    totalFrames: p.totalFrames,
    percent: Math.round(p.percent * 10) / 10,
    etaSeconds: p.etaSeconds === null ? null : Math.max(0, Math.round(p.etaSeconds)),
  });
}

function applyResult(status: Map<ExportOutputId, ExportOutputStatus>, result: BatchResult): void {
  for (const output of result.outputs) {
    const current = status.get(output.id as ExportOutputId);
    if (current === undefined) continue;
    status.set(current.id, {
      ...current,
      state: output.state,
      frame: output.state === 'done' ? output.frames : current.frame,
      totalFrames: output.frames || current.totalFrames,
      percent: output.state === 'done' ? 100 : current.percent,
      etaSeconds: output.state === 'done' ? 0 : null,
      sidecars: [...output.sidecars],
      error: output.error,
      report:
        output.report === null ? null : { level: output.report.level, checks: [...output.report.checks] },
      warnings: [...output.warnings],
    });
  }
}
