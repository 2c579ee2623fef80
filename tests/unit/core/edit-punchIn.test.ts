import { describe, expect, it } from 'vitest';
import { audibleClip } from '../../../src/core/audio';
import {
  addAudioTrack,
  blankProject,
  createHistory,
  punchInAudio,
  record,
  undo,
} from '../../../src/core/edit';
import { ProjectSchema, type Project } from '../../../src/core/schema';

const VOICE = 'a'.repeat(64);
const MUSIC = 'b'.repeat(64);
const TAKE = 'c'.repeat(64);
const LENGTHS: Record<string, number> = { [VOICE]: 6, [MUSIC]: 10, [TAKE]: 3 };
const fileDuration = (assetId: string) => LENGTHS[assetId];

/** A 10 s project: a 6 s voice at 2 s (fades 0.5 s) and a 10 s music bed at 0 s. */
function setup(): { project: Project; voice: string; music: string } {
  const blank = blankProject('Punch-in');
  const base = { ...blank, scenes: blank.scenes.map((s) => ({ ...s, duration: 10 })) };
  const v = addAudioTrack(base, { assetId: VOICE, name: 'Voice', start: 2 });
  const withFades = {
    ...v.project,
    audio: v.project.audio.map((t) => ({ ...t, fadeIn: 0.5, fadeOut: 0.5 })),
  };
  const m = addAudioTrack(withFades, { assetId: MUSIC, name: 'Music', start: 0 });
  return { project: Object.freeze(m.project), voice: v.trackId, music: m.trackId };
}

/** Each clip as heard: name, start, end and the second of its file it starts at. */
function heard(project: Project): [string, number, number, number][] {
  return project.audio.map((t) => {
    const c = audibleClip(t, fileDuration(t.assetId), 10);
    const r = (x: number) => Math.round(x * 1000) / 1000;
    return [t.name, r(c.start), r(c.end), r(c.fileStart)];
  });
}

const take = { assetId: TAKE, name: 'Voice take 2', fileDuration };

describe('punch-in recording', () => {
  it('splits a clip across the range around the new take, and leaves other clips alone', () => {
    const { project, voice } = setup();
    const { project: next, trackId } = punchInAudio(
      project,
      { from: 4, to: 5.5 },
      { ...take, replace: [voice] },
    );
    expect(trackId).not.toBe('');
    expect(heard(next)).toEqual([
      ['Voice', 2, 4, 0],
      // The part after the take plays the same seconds of its file as before: 5.5 s is 3.5 s into it.
      ['Voice', 5.5, 8, 3.5],
      ['Music', 0, 10, 0],
      ['Voice take 2', 4, 5.5, 0],
    ]);
    // The outer fades stay on the outer ends; the cut edges get none.
    const [left, right] = next.audio;
    expect([left?.fadeIn, left?.fadeOut, right?.fadeIn, right?.fadeOut]).toEqual([0.5, 0, 0, 0.5]);
    expect(new Set(next.audio.map((t) => t.id)).size).toBe(next.audio.length);
    expect(ProjectSchema.safeParse(next).success).toBe(true);
  });

  it('trims a clip that crosses one edge and removes one inside the range', () => {
    const { project, voice } = setup();
    const early = punchInAudio(project, { from: 0, to: 3 }, { ...take, replace: [voice] }).project;
    expect(heard(early).find(([name]) => name === 'Voice')).toEqual(['Voice', 3, 8, 1]);
    const late = punchInAudio(project, { from: 7, to: 9 }, { ...take, replace: [voice] }).project;
    expect(heard(late).find(([name]) => name === 'Voice')).toEqual(['Voice', 2, 7, 0]);
    const all = punchInAudio(project, { from: 1, to: 9 }, { ...take, replace: [voice] }).project;
    expect(heard(all).map(([name]) => name)).toEqual(['Music', 'Voice take 2']);
  });

  it('replaces every chosen clip and cuts the take to the range', () => {
    const { project, voice, music } = setup();
    const { project: next } = punchInAudio(project, { from: 3, to: 4 }, { ...take, replace: [voice, music] });
    expect(heard(next)).toEqual([
      ['Voice', 2, 3, 0],
      ['Voice', 4, 8, 2],
      ['Music', 0, 3, 0],
      ['Music', 4, 10, 4],
      ['Voice take 2', 3, 4, 0],
    ]);
  });

  it('is one undo step and never changes the project it was given', () => {
    const { project, voice } = setup();
    const before = JSON.stringify(project);
    const { project: next } = punchInAudio(project, { from: 4, to: 5 }, { ...take, replace: [voice] });
    expect(JSON.stringify(project)).toBe(before);
    const history = record(createHistory(project), next, { label: 'Record over range' });
    expect(JSON.stringify(undo(history).present)).toBe(before);
  });

  it('adds nothing for an empty range or a full project', () => {
    const { project, voice } = setup();
    expect(punchInAudio(project, { from: 4, to: 4 }, { ...take, replace: [voice] })).toEqual({
      project,
      trackId: '',
    });
    let full = project;
    for (let i = 0; i < 30; i++)
      full = addAudioTrack(full, { assetId: MUSIC, name: `m${i}`, start: 0 }).project;
    expect(full.audio).toHaveLength(32);
    expect(punchInAudio(full, { from: 4, to: 5 }, { ...take, replace: [] }).trackId).toBe('');
  });
});
