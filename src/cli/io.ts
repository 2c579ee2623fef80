/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  /** Results (file names, "valid"): stdout. */
  out(text: string): void;
  /** Progress, warnings and errors: stderr. */
  err(text: string): void;
  /** stderr is a terminal: draw a progress bar instead of progress lines. */
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Calls `handler` on Ctrl+C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      let interrupts = 0;
      const listener = (): void => {
        interrupts++;
        // A second Ctrl+C means "now": do not wait for the clean-up any longer.
        if (interrupts > 1) process.exit(130);
        handler();
      };
      process.on('SIGINT', listener);
      process.on('SIGTERM', listener);
      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
  };
}
