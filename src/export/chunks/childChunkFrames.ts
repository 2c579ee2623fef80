import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPORT_PROCESS_FLAGS, exportProcessEnvironment } from '../pipeline/exportProcessFlags';
import { trackChildProcess } from '../ffmpeg/childProcesses';
import { FrameRenderError } from '../frameSource';
import type { ChunkFrames } from './chunkFrames';
import type { ChunkJob, ChunkProcessMessage } from './chunkWorkerProtocol';

/**
 * The built chunk renderer, next to the bundle this module is in (dist/cli, dist/web); null
 * where there is none (the sources run by the test runner) or where Node cannot be started as a
 * child (inside Electron, whose own binary is not a Node).
 */
export function chunkWorkerScript(): string | null {
  if (process.versions.electron !== undefined) return null;
  try {
    const url = new URL('./renderChunkWorker.js', import.meta.url);
    if (url.protocol !== 'file:') return null;
    const file = fileURLToPath(url);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * A chunk's frames drawn in a process of its own (renderChunkWorker.ts), read from its stdout.
 * `chunkFirst` is the chunk's first frame within the range (for the frame an error names).
 */
export function childChunkFrames(
  script: string,
  job: ChunkJob,
  chunkFirst: number,
  frameBytes: number,
  log: (line: string) => void,
): ChunkFrames {
  const child: ChildProcess = fork(script, [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    serialization: 'advanced',
    execArgv: [...EXPORT_PROCESS_FLAGS],
    env: exportProcessEnvironment(),
  });
  trackChildProcess(child);
  const stdout = child.stdout;
  if (stdout === null) throw new Error('the chunk renderer has no output');
  let failure: Error | null = null;
  let ended = false;
  let exited = false;
  let wake: (() => void) | null = null;
  const wakeUp = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  child.on('message', (message: ChunkProcessMessage) => {
    if (message.type === 'log') log(message.line);
    else if (message.type === 'error')
      failure ??= new FrameRenderError(chunkFirst + message.frame, new Error(message.message));
    wakeUp();
  });
  child.on('error', (err) => {
    failure ??= new FrameRenderError(chunkFirst, err);
    wakeUp();
  });
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
      wakeUp();
    }),
  );
  stdout.on('readable', wakeUp);
  stdout.on('end', () => {
    ended = true;
    wakeUp();
  });
  stdout.on('error', () => undefined);
  child.send(job);
  return {
    async next() {
      for (;;) {
        const frame = stdout.read(frameBytes) as Buffer | null;
        // At its end a stream hands out what is left: a cut frame means the renderer died mid-way.
        if (frame !== null && frame.byteLength === frameBytes) return frame;
        if (frame !== null)
          failure ??= new FrameRenderError(chunkFirst, new Error('the chunk renderer stopped mid-frame'));
        if (failure !== null) throw failure;
        if (ended || exited) {
          // Its last messages may still be on the way.
          await exitedPromise;
          throw failure ?? new FrameRenderError(chunkFirst, new Error('the chunk renderer stopped early'));
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async destroy() {
      if (!exited && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      stdout.destroy();
      await exitedPromise;
    },
  };
}
