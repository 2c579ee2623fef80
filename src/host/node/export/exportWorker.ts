import { startBatch, type BatchJob } from '../../../export/batch/exportBatch';
import { onChildProcessesChanged } from '../../../export/ffmpeg/childProcesses';
import type { FromWorker, ToWorker } from './exportRunner';

/** Electron's utility process talks through `process.parentPort`; a Node child through `process.send`. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: ToWorker }) => void): void;
  postMessage(message: FromWorker): void;
}

/**
 * The body of the export process: waits for one `start`, runs the batch, reports progress
 * and the result, and exits. When the studio goes away (the IPC channel closes), every output
 * is cancelled so no ffmpeg and no `.part` file is left behind.
 */
export function runExportWorker(): void {
  let job: BatchJob | null = null;
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  const send = (message: FromWorker): void => {
    if (parentPort !== undefined) parentPort.postMessage(message);
    else if (process.connected) process.send?.(message);
  };
  const receive = (message: ToWorker): void => {
    if (message.type === 'cancel') {
      job?.cancel(message.output);
      return;
    }
    if (job !== null) return;
    // The studio ends these if this process dies before they do.
    onChildProcessesChanged((pids) => send({ type: 'processes', pids }));
    job = startBatch({
      ...message.request,
      onProgress: (progress) => send({ type: 'progress', progress }),
    });
    void job.done.then((result) => {
      send({ type: 'done', result });
      // ffmpeg children have exited; let the last message go out, then end.
      setTimeout(() => process.exit(0), 50);
    });
  };
  if (parentPort !== undefined) {
    parentPort.on('message', (event) => receive(event.data));
    return;
  }
  process.on('message', receive);
  process.on('disconnect', () => {
    if (job === null) process.exit(0);
    job.cancel();
  });
}
