import type { AudioTrack } from '../schema';

/**
 * Where an audio clip is heard on the project timeline. One definition for the timeline
 * drawing, the preview's playback and the export's mix, so all three agree.
 */
export interface AudibleClip {
  /** Project seconds where the clip starts. */
  readonly start: number;
  /** Project seconds where it stops: the first of its set length, the file's end, the project's end. */
  readonly end: number;
  /** end - start; 0 when nothing of it is heard. */
  readonly length: number;
  /** Seconds into the file at `start` (the track's trimStart). */
  readonly fileStart: number;
  /** Fade lengths as heard: each at most half the clip, so they never overlap. */
  readonly fadeIn: number;
  readonly fadeOut: number;
}

/**
 * The heard part of a track. `fileDuration` is the measured length of its file (undefined when
 * unknown: the clip is then assumed to run to its set length or the project's end).
 */
export function audibleClip(
  track: AudioTrack,
  fileDuration: number | undefined,
  projectEnd: number,
): AudibleClip {
  const fromFile = fileDuration === undefined ? Infinity : fileDuration - track.trimStart;
  const length = Math.max(0, Math.min(track.duration ?? Infinity, fromFile, projectEnd - track.start));
  const half = length / 2;
  return {
    start: track.start,
    end: track.start + length,
    length,
    fileStart: track.trimStart,
    fadeIn: Math.min(track.fadeIn, half),
    fadeOut: Math.min(track.fadeOut, half),
  };
}

/**
 * The clip's loudness factor at project time `t` (0 outside it): volume times linear fades,
 * the same shape as ffmpeg's afade default (`tri`). Muted tracks are silent.
 */
export function clipGainAt(track: AudioTrack, clip: AudibleClip, t: number): number {
  if (track.muted || t < clip.start || t >= clip.end) return 0;
  const intoClip = t - clip.start;
  const toEnd = clip.end - t;
  let gain = track.volume;
  if (clip.fadeIn > 0 && intoClip < clip.fadeIn) gain *= intoClip / clip.fadeIn;
  if (clip.fadeOut > 0 && toEnd < clip.fadeOut) gain *= toEnd / clip.fadeOut;
  return gain;
}
