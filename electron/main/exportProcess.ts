import { utilityProcess } from 'electron';
import { EXPORT_PROCESS_FLAGS, exportProcessEnvironment } from '../../src/export/pipeline/exportProcessFlags';
import { workerRunner, type ExportRunner, type FromWorker } from '../../src/host/node/host';

/**
 * Exports in an Electron utility process: Chromium's own child process with Node inside. Plain
 * `child_process.fork` would start the Electron binary itself, which the app's fuses forbid
 * from running as Node (no ELECTRON_RUN_AS_NODE).
 */
export function utilityProcessRunner(script: string): ExportRunner {
  return workerRunner(() => {
    const child = utilityProcess.fork(script, [], {
      serviceName: 'Kindness Studio export',
      execArgv: [...EXPORT_PROCESS_FLAGS],
      env: exportProcessEnvironment(),
      stdio: 'inherit',
    });
    let ended = false;
    const exitListeners: ((why: string) => void)[] = [];
    child.once('exit', (code) => {
      if (ended) return;
      ended = true;
      for (const listener of exitListeners) listener(`exit code ${code}`);
    });
    return {
      send: (message) => {
        if (!ended) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', (message: FromWorker) => listener(message)),
      onExit: (listener) => exitListeners.push(listener),
    };
  });
}
