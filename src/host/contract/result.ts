import { z } from 'zod';

/**
 * What goes wrong across the host boundary, as data: `kind` for code to branch on, `message`
 * for the creator to read. Handlers never throw across the boundary; they return this.
 */
export const HostErrorSchema = z.object({
  kind: z.string().min(1).max(60),
  message: z.string().max(4000),
  /** Technical detail (a library's own error text) kept out of `message`: shown on request, logged. */
  detail: z.string().max(4000).optional(),
});
export type HostError = z.infer<typeof HostErrorSchema>;

/** Error kinds the boundary itself produces (handlers add their own, e.g. 'not-found'). */
export const BOUNDARY_ERRORS = {
  /** The request did not match the channel's schema. */
  invalidRequest: 'invalid-request',
  /** The host answered something that does not match the channel's schema. */
  invalidResponse: 'invalid-response',
  /** The host could not be reached (server stopped, network error). */
  unreachable: 'unreachable',
  /** A handler failed unexpectedly. */
  internal: 'internal',
  /** No such channel. */
  unknownChannel: 'unknown-channel',
} as const;

/** A channel's response schema: `{ ok: true, ...fields }` or `{ ok: false, error }`. */
export function resultSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), ...shape }),
    z.object({ ok: z.literal(false), error: HostErrorSchema }),
  ]);
}

export type Failure = { ok: false; error: HostError };

export function failure(kind: string, message: string, detail?: string): Failure {
  return { ok: false, error: detail === undefined ? { kind, message } : { kind, message, detail } };
}

/** One readable line from a zod error, for `invalid-request` messages. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(request)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${first.join('; ')}${more}`;
}
