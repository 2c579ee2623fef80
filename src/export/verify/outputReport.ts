import { PLATFORMS } from '../../core/platform/platforms';
import type { OutputPreset } from '../presets';

/**
 * The plain report on one finished output: what ffprobe read from the file, held against the
 * limits of the platform it is for. Pure, so every rule is unit-tested without ffmpeg.
 */
export type CheckLevel = 'pass' | 'warn' | 'fail';

export interface OutputCheck {
  /** What was checked, in a creator's words ("Frame size"). */
  readonly label: string;
  readonly level: CheckLevel;
  /** What was found and, when it is not a pass, what it means. */
  readonly detail: string;
}

export interface OutputReport {
  /** The worst level among the checks. */
  readonly level: CheckLevel;
  readonly checks: readonly OutputCheck[];
}

/** The part of ffprobe's JSON we read. */
export interface ProbeResult {
  readonly streams: readonly {
    readonly codec_type?: string;
    readonly codec_name?: string;
    readonly width?: number;
    readonly height?: number;
    readonly pix_fmt?: string;
    readonly avg_frame_rate?: string;
    readonly r_frame_rate?: string;
    readonly nb_frames?: string;
    readonly sample_rate?: string;
    readonly channels?: number;
  }[];
  readonly format: { readonly duration?: string; readonly size?: string };
}

/** What the output was meant to be. */
export interface OutputExpectation {
  readonly preset: OutputPreset;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  readonly durationSeconds: number;
}

const MB = 1024 * 1024;

/** "840 KB" under a megabyte, "12.4 MB" above. */
export function formatBytes(bytes: number): string {
  return bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

export function judgeOutput(probe: ProbeResult, expect: OutputExpectation, fileBytes: number): OutputReport {
  const checks: OutputCheck[] = [];
  const add = (label: string, level: CheckLevel, detail: string): void => {
    checks.push({ label, level, detail });
  };
  const video = probe.streams.find((s) => s.codec_type === 'video');
  const audio = probe.streams.find((s) => s.codec_type === 'audio');
  const isGif = expect.preset.id === 'gif';
  const platform = expect.preset.platform === null ? null : PLATFORMS[expect.preset.platform];

  if (video === undefined) {
    add('Video', 'fail', 'The file has no picture in it. Export it again.');
    return finish(checks);
  }
  const wantCodec = isGif ? 'gif' : 'h264';
  add(
    'Format',
    video.codec_name === wantCodec ? 'pass' : 'fail',
    video.codec_name === wantCodec
      ? isGif
        ? 'Animated GIF.'
        : 'H.264 video, which every platform takes.'
      : `The video is ${video.codec_name ?? 'of an unknown kind'}, not ${wantCodec === 'gif' ? 'GIF' : 'H.264'}.`,
  );
  if (!isGif) {
    add(
      'Colour format',
      video.pix_fmt === 'yuv420p' ? 'pass' : 'warn',
      video.pix_fmt === 'yuv420p'
        ? '4:2:0, as the platforms expect.'
        : `${video.pix_fmt ?? 'Unknown'}: some platforms re-encode it.`,
    );
  }

  const sizeOk = video.width === expect.width && video.height === expect.height;
  add(
    'Frame size',
    sizeOk ? 'pass' : 'fail',
    sizeOk
      ? `${video.width} x ${video.height} pixels${platform !== null && video.width === 1080 && video.height === 1920 ? ', full-screen vertical' : ''}.`
      : `${video.width ?? '?'} x ${video.height ?? '?'} pixels instead of ${expect.width} x ${expect.height}.`,
  );

  const fps = parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate);
  if (fps === null) {
    add('Frame rate', 'warn', 'The frame rate could not be read.');
  } else if (platform !== null) {
    const [lo, hi] = platform.fpsRange;
    const ok = fps >= lo - 0.01 && fps <= hi + 0.01;
    add(
      'Frame rate',
      ok ? 'pass' : 'fail',
      ok
        ? `${round2(fps)} frames per second (${platform.name} takes ${lo} to ${hi}).`
        : `${round2(fps)} frames per second; ${platform.name} takes ${lo} to ${hi}.`,
    );
  } else {
    const ok = Math.abs(fps - expect.fps) < 0.05;
    add(
      'Frame rate',
      ok ? 'pass' : 'warn',
      ok
        ? `${round2(fps)} frames per second.`
        : `${round2(fps)} frames per second instead of ${round2(expect.fps)}.`,
    );
  }

  const duration = Number(probe.format.duration);
  if (!Number.isFinite(duration)) {
    add('Length', 'warn', 'The length could not be read.');
  } else {
    // Half a frame either way is rounding, not a missing frame (GIF delays are whole 1/100 s).
    const tolerance = isGif ? 0.05 * expect.durationSeconds + 0.1 : 1.5 / expect.fps;
    const complete = Math.abs(duration - expect.durationSeconds) <= tolerance;
    let level: CheckLevel = complete ? 'pass' : 'fail';
    let detail = complete
      ? `${round2(duration)} s, the whole video.`
      : `${round2(duration)} s instead of ${round2(expect.durationSeconds)} s: part of the video is missing.`;
    if (complete && platform !== null) {
      const max = platform.maxDurationS.value;
      const min = platform.minDurationS?.value ?? 0;
      if (duration > max + 0.01) {
        level = 'fail';
        detail = `${round2(duration)} s is longer than ${platform.name}'s ${formatSeconds(max)}.`;
      } else if (duration < min - 0.01) {
        level = 'warn';
        detail = `${round2(duration)} s is shorter than the ${min} s ${platform.name} asks for; it may refuse it.`;
      } else {
        detail = `${round2(duration)} s, within ${platform.name}'s ${min > 0 ? `${min} s to ` : 'limit of '}${formatSeconds(max)}.`;
      }
    }
    add('Length', level, detail);
  }

  if (isGif) {
    const frames = Number(video.nb_frames);
    if (Number.isFinite(frames) && frames > 0) {
      const ok = Math.abs(frames - expect.frames) <= 1;
      add(
        'Frames',
        ok ? 'pass' : 'fail',
        ok ? `${frames} frames.` : `${frames} frames instead of ${expect.frames}.`,
      );
    }
  }

  const limit = platform?.maxFileBytes ?? null;
  if (limit !== null && fileBytes > limit.value) {
    add(
      'File size',
      'fail',
      `${formatBytes(fileBytes)} is over ${platform?.name ?? ''}'s ${Math.round(limit.value / MB)} MB.`,
    );
  } else {
    add(
      'File size',
      isGif && fileBytes > 15 * MB ? 'warn' : 'pass',
      `${formatBytes(fileBytes)}${limit !== null ? ` (${platform?.name ?? ''} takes up to ${Math.round(limit.value / MB)} MB)` : ''}${isGif && fileBytes > 15 * MB ? ': large for a GIF; many chats refuse files over 15 MB' : ''}.`,
    );
  }

  if (!isGif) {
    if (audio === undefined) {
      add('Sound', 'fail', 'The video has no sound track; platforms may treat it as broken.');
    } else {
      const ok = audio.codec_name === 'aac' && Number(audio.sample_rate) === 48000 && audio.channels === 2;
      add(
        'Sound',
        ok ? 'pass' : 'warn',
        ok
          ? 'AAC stereo at 48 kHz.'
          : `${audio.codec_name ?? 'unknown'} ${audio.channels ?? '?'} channel(s) at ${audio.sample_rate ?? '?'} Hz; AAC stereo 48 kHz is expected.`,
      );
    }
  }
  return finish(checks);
}

function finish(checks: OutputCheck[]): OutputReport {
  const level: CheckLevel = checks.some((c) => c.level === 'fail')
    ? 'fail'
    : checks.some((c) => c.level === 'warn')
      ? 'warn'
      : 'pass';
  return { level, checks };
}

/** "30/1", "30000/1001" or "15" as a number; null for "0/0" and the like. */
export function parseRate(rate: string | undefined): number | null {
  if (rate === undefined) return null;
  const [n, d] = rate.split('/').map(Number);
  const value = d === undefined ? n : (n as number) / d;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function formatSeconds(s: number): string {
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
