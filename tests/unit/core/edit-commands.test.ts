import { describe, expect, it } from 'vitest';
import { ProjectSchema, type Element, type Project } from '../../../src/core/schema';
import {
  addElement,
  addScene,
  blankProject,
  deleteElement,
  deleteKeyframe,
  deleteKeyframesAt,
  keyframeTimes,
  moveKeyframesAt,
  setKeyframeEasingAt,
  deleteScene,
  duplicateScene,
  findElement,
  moveKeyframe,
  moveScene,
  reorderElement,
  pasteScene,
  setKeyframe,
  updateElement,
  updateScene,
} from '../../../src/core/edit';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Three scenes, the second with a rectangle inside a group; frozen, so any mutation throws. */
function sample(): Project {
  return deepFreeze(
    ProjectSchema.parse({
      format: 'kindness-studio',
      version: 1,
      title: 'Test',
      scenes: [
        { id: 'a', name: 'A', duration: 2 },
        {
          id: 'b',
          name: 'B',
          duration: 3,
          elements: [
            { id: 'r', kind: 'rect', width: 100, height: 50 },
            { id: 'g', kind: 'group', children: [{ id: 'e', kind: 'ellipse', radiusX: 10, radiusY: 10 }] },
          ],
        },
        { id: 'c', name: 'C', duration: 1 },
      ],
    }),
  );
}

const names = (p: Project) => p.scenes.map((s) => s.name);

describe('scene commands', () => {
  it('adds an empty scene at the end, with a fresh id, and the result is a valid project', () => {
    const before = sample();
    const { project, sceneId } = addScene(before);
    expect(project.scenes).toHaveLength(4);
    expect(project.scenes[3]?.id).toBe(sceneId);
    expect(new Set(project.scenes.map((s) => s.id)).size).toBe(4);
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    expect(before.scenes).toHaveLength(3);
  });

  it('adds a scene at a chosen position', () => {
    const { project, sceneId } = addScene(sample(), 1);
    expect(project.scenes[1]?.id).toBe(sceneId);
    expect(names(project)).toEqual(['A', 'Scene 4', 'B', 'C']);
  });

  it('duplicates a scene after the original with new ids for it and its elements', () => {
    const { project, sceneId } = duplicateScene(sample(), 'b');
    expect(names(project)).toEqual(['A', 'B', 'B (copy)', 'C']);
    const copy = project.scenes[2];
    expect(copy?.id).toBe(sceneId);
    const ids = JSON.stringify(project).match(/"id":"[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(copy?.elements).toHaveLength(2);
  });

  it('deletes a scene but never the last one', () => {
    expect(names(deleteScene(sample(), 'b'))).toEqual(['A', 'C']);
    const single = blankProject();
    expect(deleteScene(single, single.scenes[0]?.id ?? '')).toBe(single);
  });

  it('moves a scene to a new position and keeps the others in order', () => {
    expect(names(moveScene(sample(), 'a', 2))).toEqual(['B', 'C', 'A']);
    expect(names(moveScene(sample(), 'c', 0))).toEqual(['C', 'A', 'B']);
    expect(names(moveScene(sample(), 'c', 99))).toEqual(['A', 'B', 'C']);
  });

  it('updates name, duration, notes and transition, keeping numbers in range', () => {
    let p = updateScene(sample(), 'a', { name: 'Intro', duration: 0, notes: 'hello' });
    expect(p.scenes[0]).toMatchObject({ name: 'Intro', duration: 0.1, notes: 'hello' });
    p = updateScene(p, 'a', { transition: { kind: 'crossfade', duration: 9 } });
    expect(p.scenes[0]?.transition).toEqual({ kind: 'crossfade', duration: 5, direction: 'left' });
    expect(ProjectSchema.safeParse(p).success).toBe(true);
  });

  it('changes only what it must: untouched scenes stay the same objects', () => {
    const before = sample();
    const after = updateScene(before, 'a', { name: 'Intro' });
    expect(after.scenes[1]).toBe(before.scenes[1]);
    expect(after.captions).toBe(before.captions);
  });

  it('returns the same project for an edit that changes nothing or an unknown id', () => {
    const p = sample();
    expect(updateScene(p, 'a', { name: 'A' })).toBe(p);
    expect(updateScene(p, 'nope', { name: 'x' })).toBe(p);
    expect(moveScene(p, 'b', 1)).toBe(p);
  });
});

describe('element commands', () => {
  const star: Element = {
    id: 'r',
    kind: 'star',
    name: '',
    x: 0,
    y: 0,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
    anchorX: 0,
    anchorY: 0,
    opacity: 1,
    fill: '#ffcc00',
    stroke: null,
    strokeWidth: 0,
    visible: true,
    locked: false,
    points: 5,
    innerRadius: 20,
    outerRadius: 40,
  };

  it('adds an element on top, renaming a clashing id', () => {
    const { project, elementId } = addElement(sample(), 'b', star);
    expect(elementId).not.toBe('r');
    expect(project.scenes[1]?.elements.at(-1)?.id).toBe(elementId);
    expect(ProjectSchema.safeParse(project).success).toBe(true);
  });

  it('updates an element inside a group, copying only the path to it', () => {
    const before = sample();
    const after = updateElement(before, 'b', 'e', { x: 40, opacity: 0.5 });
    expect(findElement(after.scenes[1]?.elements ?? [], 'e')).toMatchObject({ x: 40, opacity: 0.5 });
    expect(after.scenes[1]?.elements[0]).toBe(before.scenes[1]?.elements[0]);
    expect(after.scenes[0]).toBe(before.scenes[0]);
  });

  it('deletes an element at any depth', () => {
    const after = deleteElement(sample(), 'b', 'e');
    expect(findElement(after.scenes[1]?.elements ?? [], 'e')).toBeUndefined();
    expect(findElement(after.scenes[1]?.elements ?? [], 'g')).toBeDefined();
  });
});

describe('keyframe commands', () => {
  const track = (p: Project) => findElement(p.scenes[1]?.elements ?? [], 'r')?.keyframes?.x ?? [];

  it('sets keyframes sorted by time and replaces one at the same time', () => {
    let p = setKeyframe(sample(), 'b', 'r', 'x', { time: 2, value: 300 });
    p = setKeyframe(p, 'b', 'r', 'x', { time: 0, value: 0 });
    p = setKeyframe(p, 'b', 'r', 'x', { time: 2, value: 500, easing: 'linear' });
    expect(track(p)).toEqual([
      { time: 0, value: 0, easing: 'easeInOutCubic' },
      { time: 2, value: 500, easing: 'linear' },
    ]);
    expect(ProjectSchema.safeParse(p).success).toBe(true);
  });

  it('moves a keyframe, replacing one at the destination', () => {
    let p = setKeyframe(sample(), 'b', 'r', 'x', { time: 0, value: 0 });
    p = setKeyframe(p, 'b', 'r', 'x', { time: 1, value: 10 });
    p = setKeyframe(p, 'b', 'r', 'x', { time: 2, value: 20 });
    p = moveKeyframe(p, 'b', 'r', 'x', 2, 1);
    expect(track(p).map((k) => [k.time, k.value])).toEqual([
      [0, 0],
      [1, 20],
    ]);
  });

  it('deletes a keyframe and drops the empty track', () => {
    let p = setKeyframe(sample(), 'b', 'r', 'x', { time: 1, value: 10 });
    p = deleteKeyframe(p, 'b', 'r', 'x', 1);
    expect(findElement(p.scenes[1]?.elements ?? [], 'r')?.keyframes).toBeUndefined();
  });
});

describe('paste', () => {
  it('pastes a scene with new ids for it and its elements, where asked', () => {
    const p = sample();
    const copied = p.scenes[1];
    if (!copied) throw new Error('no scene');
    const { project, sceneId } = pasteScene(p, copied, 0);
    expect(project.scenes[0]?.id).toBe(sceneId);
    expect(project.scenes[0]?.name).toBe('B');
    const ids = JSON.stringify(project).match(/"id":"[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('element order', () => {
  it('moves an element forward and back in the paint order', () => {
    const p = sample();
    const front = reorderElement(p, 'b', 'r', 1);
    expect(front.scenes[1]?.elements.map((e) => e.id)).toEqual(['g', 'r']);
    expect(reorderElement(front, 'b', 'r', 0).scenes[1]?.elements.map((e) => e.id)).toEqual(['r', 'g']);
    expect(reorderElement(p, 'b', 'r', 0)).toBe(p);
  });
});

describe('keyframes at a time, on every property', () => {
  function animated(): Project {
    let p = sample();
    for (const [time, x, opacity] of [
      [0, 0, 1],
      [1, 100, 0.5],
      [2, 200, 0],
    ] as const) {
      p = setKeyframe(p, 'b', 'r', 'x', { time, value: x });
      p = setKeyframe(p, 'b', 'r', 'opacity', { time, value: opacity });
    }
    return p;
  }
  const rect = (p: Project) => findElement(p.scenes[1]?.elements ?? [], 'r') as Element;

  it('lists the times that have keyframes', () => {
    expect(keyframeTimes(rect(animated()))).toEqual([0, 1, 2]);
  });

  it('moves, re-eases and deletes the keyframes at a time together', () => {
    let p = moveKeyframesAt(animated(), 'b', 'r', 1, 1.5);
    expect(keyframeTimes(rect(p))).toEqual([0, 1.5, 2]);
    expect(rect(p).keyframes?.opacity?.[1]).toMatchObject({ time: 1.5, value: 0.5 });
    p = setKeyframeEasingAt(p, 'b', 'r', 1.5, 'easeOutBounce');
    expect(rect(p).keyframes?.x?.[1]?.easing).toBe('easeOutBounce');
    expect(rect(p).keyframes?.opacity?.[1]?.easing).toBe('easeOutBounce');
    p = deleteKeyframesAt(p, 'b', 'r', 0);
    expect(keyframeTimes(rect(p))).toEqual([1.5, 2]);
    expect(ProjectSchema.safeParse(p).success).toBe(true);
  });
});
