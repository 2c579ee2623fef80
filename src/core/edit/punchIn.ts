import { audibleClip } from '../audio/clip';
import type { AudioTrack, Project } from '../schema';
import { projectDuration } from '../timeline/timeline';
import { MAX_AUDIO_TRACKS, MIN_AUDIO_CLIP, type AddedAudioTrack, type NewAudioTrack } from './audio';
import { nextId } from './ids';

/**
 * Punch-in: a new recording replaces what the chosen clips play inside a range, and only
 * there. A clip inside the range goes, a clip across one edge is trimmed back to it, a clip
 * across the whole range is split in two around it; then the recording is placed at the
 * range's start, cut to the range's length. One new project, so one undo step.
 */

export interface PunchInRange {
  /** Project seconds. */
  from: number;
  to: number;
}

export interface PunchInInput extends Omit<NewAudioTrack, 'start'> {
  /** Which clips lose their sound inside the range (the selected clip, or every clip under it). */
  replace: readonly string[];
  /** The measured length of each sound file (undefined when unknown). */
  fileDuration: (assetId: string) => number | undefined;
}

export function punchInAudio(project: Project, range: PunchInRange, input: PunchInInput): AddedAudioTrack {
  const from = Math.max(0, Math.min(range.from, range.to));
  const to = Math.max(range.from, range.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to - from < MIN_AUDIO_CLIP) {
    return { project, trackId: '' };
  }
  const end = projectDuration(project);
  const ids = new Set(project.audio.map((t) => t.id));
  const replace = new Set(input.replace);
  const audio: AudioTrack[] = [];
  for (const track of project.audio) {
    if (!replace.has(track.id)) {
      audio.push(track);
      continue;
    }
    audio.push(...cutRange(track, from, to, input.fileDuration(track.assetId), end, ids));
  }
  if (audio.length >= MAX_AUDIO_TRACKS) return { project, trackId: '' };
  const trackId = nextId('audio', ids);
  audio.push({
    id: trackId,
    assetId: input.assetId,
    name: input.name.slice(0, 200),
    start: from,
    trimStart: 0,
    duration: to - from,
    volume: 1,
    fadeIn: 0,
    fadeOut: 0,
    muted: false,
  });
  return { project: { ...project, audio }, trackId };
}

/** What is left of `track` outside [from, to]: nothing, itself, one trimmed piece or two. */
function cutRange(
  track: AudioTrack,
  from: number,
  to: number,
  fileDuration: number | undefined,
  projectEnd: number,
  ids: Set<string>,
): AudioTrack[] {
  const clip = audibleClip(track, fileDuration, projectEnd);
  if (clip.length <= 0 || clip.end <= from || clip.start >= to) return [track];
  const pieces: AudioTrack[] = [];
  if (clip.start < from && from - clip.start >= MIN_AUDIO_CLIP) {
    // The part before the range keeps the clip's fade-in; it now ends where the recording starts.
    pieces.push({ ...track, duration: from - clip.start, fadeOut: 0 });
  }
  if (clip.end > to && clip.end - to >= MIN_AUDIO_CLIP) {
    // The part after the range plays on from the same point of its file as before.
    const cut = to - clip.start;
    const after: AudioTrack = {
      ...track,
      start: to,
      trimStart: track.trimStart + cut,
      fadeIn: 0,
    };
    // Same end as before: a set length shrinks; a clip playing to its file's end still does.
    if (track.duration !== undefined) after.duration = track.duration - cut;
    else delete after.duration;
    if (pieces.length > 0) after.id = nextId('audio', ids);
    pieces.push(after);
  }
  return pieces;
}
