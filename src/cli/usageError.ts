/** A mistake on the command line: printed with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help to point at, or null for the general help. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}
