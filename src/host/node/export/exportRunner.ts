import { fork, type ChildProcess } from 'node:child_process';
import {
  exportProcessEnvironment,
  withExportProcessFlags,
} from '../../../export/pipeline/exportProcessFlags';
import {
  startBatch,
  type BatchOutputRequest,
  type BatchResult,
  type OutputProgress,
} from '../../../export/batch/exportBatch';
import { presetIdOf } from '../../../export/batch/batchPlan';
import type { Project } from '../../../core/schema';
import { cleanUpAfterCrash } from './crashCleanup';
import type { AssetMap } from '../../../node/assets';

/** What an export job asks for: plain data, so it can cross into a child process. */
export interface ExportJobRequest {
  readonly project: Project;
  readonly assets: AssetMap;
  readonly outputs: readonly BatchOutputRequest[];
  /** See ExportBatchOptions.readability. */
  readonly readability?: boolean;
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
  /** The ffmpeg processes it has running now (ended by the studio if the export process dies). */
  | { readonly type: 'processes'; readonly pids: readonly number[] }
  | { readonly type: 'done'; readonly result: BatchResult };

/** In this process: for tests (and hosts without a worker script). */
export const inProcessRunner: ExportRunner = (request, onProgress) => {
  const job = startBatch({ ...request, onProgress });
  return { cancel: (id) => job.cancel(id), done: job.done };
};

/**
 * A process that runs exports, as the runner sees it: Node's `child_process.fork` in the web
 * host, Electron's `utilityProcess.fork` in the desktop app (its fuses forbid running the
 * Electron binary as plain Node). Messages are structured clones, so asset bytes need no base64.
 */
export interface WorkerChannel {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once when the process has ended, however it ended. */
  onExit(listener: (why: string) => void): void;
}

/**
 * Each export in its own process. The render (Konva on a native canvas) and the frame
 * hand-over are CPU-bound and synchronous per frame; in another process they cannot stall the
 * event loop that answers the page, a crash in native code cannot take the studio down, and
 * cancel-all can always end the process.
 */
export function workerRunner(spawnWorker: () => WorkerChannel): ExportRunner {
  return (request, onProgress) => {
    const startedAt = Date.now();
    const channel = spawnWorker();
    const done = new Promise<BatchResult>((resolve) => {
      let result: BatchResult | null = null;
      let pids: readonly number[] = [];
      const states = new Map<string, OutputProgress['state']>();
      channel.onMessage((message) => {
        if (message.type === 'progress') {
          states.set(message.progress.id, message.progress.state);
          onProgress(message.progress);
        } else if (message.type === 'processes') pids = message.pids;
        else result = message.result;
      });
      channel.onExit((why) => {
        if (result !== null) return resolve(result);
        // Died mid-way: what it finished stays; the rest is failed and cleaned up.
        const unfinished = request.outputs.filter((o) => !FINAL_STATES.has(states.get(o.id) ?? 'waiting'));
        void cleanUpAfterCrash(
          unfinished.map((o) => o.outputPath),
          pids,
          startedAt,
        )
          .catch(() => undefined)
          .then(() => resolve(crashed(unfinished, why)));
      });
    });
    channel.send({ type: 'start', request });
    return { cancel: (output) => channel.send({ type: 'cancel', output }), done };
  };
}

/** The export process as a Node child process (`script` is the built exportWorker.js). */
export function childProcessRunner(options: { readonly script: string }): ExportRunner {
  return workerRunner(() => {
    const child: ChildProcess = fork(options.script, [], {
      execArgv: withExportProcessFlags(process.execArgv),
      env: exportProcessEnvironment(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let ended = false;
    const exitListeners: ((why: string) => void)[] = [];
    const end = (why: string): void => {
      if (ended) return;
      ended = true;
      for (const listener of exitListeners) listener(why);
    };
    child.once('exit', (code, signal) => end(signal !== null ? `signal ${signal}` : `exit code ${code}`));
    child.once('error', (err) => {
      child.kill('SIGKILL');
      end(err.message);
    });
    return {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => exitListeners.push(listener),
    };
  });
}

/**
 * Outputs that keep the state they reported when the export process dies: finished (complete
 * files) or cancelled (cleaned up by then). A failed one gets the crash message: its own reason
 * would have come with the result the process never sent.
 */
const FINAL_STATES = new Set<OutputProgress['state']>(['done', 'cancelled']);

/** The result for the outputs the export process left unfinished when it died. */
function crashed(outputs: readonly BatchOutputRequest[], why: string): BatchResult {
  return {
    outputs: outputs.map((o) => ({
      id: o.id,
      preset: presetIdOf(o),
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
    reusedFrames: 0,
    elapsedSeconds: 0,
    ffmpeg: null,
  };
}
