import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../src/core/schema';
import type { Project, Scene } from '../../../src/core/schema';
import {
  frameCount,
  projectDuration,
  sceneAt,
  sceneStarts,
  timelineOf,
} from '../../../src/core/timeline/timeline';

function project(
  durations: number[],
  extra: { endCard?: { enabled: boolean; duration: number }; transition?: object } = {},
): Project {
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    scenes: durations.map((duration, i) => ({ id: `s${i}`, duration, transition: extra.transition })),
    endCard: extra.endCard,
  });
}

describe('timeline', () => {
  it('lasts the sum of the scene durations', () => {
    const p = project([2, 3, 1.5]);
    expect(projectDuration(p)).toBe(6.5);
    expect(sceneStarts(p)).toEqual([0, 2, 5]);
  });

  it('adds the end card only when it is enabled', () => {
    expect(projectDuration(project([2, 3], { endCard: { enabled: true, duration: 4 } }))).toBe(9);
    expect(projectDuration(project([2, 3], { endCard: { enabled: false, duration: 4 } }))).toBe(5);
  });

  it('transitions overlap the scenes and do not change the duration', () => {
    const p = project([2, 3], { transition: { kind: 'crossfade', duration: 0.5 } });
    expect(projectDuration(p)).toBe(5);
  });

  it('counts frames at the project rate or a given one', () => {
    const p = project([2, 3.01]);
    expect(frameCount(p)).toBe(150);
    expect(frameCount(p, 24)).toBe(120);
  });

  it('gives a time exactly on a boundary to the next scene', () => {
    const p = project([2, 3], { endCard: { enabled: true, duration: 4 } });
    expect(sceneAt(p, 0)?.scene.id).toBe('s0');
    expect(sceneAt(p, 1.999)?.scene.id).toBe('s0');
    expect(sceneAt(p, 2)?.scene.id).toBe('s1');
    expect(sceneAt(p, 4.9)?.scene.id).toBe('s1');
    expect(sceneAt(p, 5)).toBeNull(); // the end card
    expect(sceneAt(p, -1)?.scene.id).toBe('s0');
  });

  it('stays on the last scene past the end when there is no end card', () => {
    expect(sceneAt(project([2, 3]), 99)?.scene.id).toBe('s1');
  });

  it('clamps a transition to half of the shorter neighbouring scene', () => {
    const p = project([4, 1, 4], { transition: { kind: 'slide', duration: 3 } });
    const spans = timelineOf(p).spans;
    expect(spans[0]?.transitionDuration).toBe(0.5); // next scene is 1 s long
    expect(spans[1]?.transitionDuration).toBe(0.5); // own scene is 1 s long
    expect(spans[2]?.transitionDuration).toBe(0); // nothing follows
  });

  it('lets the last scene transition into the end card', () => {
    const p = project([4], {
      transition: { kind: 'crossfade', duration: 1 },
      endCard: { enabled: true, duration: 4 },
    });
    expect(timelineOf(p).spans[0]?.transitionDuration).toBe(1);
  });

  it('ignores the duration of a cut', () => {
    const p = project([4, 4], { transition: { kind: 'cut', duration: 1 } });
    expect(timelineOf(p).spans[0]?.transitionDuration).toBe(0);
  });

  it('computes the layout once per project object and anew for a new one', () => {
    const p = project([2, 3]);
    expect(timelineOf(p)).toBe(timelineOf(p));
    const edited = { ...p, scenes: [...p.scenes, { ...(p.scenes[0] as Scene), id: 's9' }] };
    expect(timelineOf(edited)).not.toBe(timelineOf(p));
    expect(projectDuration(edited)).toBe(7);
  });
});
