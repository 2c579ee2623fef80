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
