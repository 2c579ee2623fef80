import { PLATFORMS, REFERENCE_FRAME, type PlatformId } from '../core/platform/platforms';

/**
 * Export presets as data. Every number either comes from the platform facts in
 * `src/core/platform/platforms.ts` (one source of truth) or is an encoder choice of ours,
 * and `sources` says which is which so the UI and the CLI can show it.
 */
export type PresetId = PlatformId | 'draft';

export interface ExportPreset {
  readonly id: PresetId;
  readonly label: string;
  /** The platform whose limits apply (post-text warnings), or null for a draft. */
  readonly platform: PlatformId | null;
  /** Output frame size; projects of another size are scaled to fit it. */
  readonly width: number;
  readonly height: number;
  /** Used when the project's own frame rate is outside `fpsRange`. */
  readonly defaultFps: number;
  readonly fpsRange: readonly [number, number];
  readonly video: {
    readonly codec: 'libx264';
    readonly profile: 'high';
    readonly pixFmt: 'yuv420p';
    /** x264 speed preset: a trade of export time against file size at the same quality. */
    readonly x264Preset: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';
    readonly crf: number;
    readonly maxrateKbps: number;
    readonly bufsizeKbps: number;
    readonly bFrames: number;
    /** Keyframe interval in seconds; the GOP is closed. */
    readonly gopSeconds: number;
  };
  readonly audio: {
    readonly codec: 'aac';
    readonly bitrateKbps: number;
    readonly sampleRate: 48000;
    readonly channels: 2;
  };
  /** moov atom before mdat, so playback starts before the whole file is downloaded. */
  readonly faststart: true;
  /** Text drawn over every frame by the renderer, or null. */
  readonly watermark: string | null;
  /** Where each number comes from. */
  readonly sources: readonly string[];
}

/**
 * Encoder choices shared by the platform presets (ours, not a platform's): `veryfast` keeps
 * a 60 s export near real time on two cores, and CRF 20 is visually clean before the
 * platform re-encodes; the platform's bitrate caps it (maxrate), with a two-second buffer.
 */
const PLATFORM_X264_PRESET = 'veryfast';
const PLATFORM_CRF = 20;

function platformPreset(id: PlatformId): ExportPreset {
  const p = PLATFORMS[id];
  return {
    id,
    label: `${p.name} (${REFERENCE_FRAME.width}x${REFERENCE_FRAME.height})`,
    platform: id,
    width: REFERENCE_FRAME.width,
    height: REFERENCE_FRAME.height,
    defaultFps: 30,
    fpsRange: p.fpsRange,
    video: {
      codec: 'libx264',
      profile: 'high',
      pixFmt: 'yuv420p',
      x264Preset: PLATFORM_X264_PRESET,
      crf: PLATFORM_CRF,
      maxrateKbps: p.videoBitrateKbps,
      bufsizeKbps: p.videoBitrateKbps * 2,
      bFrames: 2,
      gopSeconds: 0.5,
    },
    audio: { codec: 'aac', bitrateKbps: p.audioBitrateKbps, sampleRate: 48000, channels: 2 },
    faststart: true,
    watermark: null,
    sources: [
      `frame size, fps range, video and audio bitrates: ${p.name} facts in src/core/platform/platforms.ts (${p.source})`,
      'H.264 High, 2 B-frames, closed GOP of half the frame rate, yuv420p: YouTube Shorts recommendations, used for all (PLATFORM_SPECS.md)',
      'AAC-LC stereo 48 kHz, moov at the front (+faststart): PLATFORM_SPECS.md',
      `x264 preset ${PLATFORM_X264_PRESET}, CRF ${PLATFORM_CRF}, buffer of 2 s: Kindness Studio encoder choices`,
    ],
  };
}

/** A quick, small preview to share for review: half size, fast, visibly marked as a draft. */
const DRAFT: ExportPreset = {
  id: 'draft',
  label: 'Draft for review (540x960)',
  platform: null,
  width: REFERENCE_FRAME.width / 2,
  height: REFERENCE_FRAME.height / 2,
  defaultFps: 30,
  fpsRange: [1, 120],
  video: {
    codec: 'libx264',
    profile: 'high',
    pixFmt: 'yuv420p',
    x264Preset: 'superfast',
    crf: 28,
    maxrateKbps: PLATFORMS.tiktok.videoBitrateKbps / 4,
    bufsizeKbps: PLATFORMS.tiktok.videoBitrateKbps / 2,
    bFrames: 2,
    gopSeconds: 0.5,
  },
  audio: { codec: 'aac', bitrateKbps: 128, sampleRate: 48000, channels: 2 },
  faststart: true,
  watermark: 'DRAFT',
  sources: [
    'half of the 1080x1920 reference frame; a quarter of the TikTok bitrate: Kindness Studio draft choices',
    'same codec, GOP and audio layout as the platform presets, so a draft plays wherever the final does',
  ],
};

export const PRESETS: Readonly<Record<PresetId, ExportPreset>> = {
  tiktok: platformPreset('tiktok'),
  reels: platformPreset('reels'),
  shorts: platformPreset('shorts'),
  draft: DRAFT,
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];
export const DEFAULT_PRESET_ID: PresetId = 'tiktok';

export function isPresetId(value: string): value is PresetId {
  return Object.hasOwn(PRESETS, value);
}

/**
 * An animated GIF for chats and places that take no video. Not a platform upload: the
 * numbers are our choices, each with its reason.
 */
export interface GifPreset {
  readonly id: 'gif';
  readonly label: string;
  readonly platform: null;
  /** Output width; the height follows the project's aspect (960 for a 9:16 project). */
  readonly width: number;
  /** Highest frame rate: the render's frames are picked (every 2nd of 30 fps), never drawn twice. */
  readonly maxFps: number;
  /** Colours in the one palette computed over the whole clip (palettegen). */
  readonly maxColors: number;
  /** Ordered dithering: no crawling noise between frames, and smaller files than error diffusion. */
  readonly bayerScale: number;
  /** 0 loops forever, as chat apps expect. */
  readonly loop: number;
  readonly sources: readonly string[];
}

export const GIF_PRESET: GifPreset = {
  id: 'gif',
  label: 'Animated GIF (540 wide, 15 fps)',
  platform: null,
  width: REFERENCE_FRAME.width / 2,
  maxFps: 15,
  maxColors: 256,
  bayerScale: 3,
  loop: 0,
  sources: [
    '540 px wide: half the reference frame keeps caption text readable in a chat while the file stays a few MB per second',
    '15 fps at most: every 2nd frame of a 30 fps render (every 2nd of 24 gives 12): motion stays smooth at half the size',
    'one 256-colour palette for the whole clip (palettegen + paletteuse in one filter graph): colours do not flicker between frames',
    'Bayer dithering, scale 3: stable between frames and compresses better than error diffusion',
    'loops forever (loop 0)',
  ],
};

/** Everything the batch exporter can make: the video presets and the GIF. */
export type OutputPresetId = PresetId | 'gif';
export type OutputPreset = ExportPreset | GifPreset;
export const OUTPUT_PRESET_IDS: readonly OutputPresetId[] = [...PRESET_IDS, 'gif'];

export function isOutputPresetId(value: string): value is OutputPresetId {
  return value === 'gif' || isPresetId(value);
}

export function outputPreset(id: OutputPresetId): OutputPreset {
  return id === 'gif' ? GIF_PRESET : PRESETS[id];
}

/**
 * The GIF's frame rate from the render's: the render rate divided by the smallest whole
 * step that brings it to `maxFps` or below, so each GIF frame is one rendered frame.
 */
export function gifFrameStep(renderFps: number, maxFps: number): { step: number; fps: number } {
  const step = Math.max(1, Math.ceil(renderFps / maxFps - 1e-9));
  return { step, fps: renderFps / step };
}
