import type { Project } from '../../core/schema';
import type { AssetMap } from '../../node/assets';
import type { FrameSourceRequest } from '../frameSource';

/**
 * What a chunk's render process is sent first (IPC, advanced serialization: plain data and
 * byte arrays). It answers with its frames, raw yuv420p one after another, on its stdout, and
 * with ChunkProcessMessages on the IPC channel.
 */
export interface ChunkJob {
  readonly project: Project;
  /** The pictures the project draws, by asset id. */
  readonly assets: AssetMap;
  /** The frame source request; `firstFrame` is the chunk's first frame on the project timeline. */
  readonly request: Omit<FrameSourceRequest, 'log' | 'signal'>;
  readonly count: number;
}

export type ChunkProcessMessage =
  | { readonly type: 'log'; readonly line: string }
  /** Every frame is written; `reused`: frames found unchanged and written again. */
  | { readonly type: 'done'; readonly reused: number }
  /** `frame`: index within the chunk of the frame that could not be drawn. */
  | { readonly type: 'error'; readonly frame: number; readonly message: string };
