/**
 * The exporter's public face (Node only): what hosts, the CLI and the Electron shell use.
 */
export { exportVideo, type ExportProgress, type ExportResult, type ExportVideoOptions } from './exportVideo';
export { ExportError, type ExportErrorKind } from './errors';
export {
  DEFAULT_PRESET_ID,
  PRESET_IDS,
  PRESETS,
  isPresetId,
  type ExportPreset,
  type PresetId,
} from './presets';
export {
  discoverFfmpeg,
  discoverFfprobe,
  FfmpegNotFoundError,
  INSTALL_HINT,
  type DiscoverOptions,
  type FfmpegSource,
  type FoundFfmpeg,
} from './ffmpeg/discover';
export { FRAME_FRIENDLY_GLIBC_TUNABLES, useFrameFriendlyMalloc } from './ffmpeg/mallocTunables';
export type { FrameSource, FrameSourceRequest } from './frameSource';
export { createProjectFrameSource } from './projectFrameSource';
// The formatters live in core (the studio imports subtitles too); re-exported for export callers.
export { toSrt, toVtt } from '../core/captions/subtitles';
export { postText, type PostTextResult } from './sidecars/postText';
export { coverTime } from './sidecars/cover';
export { writeSidecars, type SidecarRequest, type SidecarResult } from './sidecars/writeSidecars';
export {
  analyzeAudio,
  AudioAnalysisError,
  PEAKS_PER_SECOND,
  type AudioAnalysis,
  type AudioAnalysisProblem,
} from './audio/analyzeAudio';
export { previewWavBytes, writePreviewWav } from './audio/previewAudio';
