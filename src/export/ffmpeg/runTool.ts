import { spawn } from 'node:child_process';
import { trackChildProcess } from './childProcesses';
import { toolEnvironment } from './mallocTunables';

export interface ToolResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Output kept per stream: `-encoders` prints about 30 kB; more than this is not an ffmpeg. */
const MAX_OUTPUT_CHARS = 512 * 1024;

/**
 * Runs a short command (a probe such as `ffmpeg -version`) without a shell and collects its
 * output. Rejects when it cannot start (with the spawn error's code, e.g. ENOENT, EACCES) or
 * does not finish within `timeoutMs` (the process is killed).
 */
export function runTool(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  options: {
    /** Ends it (the process and anything it started) when aborted; it then resolves with its signal. */
    signal?: AbortSignal | undefined;
    /** Reported as an ffmpeg this process runs, so the studio can end it if this process dies. */
    track?: boolean | undefined;
    /**
     * Takes stdout as it comes, whatever its length (the result's `stdout` is then empty): for
     * output that grows with the video, such as a packet list, which the cap below would cut.
     */
    onStdout?: ((text: string) => void) | undefined;
    /** Called once the process has started (the caller may use the wait for other work). */
    onStarted?: (() => void) | undefined;
  } = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      // Its own process group (POSIX) so a timeout also stops anything it started.
      child = spawn(file, args, {
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: toolEnvironment(),
        windowsHide: true,
        detached: process.platform !== 'win32',
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    options.onStarted?.();
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (options.onStdout !== undefined) options.onStdout(d);
      else if (stdout.length < MAX_OUTPUT_CHARS) stdout += d;
    });
    child.stderr.on('data', (d: string) => {
      if (stderr.length < MAX_OUTPUT_CHARS) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, () => child.kill('SIGKILL'));
      child.stdout.destroy();
      child.stderr.destroy();
      reject(new ToolTimeoutError(timeoutMs));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    if (options.track === true) trackChildProcess(child);
    const stop = (): void => killTree(child.pid, () => child.kill('SIGKILL'));
    if (options.signal?.aborted === true) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', stop);
      clearTimeout(timer);
      if (!timedOut) resolve({ code, signal, stdout, stderr });
    });
  });
}

function killTree(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined || process.platform === 'win32') return fallback();
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}

export class ToolTimeoutError extends Error {
  override readonly name = 'ToolTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`did not answer within ${timeoutMs / 1000} s`);
  }
}
