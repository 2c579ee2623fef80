import { BOUNDARY_ERRORS, describeZodError, failure } from './result';
import { CHANNELS, CHANNEL_NAMES, type ChannelName } from './channels';
import type { Host, Transport } from './host';

const UNREACHABLE =
  'Kindness Studio lost touch with its host, so this was not done. ' +
  'If the studio was closed or restarted, reload the page; your unsaved work is backed up.';

/**
 * Builds a `Host` from a transport. Requests are checked before they leave and answers when
 * they arrive; nothing throws: every failure comes back as `{ ok: false, error }`.
 */
export function createHostClient(transport: Transport): Host {
  const host: Partial<Record<ChannelName, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const { request: requestSchema, response: responseSchema } = CHANNELS[channel];
    host[channel] = async (request: unknown) => {
      const parsedRequest = requestSchema.safeParse(request);
      if (!parsedRequest.success) {
        return failure(
          BOUNDARY_ERRORS.invalidRequest,
          `The studio made a request the host does not accept (${channel}: ${describeZodError(parsedRequest.error)}).`,
        );
      }
      let answer: unknown;
      try {
        answer = await transport(channel, parsedRequest.data);
      } catch {
        return failure(BOUNDARY_ERRORS.unreachable, UNREACHABLE);
      }
      const parsedAnswer = responseSchema.safeParse(answer);
      if (!parsedAnswer.success) {
        return failure(
          BOUNDARY_ERRORS.invalidResponse,
          `The host gave an answer the studio does not understand (${channel}: ${describeZodError(parsedAnswer.error)}).`,
        );
      }
      return parsedAnswer.data;
    };
  }
  // Every channel was filled in above; the loop's key type cannot carry each method's own type.
  return Object.freeze(host) as unknown as Host;
}
