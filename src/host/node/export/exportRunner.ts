import { fork, type ChildProcess } from 'node:child_process';
import {
  startBatch,
  type BatchOutputRequest,
  type BatchResult,
  type OutputProgress,
} from '../../../export/batch/exportBatch';
import type { Project } from '../../../core/schema';

/** What an export job asks for: plain data, so it can cross into a child process. */
export interface ExportJobRequest {
  readonly project: Project;
  readonly assets: ReadonlyMap<string, Uint8Array>;
  readonly outputs: readonly BatchOutputRequest[];
}

export interface RunningExport {
  cancel(outputId?: string): void;
  /** Resolves with every output's end; never rejects (a crash fails the outputs left). */
  readonly done: Promise<BatchResult>;
}

/** Runs a batch somewhere: in a child process in the app, in this process in unit tests. */
export type ExportRunner = (
  request: ExportJobRequest,
  onProgress: (progress: OutputProgress) => void,
) => RunningExport;

/** Messages to the export process. */
export type ToWorker =
  | { readonly type: 'start'; readonly request: ExportJobRequest }
  | { readonly type: 'cancel'; readonly output?: string | undefined };

/** Messages from the export process. */
export type FromWorker =
  | { readonly type: 'progress'; readonly progress: OutputProgress }
  | { readonly type: 'done'; readonly result: BatchResult };

/** In this process: for tests (and hosts without a worker script). */
export const inProcessRunner: ExportRunner = (request, onProgress) => {
  const job = startBatch({ ...request, onProgress });
  return { cancel: (id) => job.cancel(id), done: job.done };
};

export interface ChildRunnerOptions {
  /** The built export process entry (exportWorker.js beside the host's bundle). */
  readonly script: string;
  /** Extra environment (Electron runs the script as plain Node with ELECTRON_RUN_AS_NODE). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Each export in its own Node process. The render (Konva on a native canvas) and the frame
 * hand-over are CPU-bound and synchronous per frame; in a child process they cannot stall the
 * event loop that answers the page, a crash in native code cannot take the studio down, and
 * cancel-all can always end the process. Requests and progress cross as structured clones
 * (`advanced` serialization carries the asset bytes without base64).
 */
export function childProcessRunner(options: ChildRunnerOptions): ExportRunner {
  return (request, onProgress) => {
    const child: ChildProcess = fork(options.script, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...options.env },
    });
    const send = (message: ToWorker): void => {
      if (child.connected) child.send(message);
    };
    const done = new Promise<BatchResult>((resolve) => {
      let result: BatchResult | null = null;
      child.on('message', (message: FromWorker) => {
        if (message.type === 'progress') onProgress(message.progress);
        else result = message.result;
      });
      const end = (why: string): void => {
        resolve(result ?? crashed(request, why));
      };
      child.once('exit', (code, signal) => end(signal !== null ? `signal ${signal}` : `exit code ${code}`));
      child.once('error', (err) => {
        child.kill('SIGKILL');
        end(err.message);
      });
    });
    send({ type: 'start', request });
    return { cancel: (output) => send({ type: 'cancel', output }), done };
  };
}

function crashed(request: ExportJobRequest, why: string): BatchResult {
  return {
    outputs: request.outputs.map((o) => ({
      id: o.id,
      preset: o.preset,
      state: 'failed',
      outputPath: o.outputPath,
      sidecars: [],
      width: 0,
      height: 0,
      fps: 0,
      frames: 0,
      durationSeconds: 0,
      warnings: [],
      error: {
        kind: 'render-failed',
        message: 'The export stopped unexpectedly. Nothing of it was kept; try again.',
        detail: `The export process ended (${why}).`,
      },
      report: null,
    })),
    renderedFrames: 0,
    elapsedSeconds: 0,
    ffmpeg: null,
  };
}
