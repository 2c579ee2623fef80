import { Worker } from 'node:worker_threads';
import { failure, type Failure } from '../../contract';
import { runVoiceJob, tooLong, type VoiceJob, type VoiceJobResult } from './voiceJob';

/**
 * Where a voice job runs. In the web host and the desktop app: a worker thread per job, so a
 * long alignment never holds up the host's other requests (saving, listing, exports); stopping
 * it ends the thread. In tests without a built worker: in the caller's thread.
 */
export interface VoiceRunner {
  /** Never rejects: a crash or a stop comes back as a failure with a message for the creator. */
  run(job: VoiceJob, signal?: AbortSignal): Promise<VoiceJobResult>;
}

export function stoppedFailure(): Failure {
  return failure('cancelled', 'Stopped: nothing was changed.');
}

function crashedFailure(detail: string): Failure {
  return failure(
    'voice-failed',
    'The voice could not be listened to: the studio’s listening step stopped unexpectedly. Try again; if it happens again, cut the sound into shorter parts.',
    detail.slice(0, 4000),
  );
}

/** In the caller's thread (tests, and hosts without a worker script): blocks it while it runs. */
export const inProcessVoiceRunner: VoiceRunner = {
  async run(job, signal) {
    const stopped = (): boolean => signal?.aborted === true;
    if (stopped()) return stoppedFailure();
    try {
      const result = runVoiceJob(job);
      // Nothing can stop it midway in this thread; a stop asked meanwhile still drops the answer.
      return stopped() ? stoppedFailure() : result;
    } catch (error) {
      return crashedFailure(error instanceof Error ? error.message : String(error));
    }
  },
};

export interface WorkerThreadVoiceRunner extends VoiceRunner {
  /** Worker threads alive now (a stopped or finished job's thread is gone). */
  readonly running: number;
}

/** Memory a job may use: 5 minutes of voice and 750 words take about 150 MB in the search. */
const WORKER_HEAP_MB = 768;

/**
 * A worker thread per job, started from `script` (the built voiceWorker.js beside the web host
 * and the Electron main; see scripts/build-web.mjs and electron.vite.config.ts).
 */
export function workerThreadVoiceRunner(script: string): WorkerThreadVoiceRunner {
  let running = 0;
  return {
    get running() {
      return running;
    },
    run(job, signal) {
      if (signal?.aborted === true) return Promise.resolve(stoppedFailure());
      // Refused here, before a copy of the samples is made and a thread is started.
      const long = tooLong(job);
      if (long !== null) return Promise.resolve(long);
      return new Promise<VoiceJobResult>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
        } catch (error) {
          resolve(crashedFailure(error instanceof Error ? error.message : String(error)));
          return;
        }
        running++;
        let settled = false;
        const finish = (result: VoiceJobResult): void => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', stop);
          resolve(result);
          void worker.terminate();
        };
        const stop = (): void => finish(stoppedFailure());
        signal?.addEventListener('abort', stop, { once: true });
        worker.once('message', (result: VoiceJobResult) => finish(result));
        worker.once('error', (error: Error) => finish(crashedFailure(error.message)));
        worker.once('exit', (code) => {
          running--;
          finish(crashedFailure(`the worker thread ended (exit code ${code}) without an answer`));
        });
        // Its own copy of the heard part, moved (not copied again) into the thread.
        const samples = job.samples.slice();
        worker.postMessage({ ...job, samples }, [samples.buffer]);
      });
    },
  };
}
