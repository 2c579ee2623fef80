import { parentPort, workerData } from 'node:worker_threads';
import { runLoaderFuzz, type FuzzCounts } from './loaderProperties';

/**
 * Runs the JSON loader fuzz in a worker thread, so the test can stop it if a case hangs (a
 * synchronous loop cannot be interrupted from its own thread). Reports progress as it goes.
 */
const { seed, counts } = workerData as { seed: number; counts: FuzzCounts };
let cases = 0;
const outcomes = runLoaderFuzz(seed, counts, () => {
  cases++;
  if (cases % 50 === 0) parentPort?.postMessage({ type: 'progress', cases });
});
parentPort?.postMessage({ type: 'done', outcomes });
