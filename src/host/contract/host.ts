import type { ChannelName, HandlerResponseOf, ParsedRequestOf, RequestOf, ResponseOf } from './channels';

/**
 * The host as the page sees it: one typed method per channel and nothing else. The UI depends
 * on this interface only, so it runs the same in Electron and in a browser.
 */
export type Host = { readonly [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** The host side: one handler per channel, given a request that already passed its schema. */
export type HostHandlers = {
  readonly [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<HandlerResponseOf<C>>;
};

/** Carries one request to the host and its answer back (fetch, IPC). May throw or reject. */
export type Transport = (channel: ChannelName, request: unknown) => Promise<unknown>;
