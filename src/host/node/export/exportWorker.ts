import { startBatch, type BatchJob } from '../../../export/batch/exportBatch';
import type { FromWorker, ToWorker } from './exportRunner';

/**
 * The body of the export process: waits for one `start`, runs the batch, reports progress
 * and the result, and exits. When the studio goes away (the IPC channel closes), every output
 * is cancelled so no ffmpeg and no `.part` file is left behind.
 */
export function runExportWorker(): void {
  let job: BatchJob | null = null;
  const send = (message: FromWorker): void => {
    if (process.connected) process.send?.(message);
  };
  process.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      job?.cancel(message.output);
      return;
    }
    if (job !== null) return;
    job = startBatch({
      ...message.request,
      onProgress: (progress) => send({ type: 'progress', progress }),
    });
    void job.done.then((result) => {
      send({ type: 'done', result });
      process.disconnect?.();
      // ffmpeg children have exited; let pending I/O flush, then end.
      setImmediate(() => process.exit(0));
    });
  });
  process.on('disconnect', () => {
    if (job === null) process.exit(0);
    job.cancel();
  });
}
