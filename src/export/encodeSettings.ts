import type { AudioTrack, Project } from '../core/schema';
import { audibleClip } from '../core/audio';
import { projectDuration } from '../core/timeline/timeline';
import type { ExportPreset } from './presets';

/**
 * Everything the ffmpeg argument builder needs, already checked: sizes even, counts positive,
 * every audio clip placed on the output timeline. Plain data, built by `planEncode`.
 */
export interface EncodeSettings {
  readonly width: number;
  readonly height: number;
  /**
   * Size of the raw frames on stdin when it differs from the output (a batch renders once at
   * its largest size; ffmpeg scales for the smaller outputs). Absent: the output size.
   */
  readonly source?: { readonly width: number; readonly height: number } | undefined;
  /**
   * What the frames on stdin are: `yuv420p` already converted (BT.709, tv range, by
   * pixels/rgbaToYuv420p) or `rgba` for ffmpeg to convert. Absent: `rgba`.
   */
  readonly inputPixFmt?: InputPixFmt | undefined;
  readonly fps: number;
  /** Frames written to ffmpeg's stdin; the output lasts frameCount / fps seconds. */
  readonly frameCount: number;
  readonly video: ExportPreset['video'];
  readonly audio: ExportPreset['audio'];
  readonly faststart: boolean;
  /** Audio clips in output time; empty means a silent track. */
  readonly audioClips: readonly AudioClipPlan[];
  readonly metadata: { readonly title: string; readonly comment: string; readonly description: string };
  /** Where ffmpeg writes (the `.part` file). */
  readonly outputPath: string;
  /** What the ffmpeg that will run understands (see `ffmpegFeaturesFor`). */
  readonly features: FfmpegFeatures;
}

export type InputPixFmt = 'rgba' | 'yuv420p';

/** Bytes of one raw frame on stdin. */
export function rawFrameBytes(pixFmt: InputPixFmt, width: number, height: number): number {
  return pixFmt === 'rgba' ? width * height * 4 : width * height + 2 * (width >> 1) * (height >> 1);
}

/** Options newer ffmpeg versions have; the 2018 bundled fallback lacks them, or is not tested with them. */
export interface FfmpegFeatures {
  /** `-fps_mode` (ffmpeg 5.1+); otherwise the older `-vsync`. */
  readonly fpsMode: boolean;
  /** amix `normalize` (ffmpeg 4.4+); otherwise the mix is scaled back up with `volume`. */
  readonly amixNormalize: boolean;
  /**
   * The decode check beside the encode (a tee muxer copy on stdout, verify/streamCheck.ts),
   * tested on ffmpeg 5.1+; an older ffmpeg decodes the finished file after the encode instead.
   */
  readonly checkWhileEncoding: boolean;
}

export const MODERN_FFMPEG: FfmpegFeatures = {
  fpsMode: true,
  amixNormalize: true,
  checkWhileEncoding: true,
};
export const LEGACY_FFMPEG: FfmpegFeatures = {
  fpsMode: false,
  amixNormalize: false,
  checkWhileEncoding: false,
};

/**
 * Features from a version string such as `5.1.9-0+deb12u1` or `n6.1`. Snapshot builds
 * (`N-47683-g0e8eb07980`) carry no number: the legacy options work on every version, so
 * they are the safe guess.
 */
export function ffmpegFeaturesFor(version: string): FfmpegFeatures {
  const m = /^n?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return LEGACY_FFMPEG;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > 5 || (major === 5 && minor >= 1) ? MODERN_FFMPEG : LEGACY_FFMPEG;
}

/**
 * One audio clip. Fades are placed on the clip's own timeline (so cutting a range keeps the
 * fade curve where the creator put it), then `cutStart` seconds are dropped from its front and
 * it is delayed by `outputStart` seconds.
 */
export interface AudioClipPlan {
  /** The audio file: an ffmpeg input. */
  readonly file: string;
  /** Seconds into the file where the clip begins (the track's trimStart). */
  readonly fileStart: number;
  /** Seconds the whole clip lasts on the project timeline (before any range cut). */
  readonly clipDuration: number;
  readonly volume: number;
  readonly fadeIn: number;
  readonly fadeOut: number;
  /** Seconds cut from the clip's front because the exported range starts after the clip does. */
  readonly cutStart: number;
  /** Seconds from the output's start to where the clip is heard. */
  readonly outputStart: number;
}

export interface FrameRange {
  /** First frame index on the project timeline (inclusive). */
  readonly first: number;
  /** Frames exported. */
  readonly count: number;
  /** Seconds on the project timeline of the first frame. */
  readonly startTime: number;
}

export class ExportRangeError extends Error {
  override readonly name = 'ExportRangeError';
}

/** Output frame rate: the project's own when the platform takes it, else the preset's default. */
export function exportFps(project: Project, preset: ExportPreset): number {
  const fps = project.video.fps;
  const [lo, hi] = preset.fpsRange;
  return fps >= lo && fps <= hi ? fps : preset.defaultFps;
}

/**
 * Output size: the project scaled to fit the preset frame, keeping its aspect, both sides
 * even (yuv420p needs even sizes). A 1080x1920 project on a 540x960 preset gives 540x960.
 */
export function exportSize(project: Project, preset: ExportPreset): { width: number; height: number } {
  const scale = Math.min(preset.width / project.video.width, preset.height / project.video.height);
  const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));
  return { width: even(project.video.width * scale), height: even(project.video.height * scale) };
}

/**
 * Frames in [from*fps, to*fps). Times are rounded to the nearest frame so that 0.1 s at 30 fps
 * is frame 3, not 4. Throws an ExportRangeError with a creator-readable message.
 */
export function frameRange(
  project: Project,
  fps: number,
  range?: { from?: number | undefined; to?: number | undefined },
): FrameRange {
  const duration = projectDuration(project);
  const total = Math.round(duration * fps);
  const from = range?.from ?? 0;
  const to = range?.to ?? duration;
  if (!Number.isFinite(from) || from < 0)
    throw new ExportRangeError(`The start time (${from} s) must be 0 or more.`);
  if (!Number.isFinite(to)) throw new ExportRangeError(`The end time (${to} s) is not a number.`);
  if (from >= duration) {
    throw new ExportRangeError(
      `The start time (${from} s) is after the end of the video (${round3(duration)} s).`,
    );
  }
  const first = Math.round(from * fps);
  const end = Math.min(total, Math.round(to * fps));
  if (end <= first) {
    throw new ExportRangeError(
      `The end time (${to} s) must be after the start time (${from} s) by at least one frame.`,
    );
  }
  return { first, count: end - first, startTime: first / fps };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Places the project's audio tracks on the output timeline of a range. Muted and silent
 * tracks, tracks whose file is missing (`fileFor` returns undefined) and tracks entirely
 * outside the range are left out; `skipped` says which and why, for the log.
 */
export function planAudio(
  tracks: readonly AudioTrack[],
  projectEnd: number,
  rangeStart: number,
  rangeEnd: number,
  fileFor: (assetId: string) => string | undefined,
  fileDurationFor: (assetId: string) => number | undefined = () => undefined,
): { clips: AudioClipPlan[]; skipped: { track: AudioTrack; reason: string }[] } {
  const clips: AudioClipPlan[] = [];
  const skipped: { track: AudioTrack; reason: string }[] = [];
  for (const track of tracks) {
    if (track.muted || track.volume === 0) {
      skipped.push({ track, reason: 'muted' });
      continue;
    }
    const file = fileFor(track.assetId);
    if (file === undefined) {
      skipped.push({ track, reason: 'its audio file is missing from the project' });
      continue;
    }
    // The clip stops at its set length, the end of its file or the end of the project, whichever
    // comes first: a fade-out is placed before that point, so it is heard.
    const heard = audibleClip(track, fileDurationFor(track.assetId), projectEnd);
    const clipDuration = heard.length;
    if (!(clipDuration > 0) || heard.end <= rangeStart || track.start >= rangeEnd) {
      skipped.push({ track, reason: 'it is not heard in the exported time range' });
      continue;
    }
    clips.push({
      file,
      fileStart: track.trimStart,
      clipDuration,
      volume: track.volume,
      fadeIn: heard.fadeIn,
      fadeOut: heard.fadeOut,
      cutStart: Math.max(0, rangeStart - track.start),
      outputStart: Math.max(0, track.start - rangeStart),
    });
  }
  return { clips, skipped };
}
