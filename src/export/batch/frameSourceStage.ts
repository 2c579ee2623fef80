import type { Project } from '../../core/schema';
import { ExportError } from '../errors';
import type { FrameSource, FrameSourceRequest } from '../frameSource';
import { CANCELLED_MESSAGE } from '../pipeline/failures';
import { createProjectFrameSource } from '../projectFrameSource';
import type { AssetMap } from '../../node/assets';

export type CreateFrameSource = (request: FrameSourceRequest) => FrameSource | Promise<FrameSource>;

/**
 * The frame source stage: opens the renderer for one render group. The export's AbortSignal
 * reaches the creation itself (decoding pictures can take seconds); a source that arrives after
 * a cancel, or at the wrong size, is destroyed here, so a caller only ever holds a source it
 * must `destroy()`.
 */
export async function openFrameSource(
  request: FrameSourceRequest & { readonly signal: AbortSignal },
  project: Project,
  assets: AssetMap,
  create: CreateFrameSource | undefined,
): Promise<FrameSource> {
  const cancelled = (): ExportError => new ExportError('cancelled', CANCELLED_MESSAGE);
  if (request.signal.aborted) throw cancelled();
  const source = await (create ?? ((r) => createProjectFrameSource(project, assets, r)))(request);
  try {
    if (request.signal.aborted) throw cancelled();
    if (source.width !== request.width || source.height !== request.height) {
      throw new Error(
        `the renderer made ${source.width}x${source.height} frames, not ${request.width}x${request.height}`,
      );
    }
    return source;
  } catch (err) {
    source.destroy();
    throw err;
  }
}

/**
 * A render group's frame source opened ahead of the group, while the batch waits for ffmpeg to
 * answer its probe: that is 0.1-0.2 s of ffmpeg's own start-up with a core idle, and the
 * renderer's fonts, pictures and stage are ready by then. Either the group takes it, or it is
 * discarded (destroyed once it arrives). A failure to open it belongs to the group that takes it.
 */
export class EarlyFrameSource {
  private readonly opening: Promise<FrameSource>;
  private claimed = false;

  constructor(open: () => Promise<FrameSource>) {
    this.opening = open();
    // Nobody may take it: its failure must not be an unhandled rejection.
    this.opening.catch(() => undefined);
  }

  /** The source, for the group it was opened for (once). */
  take(): Promise<FrameSource> {
    if (this.claimed) throw new Error('this frame source was already taken or discarded');
    this.claimed = true;
    return this.opening;
  }

  /** Frees it unless it was taken; safe to call twice. */
  async discard(): Promise<void> {
    if (this.claimed) return;
    this.claimed = true;
    try {
      (await this.opening).destroy();
    } catch {
      // Opened for nothing: that it failed no longer matters.
    }
  }
}
