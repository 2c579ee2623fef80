import { describe, expect, it } from 'vitest';
import { audibleClip, clipGainAt } from '../../../src/core/audio';
import {
  addAudioTrack,
  blankProject,
  createHistory,
  deleteAudioTrack,
  findAudioTrack,
  moveAudioTrack,
  record,
  renameAudioTrack,
  setAudioFades,
  setAudioMuted,
  setAudioVolume,
  trimAudioEnd,
  trimAudioStart,
  undo,
} from '../../../src/core/edit';
import { ProjectSchema, type AudioTrack, type Project } from '../../../src/core/schema';

const ASSET = 'a'.repeat(64);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A 10 s project with one 6 s sound placed at 2 s. */
function withTrack(): { project: Project; id: string } {
  const blank = blankProject('Sound test');
  const base = { ...blank, scenes: blank.scenes.map((s) => ({ ...s, duration: 10 })) };
  const { project, trackId } = addAudioTrack(base, { assetId: ASSET, name: 'song.mp3', start: 2 });
  return { project: deepFreeze(project), id: trackId };
}

function track(project: Project, id: string): AudioTrack {
  const t = findAudioTrack(project, id);
  if (!t) throw new Error('no track');
  return t;
}

describe('audio track commands', () => {
  it('adds a track at the playhead that still validates against the schema', () => {
    const { project, id } = withTrack();
    expect(id).toBe('audio-1');
    expect(track(project, id)).toMatchObject({ start: 2, trimStart: 0, volume: 1, muted: false });
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    const second = addAudioTrack(project, { assetId: ASSET, name: 'voice', start: 0 });
    expect(second.trackId).toBe('audio-2');
  });

  it('moves a clip but never before the start of the video', () => {
    const { project, id } = withTrack();
    expect(track(moveAudioTrack(project, id, 4.5), id).start).toBe(4.5);
    expect(track(moveAudioTrack(project, id, -3), id).start).toBe(0);
    // Never past the end of the 10 s video, where it could be neither seen nor heard.
    expect(track(moveAudioTrack(project, id, 30), id).start).toBeCloseTo(9.95);
    expect(moveAudioTrack(project, 'nope', 1)).toBe(project);
    expect(moveAudioTrack(project, id, 2)).toBe(project);
  });

  it('trims the start keeping every sound at its place on the timeline', () => {
    const { project, id } = withTrack();
    const cut = track(trimAudioStart(project, id, 3, 6), id);
    expect(cut.start).toBe(3);
    expect(cut.trimStart).toBe(1);
    // The end stays at 2 + 6 = 8.
    expect(audibleClip(cut, 6, 10).end).toBeCloseTo(8);
    // Dragging left brings back what was cut, but not more than the file has.
    const back = track(trimAudioStart(trimAudioStart(project, id, 3, 6), id, 0, 6), id);
    expect(back.start).toBe(2);
    expect(back.trimStart).toBe(0);
  });

  it('trims the end to a set length and back to the end of the file', () => {
    const { project, id } = withTrack();
    const short = trimAudioEnd(project, id, 5, 6);
    expect(track(short, id).duration).toBeCloseTo(3);
    // Not beyond the file: dragging past its end means "play it all" again.
    expect(track(trimAudioEnd(short, id, 20, 6), id).duration).toBeUndefined();
    // Never shorter than a moment.
    expect(track(trimAudioEnd(project, id, 1, 6), id).duration).toBeCloseTo(0.05);
  });

  it('sets volume, fades, mute and name within their ranges', () => {
    const { project, id } = withTrack();
    expect(track(setAudioVolume(project, id, 0.456), id).volume).toBe(0.46);
    expect(track(setAudioVolume(project, id, 9), id).volume).toBe(2);
    expect(track(setAudioVolume(project, id, -1), id).volume).toBe(0);
    expect(setAudioVolume(project, id, Number.NaN)).toBe(project);
    const faded = track(setAudioFades(project, id, { fadeIn: 1.5, fadeOut: 99 }), id);
    expect([faded.fadeIn, faded.fadeOut]).toEqual([1.5, 30]);
    expect(track(setAudioMuted(project, id, true), id).muted).toBe(true);
    expect(track(renameAudioTrack(project, id, 'Voice-over'), id).name).toBe('Voice-over');
  });

  it('deletes a track, and undo brings it back', () => {
    const { project, id } = withTrack();
    let history = createHistory(project);
    history = record(history, deleteAudioTrack(project, id), { label: 'Delete sound' });
    expect(history.present.audio).toHaveLength(0);
    history = undo(history);
    expect(track(history.present, id).name).toBe('song.mp3');
  });
});

describe('where a clip is heard', () => {
  it('ends at the end of its file, so a fade-out is heard before the sound stops', () => {
    const { project, id } = withTrack();
    const t = track(setAudioFades(project, id, { fadeOut: 1 }), id);
    const clip = audibleClip(t, 3, 10);
    expect(clip.end).toBe(5);
    expect(clipGainAt(t, clip, 4.5)).toBeCloseTo(0.5);
    expect(clipGainAt(t, clip, 5)).toBe(0);
  });

  it('without a known file length, runs to its set length or the end of the project', () => {
    const { project, id } = withTrack();
    expect(audibleClip(track(project, id), undefined, 10).end).toBe(10);
    expect(audibleClip(track(trimAudioEnd(project, id, 4, undefined), id), undefined, 10).end).toBe(4);
  });

  it('shares a too-short clip between its fades and applies volume and mute', () => {
    const { project, id } = withTrack();
    const t = track(setAudioVolume(setAudioFades(project, id, { fadeIn: 5, fadeOut: 5 }), id, 0.5), id);
    const clip = audibleClip(t, 4, 10);
    expect([clip.fadeIn, clip.fadeOut]).toEqual([2, 2]);
    expect(clipGainAt(t, clip, 4)).toBeCloseTo(0.5);
    expect(clipGainAt({ ...t, muted: true }, clip, 4)).toBe(0);
  });
});
