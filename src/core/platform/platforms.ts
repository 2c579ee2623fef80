/**
 * Facts about the platforms we export for, in one place (from shared/PLATFORM_SPECS.md).
 * Numbers from third-party guides are marked `thirdParty` so the UI can say where a limit
 * comes from, and they are easy to correct here.
 */
export type PlatformId = 'tiktok' | 'reels' | 'shorts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels kept clear at each edge of a 1080x1920 frame. */
export interface SafeMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface Limit {
  readonly value: number;
  readonly thirdParty: boolean;
}

export interface PlatformSpec {
  readonly id: PlatformId;
  readonly name: string;
  readonly minDurationS: Limit | null;
  readonly maxDurationS: Limit;
  readonly fpsRange: readonly [number, number];
  /** Recommended video bitrate at 1080p, 24 to 30 fps. */
  readonly videoBitrateKbps: number;
  readonly audioBitrateKbps: number;
  readonly maxFileBytes: Limit | null;
  readonly maxCaptionChars: Limit;
  readonly maxHashtags: Limit | null;
  /** Where buttons and overlays cover the video at 1080x1920 (null: none published). */
  readonly safeMargins: SafeMargins | null;
  readonly source: string;
}

export const PLATFORMS: Readonly<Record<PlatformId, PlatformSpec>> = {
  tiktok: {
    id: 'tiktok',
    name: 'TikTok',
    minDurationS: { value: 3, thirdParty: true },
    maxDurationS: { value: 600, thirdParty: true },
    fpsRange: [23, 60],
    videoBitrateKbps: 8000,
    audioBitrateKbps: 192,
    maxFileBytes: { value: 500 * 1024 * 1024, thirdParty: false },
    maxCaptionChars: { value: 2200, thirdParty: true },
    maxHashtags: null,
    // TikTok publishes templates, not numbers: the common box below clears its button column.
    safeMargins: null,
    source: 'TikTok ads specs; third-party upload guides',
  },
  reels: {
    id: 'reels',
    name: 'Instagram Reels',
    minDurationS: { value: 3, thirdParty: true },
    maxDurationS: { value: 900, thirdParty: true },
    fpsRange: [23, 60],
    videoBitrateKbps: 8000,
    audioBitrateKbps: 192,
    maxFileBytes: { value: 300 * 1024 * 1024, thirdParty: true },
    maxCaptionChars: { value: 2200, thirdParty: true },
    maxHashtags: { value: 5, thirdParty: true },
    safeMargins: { top: 269, bottom: 672, left: 65, right: 65 },
    source: 'Meta Reels safe-zone guidance; third-party upload guides',
  },
  shorts: {
    id: 'shorts',
    name: 'YouTube Shorts',
    minDurationS: null,
    maxDurationS: { value: 180, thirdParty: false },
    fpsRange: [24, 60],
    videoBitrateKbps: 8000,
    audioBitrateKbps: 384,
    maxFileBytes: null,
    maxCaptionChars: { value: 100, thirdParty: true },
    maxHashtags: null,
    safeMargins: { top: 288, bottom: 672, left: 48, right: 192 },
    source: "YouTube recommended upload encoding settings; Google's vertical ad guidance",
  },
};

export const PLATFORM_IDS = Object.keys(PLATFORMS) as PlatformId[];

/** The reference frame the safe-zone numbers are given for. */
export const REFERENCE_FRAME = { width: 1080, height: 1920 } as const;

/**
 * The box clear on TikTok, Reels and Shorts at 1080x1920: x 120..888, y 288..1248.
 * Captions and end-card text belong inside it.
 */
export const COMMON_SAFE_BOX: Rect = { x: 120, y: 288, width: 768, height: 960 };

/** The common safe box scaled to another frame size (projects need not be 1080x1920). */
export function safeBoxFor(width: number, height: number): Rect {
  const sx = width / REFERENCE_FRAME.width;
  const sy = height / REFERENCE_FRAME.height;
  return {
    x: COMMON_SAFE_BOX.x * sx,
    y: COMMON_SAFE_BOX.y * sy,
    width: COMMON_SAFE_BOX.width * sx,
    height: COMMON_SAFE_BOX.height * sy,
  };
}
