import type { AudioTrack, Project } from '../schema';
import { projectDuration } from '../timeline/timeline';
import { nextId } from './ids';

/**
 * Audio track commands. Each returns a new Project and never mutates its input; a command that
 * cannot apply (unknown id, no change) returns the very same project, so it is no undo step.
 * `fileDuration` is the measured length of the track's file (undefined when unknown).
 */

/** The most tracks a project holds (the schema's limit). */
export const MAX_AUDIO_TRACKS = 32;
/** The shortest clip a trim leaves: shorter would be a click, not a sound. */
export const MIN_AUDIO_CLIP = 0.05;
export const MAX_AUDIO_VOLUME = 2;
export const MAX_AUDIO_FADE = 30;

export interface AddedAudioTrack {
  project: Project;
  /** '' when nothing was added (the project is full). */
  trackId: string;
}

export interface NewAudioTrack {
  assetId: string;
  name: string;
  /** Project seconds where it starts (usually the playhead). */
  start: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function audioIds(project: Project): Set<string> {
  return new Set(project.audio.map((t) => t.id));
}

function replaceTrack(project: Project, trackId: string, next: (t: AudioTrack) => AudioTrack): Project {
  const index = project.audio.findIndex((t) => t.id === trackId);
  const track = project.audio[index];
  if (track === undefined) return project;
  const changed = next(track);
  if (sameTrack(changed, track)) return project;
  const audio = [...project.audio];
  audio[index] = changed;
  return { ...project, audio };
}

function sameTrack(a: AudioTrack, b: AudioTrack): boolean {
  return (Object.keys({ ...a, ...b }) as (keyof AudioTrack)[]).every((k) => a[k] === b[k]);
}

export function findAudioTrack(project: Project, trackId: string): AudioTrack | undefined {
  return project.audio.find((t) => t.id === trackId);
}

/** Places a sound on the timeline at `start`, at full volume, playing to the end of its file. */
export function addAudioTrack(project: Project, input: NewAudioTrack): AddedAudioTrack {
  if (project.audio.length >= MAX_AUDIO_TRACKS) return { project, trackId: '' };
  const trackId = nextId('audio', audioIds(project));
  const track: AudioTrack = {
    id: trackId,
    assetId: input.assetId,
    name: input.name.slice(0, 200),
    start: Math.max(0, input.start),
    trimStart: 0,
    volume: 1,
    fadeIn: 0,
    fadeOut: 0,
    muted: false,
  };
  return { project: { ...project, audio: [...project.audio, track] }, trackId };
}

export function deleteAudioTrack(project: Project, trackId: string): Project {
  if (!project.audio.some((t) => t.id === trackId)) return project;
  return { ...project, audio: project.audio.filter((t) => t.id !== trackId) };
}

/**
 * Moves the clip so it starts at `start`, between 0 and just before the end of the video (so it
 * stays on the timeline, where it can be seen and heard); what it plays stays the same.
 */
export function moveAudioTrack(project: Project, trackId: string, start: number): Project {
  if (!Number.isFinite(start)) return project;
  const latest = Math.max(0, projectDuration(project) - MIN_AUDIO_CLIP);
  return replaceTrack(project, trackId, (t) => ({ ...t, start: clamp(start, 0, latest) }));
}

/**
 * Moves the clip's left edge to project time `edge`, keeping every sound where it was on the
 * timeline: dragging right cuts the beginning, dragging left brings back what was cut.
 */
export function trimAudioStart(
  project: Project,
  trackId: string,
  edge: number,
  fileDuration: number | undefined,
): Project {
  if (!Number.isFinite(edge)) return project;
  return replaceTrack(project, trackId, (t) => {
    const end = clipEnd(t, fileDuration);
    // Not before the file's beginning or the timeline's; leaves at least MIN_AUDIO_CLIP.
    const earliest = Math.max(0, t.start - t.trimStart);
    const latest = end - MIN_AUDIO_CLIP;
    if (latest < earliest) return t;
    const start = clamp(edge, earliest, latest);
    const delta = start - t.start;
    const next: AudioTrack = { ...t, start, trimStart: Math.max(0, t.trimStart + delta) };
    if (t.duration !== undefined) next.duration = Math.max(MIN_AUDIO_CLIP, t.duration - delta);
    return next;
  });
}

/** Moves the clip's right edge to project time `edge` (at most to the end of its file). */
export function trimAudioEnd(
  project: Project,
  trackId: string,
  edge: number,
  fileDuration: number | undefined,
): Project {
  if (!Number.isFinite(edge)) return project;
  return replaceTrack(project, trackId, (t) => {
    const available = fileDuration === undefined ? Infinity : fileDuration - t.trimStart;
    const duration = clamp(edge - t.start, MIN_AUDIO_CLIP, Math.max(MIN_AUDIO_CLIP, available));
    // Dragged back to the file's end: no set length, so it plays to the end as before.
    if (fileDuration !== undefined && duration >= available - 1e-6) {
      const untrimmed: AudioTrack = { ...t };
      delete untrimmed.duration;
      return untrimmed;
    }
    return { ...t, duration };
  });
}

/** The clip's end on the timeline when its file length is known (Infinity when unbounded). */
function clipEnd(t: AudioTrack, fileDuration: number | undefined): number {
  const fromFile = fileDuration === undefined ? Infinity : fileDuration - t.trimStart;
  return t.start + Math.min(t.duration ?? Infinity, fromFile);
}

export function setAudioVolume(project: Project, trackId: string, volume: number): Project {
  if (!Number.isFinite(volume)) return project;
  const v = Math.round(clamp(volume, 0, MAX_AUDIO_VOLUME) * 100) / 100;
  return replaceTrack(project, trackId, (t) => ({ ...t, volume: v }));
}

export function setAudioFades(
  project: Project,
  trackId: string,
  fades: { fadeIn?: number; fadeOut?: number },
): Project {
  const fix = (s: number | undefined, old: number): number =>
    s === undefined || !Number.isFinite(s) ? old : Math.round(clamp(s, 0, MAX_AUDIO_FADE) * 1000) / 1000;
  return replaceTrack(project, trackId, (t) => ({
    ...t,
    fadeIn: fix(fades.fadeIn, t.fadeIn),
    fadeOut: fix(fades.fadeOut, t.fadeOut),
  }));
}

export function setAudioMuted(project: Project, trackId: string, muted: boolean): Project {
  return replaceTrack(project, trackId, (t) => ({ ...t, muted }));
}

export function renameAudioTrack(project: Project, trackId: string, name: string): Project {
  return replaceTrack(project, trackId, (t) => ({ ...t, name: name.slice(0, 200) }));
}
