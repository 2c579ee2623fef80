import { z } from 'zod';
import { BOUNDARY_ERRORS, describeZodError, failure } from './result';
import { CHANNELS, isChannelName, type ChannelName } from './channels';
import type { HostHandlers } from './host';

/** Runs one request on the host side: any channel name and body in, a valid response out. */
export type Dispatch = (channel: string, body: unknown) => Promise<unknown>;

export interface DispatchOptions {
  /** Told about unexpected handler failures (the creator gets a short message instead). */
  onInternalError?: (channel: ChannelName, error: unknown) => void;
}

/**
 * The request schema as the host applies it: a field the channel does not know is refused
 * rather than silently dropped, so a misspelt or forged field (`overwite: true`) can never
 * turn into a different request than the caller meant. The page's client already strips
 * unknown fields before sending, so only a caller that bypasses it meets this refusal.
 */
function strictRequest(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

/**
 * Wires handlers to the contract: the channel must exist, the request is validated (strictly:
 * unknown fields are refused) before any work, a throwing handler becomes an `internal` error, and the answer is checked against the
 * response schema so the host can never send what the page would reject.
 */
export function createDispatcher(handlers: HostHandlers, options: DispatchOptions = {}): Dispatch {
  const requestSchemas = new Map<ChannelName, z.ZodType>();
  return async (channel, body) => {
    if (!isChannelName(channel)) {
      return failure(BOUNDARY_ERRORS.unknownChannel, `There is no host request called "${channel}".`);
    }
    const { request, response: responseSchema } = CHANNELS[channel];
    let requestSchema = requestSchemas.get(channel);
    if (requestSchema === undefined) {
      requestSchema = strictRequest(request);
      requestSchemas.set(channel, requestSchema);
    }
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return failure(
        BOUNDARY_ERRORS.invalidRequest,
        `The request was refused because it is not valid (${describeZodError(parsed.error)}).`,
      );
    }
    let answer: unknown;
    try {
      // The handler's request type is tied to `channel`; the table lookup loses that link.
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      answer = await handler(parsed.data);
    } catch (error) {
      options.onInternalError?.(channel, error);
      return failure(
        BOUNDARY_ERRORS.internal,
        'Something went wrong in Kindness Studio, so this was not done.',
      );
    }
    const checked = responseSchema.safeParse(clipFailure(answer));
    if (!checked.success) {
      options.onInternalError?.(channel, checked.error);
      return failure(
        BOUNDARY_ERRORS.internal,
        'Something went wrong in Kindness Studio, so this was not done.',
      );
    }
    return checked.data;
  };
}

/**
 * A refusal whose message or detail is longer than the contract allows is clipped rather than
 * turned into "Something went wrong": the creator still learns why (names in messages are
 * shortened where they are quoted; this is the net under that).
 */
function clipFailure(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== false)
    return answer;
  const error = (answer as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return answer;
  const clip = (text: unknown) =>
    typeof text === 'string' && text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
  const { message, detail } = error as { message?: unknown; detail?: unknown };
  return {
    ...answer,
    error: { ...error, message: clip(message), ...(detail === undefined ? {} : { detail: clip(detail) }) },
  };
}

const MAX_ERROR_TEXT = 4000;
