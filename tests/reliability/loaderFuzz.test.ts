import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from './helpers/bundle';
import { FUZZ_SEED, describeRun, runs } from './helpers/fuzzConfig';
import { BASE_COUNTS, type FuzzCounts, type SuiteOutcome } from './fuzz/loaderProperties';

/** No case for this long means a case hangs: the worker is stopped and the test fails. */
const HANG_LIMIT_MS = 30_000;

let workerFile = '';
beforeAll(async () => {
  workerFile = await bundleEntry('tests/reliability/fuzz/loaderFuzzWorker.ts', 'loaderFuzzWorker');
});

function runInWorker(counts: FuzzCounts): Promise<SuiteOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { seed: FUZZ_SEED, counts } });
    let cases = 0;
    let watchdog: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`a loader case hung after case ${cases} (seed ${FUZZ_SEED})`));
      }, HANG_LIMIT_MS);
    };
    arm();
    worker.on(
      'message',
      (message: { type: 'progress'; cases: number } | { type: 'done'; outcomes: SuiteOutcome[] }) => {
        if (message.type === 'progress') {
          cases = message.cases;
          arm();
          return;
        }
        clearTimeout(watchdog);
        void worker.terminate();
        resolve(message.outcomes);
      },
    );
    worker.on('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}

describe('loading project JSON never throws, hangs or pollutes prototypes', () => {
  it('answers a valid project or a typed error for every generated and damaged document', async () => {
    const counts: FuzzCounts = {
      damaged: runs(BASE_COUNTS.damaged),
      arbitrary: runs(BASE_COUNTS.arbitrary),
      valid: runs(BASE_COUNTS.valid),
      hostileKeys: runs(BASE_COUNTS.hostileKeys),
    };
    console.log(
      describeRun('JSON loader fuzz', counts.damaged + counts.arbitrary + counts.valid + counts.hostileKeys),
    );
    const outcomes = await runInWorker(counts);
    for (const outcome of outcomes) {
      console.log(
        `[reliability]   ${outcome.name}: ${outcome.cases} cases, ${outcome.accepted} loaded, ${outcome.refused} refused`,
      );
    }
    const failures = outcomes.filter((o) => o.failure !== null).map((o) => `${o.name}:\n${o.failure}`);
    expect(failures).toEqual([]);
    expect(outcomes.map((o) => o.cases)).toEqual([
      counts.damaged,
      counts.arbitrary,
      counts.valid,
      counts.hostileKeys,
    ]);
  });
});
