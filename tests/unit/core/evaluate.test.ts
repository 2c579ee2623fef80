import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../src/core/schema';
import type {
  DrawingElement,
  ElementInput,
  GroupElement,
  Project,
  ProjectInput,
  RectElement,
  TextElement,
  Transition,
  TransitionKind,
} from '../../../src/core/schema';
import { drawingFrameIndex, evaluate } from '../../../src/core/frame/evaluate';
import { END_CARD_LAYER_KEY } from '../../../src/core/frame/frameState';
import type { SceneLayer } from '../../../src/core/frame/frameState';

type Scenes = ProjectInput['scenes'];

function project(scenes: Scenes, extra: Partial<ProjectInput> = {}): Project {
  return ProjectSchema.parse({ format: 'kindness-studio', version: 1, scenes, ...extra });
}

const staticRect = { id: 'still', kind: 'rect', width: 10, height: 10, x: 5 } as const;
const movingRect: ElementInput = {
  id: 'mover',
  kind: 'rect',
  width: 10,
  height: 10,
  keyframes: {
    x: [
      { time: 1, value: 0, easing: 'linear' },
      { time: 2, value: 100, easing: 'easeInQuad' },
      { time: 3, value: 200 },
    ],
    fill: [
      { time: 1, value: '#000000' },
      { time: 2, value: '#ffffff' },
    ],
  },
};

function only(layers: readonly SceneLayer[]): SceneLayer {
  expect(layers).toHaveLength(1);
  return layers[0] as SceneLayer;
}

describe('evaluate: animated values', () => {
  const p = project([{ id: 'a', duration: 5, elements: [staticRect, movingRect] }]);
  const x = (t: number) => (only(evaluate(p, t).layers).elements[1] as RectElement).x;

  it('holds the first value before the first keyframe and the last after the last', () => {
    expect(x(0)).toBe(0);
    expect(x(4.5)).toBe(200);
  });

  it('shows the keyframe value on a keyframe and eases between keyframes', () => {
    expect(x(2)).toBe(100);
    expect(x(1.5)).toBeCloseTo(50, 10); // linear
    expect(x(2.5)).toBeCloseTo(125, 10); // easeInQuad: a quarter of the way halfway through
  });

  it('animates colours', () => {
    expect((only(evaluate(p, 1.5).layers).elements[1] as RectElement).fill).toBe('#808080');
  });

  it('passes elements without keyframes through as the very same objects', () => {
    for (const t of [0, 1.5, 4]) {
      expect(only(evaluate(p, t).layers).elements[0]).toBe(p.scenes[0]?.elements[0]);
    }
  });

  it('makes a copy of an animated element and leaves the project untouched', () => {
    const el = only(evaluate(p, 1.5).layers).elements[1];
    expect(el).not.toBe(p.scenes[0]?.elements[1]);
    expect((p.scenes[0]?.elements[1] as RectElement).x).toBe(0);
  });

  it('keeps the same object while an animation has finished, so unchanged frames can be skipped', () => {
    const a = only(evaluate(p, 3.5).layers).elements[1];
    const b = only(evaluate(p, 4.5).layers).elements[1];
    expect(a).toBe(b);
  });

  it('returns the scene element list itself when nothing animates', () => {
    const still = project([{ id: 'a', duration: 2, elements: [staticRect] }]);
    expect(only(evaluate(still, 1).layers).elements).toBe(still.scenes[0]?.elements);
  });

  it('only applies tracks to properties the element has', () => {
    const q = project([
      {
        id: 'a',
        duration: 2,
        elements: [
          {
            ...staticRect,
            keyframes: {
              reveal: [
                { time: 0, value: 0 },
                { time: 2, value: 1 },
              ],
            },
          },
          {
            id: 'l',
            kind: 'line',
            points: [0, 0, 10, 10],
            keyframes: {
              reveal: [
                { time: 0, value: 0, easing: 'linear' },
                { time: 2, value: 1 },
              ],
            },
          },
        ],
      },
    ]);
    const [rect, line] = only(evaluate(q, 1).layers).elements;
    expect(rect).toBe(q.scenes[0]?.elements[0]);
    expect(rect).not.toHaveProperty('reveal');
    expect(line).toMatchObject({ reveal: 0.5 });
  });

  it('keeps overshooting easings inside valid ranges', () => {
    const q = project([
      {
        id: 'a',
        duration: 2,
        elements: [
          {
            ...staticRect,
            keyframes: {
              opacity: [
                { time: 0, value: 0, easing: 'easeOutBack' },
                { time: 1, value: 1 },
              ],
            },
          },
        ],
      },
    ]);
    for (let t = 0; t <= 1; t += 0.05) {
      const o = (only(evaluate(q, t).layers).elements[0] as RectElement).opacity;
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThanOrEqual(1);
    }
  });

  it('copies a group only when something inside it animates', () => {
    const q = project([
      {
        id: 'a',
        duration: 3,
        elements: [
          { id: 'g1', kind: 'group', children: [staticRect] },
          { id: 'g2', kind: 'group', children: [{ ...staticRect, id: 'k' }, movingRect] },
        ],
      },
    ]);
    const [g1, g2] = only(evaluate(q, 1.5).layers).elements as GroupElement[];
    const src = q.scenes[0]?.elements as GroupElement[];
    expect(g1).toBe(src[0]);
    expect(g2).not.toBe(src[1]);
    expect(g2?.children[0]).toBe(src[1]?.children[0]);
    expect((g2?.children[1] as RectElement).x).toBeCloseTo(50, 10);
  });
  it('moves an animated group while its still children stay the same objects', () => {
    const q = project([
      {
        id: 'a',
        duration: 3,
        elements: [
          {
            id: 'g',
            kind: 'group',
            keyframes: {
              rotation: [
                { time: 0, value: 0, easing: 'linear' },
                { time: 2, value: 90 },
              ],
            },
            children: [staticRect],
          },
        ],
      },
    ]);
    const g = only(evaluate(q, 1).layers).elements[0] as GroupElement;
    const src = q.scenes[0]?.elements[0] as GroupElement;
    expect(g).not.toBe(src);
    expect(g.rotation).toBeCloseTo(45, 10);
    expect(g.children).toBe(src.children);
  });

  it('never changes the project it reads', () => {
    const before = JSON.stringify(p);
    for (let t = 0; t < 5; t += 0.1) evaluate(p, t);
    expect(JSON.stringify(p)).toBe(before);
  });
});

describe('evaluate: scenes and time', () => {
  const p = project([
    { id: 'a', duration: 2 },
    { id: 'b', duration: 2, background: { type: 'solid', color: '#ff0000' } },
  ]);

  it('gives a time exactly on a scene boundary to the next scene', () => {
    expect(only(evaluate(p, 1.999).layers).key).toBe('a');
    const layer = only(evaluate(p, 2).layers);
    expect(layer.key).toBe('b');
    expect(layer.sceneTime).toBe(0);
    expect(layer.background).toEqual({ type: 'solid', color: '#ff0000' });
  });

  it('clamps the time to the video', () => {
    expect(evaluate(p, -5).time).toBe(0);
    const end = evaluate(p, 10);
    expect(end.time).toBeLessThan(4);
    expect(end.time).toBeGreaterThan(3.99);
    expect(only(end.layers).key).toBe('b');
  });

  it('describes the frame size and rate', () => {
    expect(evaluate(p, 0)).toMatchObject({ width: 1080, height: 1920, fps: 30, caption: null });
  });
});

describe('evaluate: transitions', () => {
  function withTransition(kind: TransitionKind, direction: Transition['direction'] = 'left'): Project {
    return project([
      { id: 'a', duration: 4, transition: { kind, duration: 1, direction }, elements: [movingRect] },
      { id: 'b', duration: 4, elements: [movingRect] },
    ]);
  }

  it('shows only the outgoing scene before the transition and only the incoming one after', () => {
    const p = withTransition('crossfade');
    expect(only(evaluate(p, 2.99).layers).key).toBe('a');
    expect(only(evaluate(p, 4).layers).key).toBe('b');
  });

  it('crossfade: the incoming scene fades in on top, frozen at its first frame', () => {
    const f = evaluate(withTransition('crossfade'), 3.5);
    expect(f.layers.map((l) => l.key)).toEqual(['a', 'b']);
    const [out, inc] = f.layers as SceneLayer[];
    expect(out).toMatchObject({ opacity: 1, sceneTime: 3.5, offsetX: 0, clip: null });
    expect(inc).toMatchObject({ opacity: 0.5, sceneTime: 0, offsetX: 0, offsetY: 0, clip: null });
    expect((out?.elements[0] as RectElement).x).toBe(200); // outgoing keeps playing its own time
    expect((inc?.elements[0] as RectElement).x).toBe(0); // incoming shows its time 0
  });

  it('eases the crossfade in and out', () => {
    const inc = evaluate(withTransition('crossfade'), 3.25).layers[1];
    expect(inc?.opacity).toBeCloseTo(4 * 0.25 ** 3, 10);
  });

  it('slide: the incoming scene pushes the outgoing one out the way it moves', () => {
    const [outL, incL] = evaluate(withTransition('slide', 'left'), 3.5).layers;
    expect(outL).toMatchObject({ offsetX: -540, offsetY: 0, opacity: 1 });
    expect(incL).toMatchObject({ offsetX: 540, offsetY: 0, opacity: 1 });
    const [outU, incU] = evaluate(withTransition('slide', 'up'), 3.5).layers;
    expect(outU).toMatchObject({ offsetX: 0, offsetY: -960 });
    expect(incU).toMatchObject({ offsetX: 0, offsetY: 960 });
    const [, incR] = evaluate(withTransition('slide', 'right'), 3.75).layers;
    expect(incR?.offsetX).toBeCloseTo(-1080 * (1 - (1 - 0.5 ** 3 / 2)), 6);
  });

  it('wipe: the incoming scene is revealed by a growing clip rectangle', () => {
    const [out, inc] = evaluate(withTransition('wipe', 'left'), 3.5).layers;
    expect(out?.clip).toBeNull();
    expect(inc?.clip).toEqual({ x: 540, y: 0, width: 540, height: 1920 });
    expect(evaluate(withTransition('wipe', 'down'), 3.5).layers[1]?.clip).toEqual({
      x: 0,
      y: 0,
      width: 1080,
      height: 960,
    });
  });

  it('cut: switches at the boundary without an overlap', () => {
    const p = withTransition('cut');
    expect(only(evaluate(p, 3.5).layers).key).toBe('a');
  });
});

describe('evaluate: end card', () => {
  const p = project([{ id: 'a', duration: 2, transition: { kind: 'crossfade', duration: 0.5 } }], {
    endCard: { enabled: true, duration: 3, resources: [{ name: 'Childline', contact: '0800 1111' }] },
  });

  it('shows the end card after the last scene', () => {
    const layer = only(evaluate(p, 2.5).layers);
    expect(layer.key).toBe(END_CARD_LAYER_KEY);
    expect(layer.sceneTime).toBeCloseTo(0.5, 10);
    const texts = layer.elements.filter((e): e is TextElement => e.kind === 'text').map((e) => e.text);
    expect(texts).toContain('Childline — 0800 1111');
  });

  it('keeps the card elements identical from frame to frame once its entrance is over', () => {
    const a = only(evaluate(p, 4).layers);
    const b = only(evaluate(p, 5.5).layers);
    expect(b.elements.length).toBe(a.elements.length);
    b.elements.forEach((el, i) => expect(el).toBe(a.elements[i]));
  });

  it('lets the last scene transition into the card', () => {
    const f = evaluate(p, 1.75);
    expect(f.layers.map((l) => l.key)).toEqual(['a', END_CARD_LAYER_KEY]);
    expect(f.layers[1]?.opacity).toBeCloseTo(0.5, 10);
  });

  it('shows no card when it is disabled', () => {
    const off = project([{ id: 'a', duration: 2 }], { endCard: { enabled: false } });
    expect(only(evaluate(off, 5).layers).key).toBe('a');
  });
});

describe('evaluate: captions', () => {
  const p = project([{ id: 'a', duration: 10 }], {
    captions: [
      { id: 'c1', start: 0.5, end: 2, text: 'Be kind online' },
      {
        id: 'c2',
        start: 3,
        end: 5,
        text: 'Words matter',
        style: 'box',
        words: [
          { start: 3, end: 3.8, text: 'Words' },
          { start: 4, end: 5, text: 'matter' },
        ],
      },
    ],
    captionSettings: { fontFamily: 'Inter', fontSize: 70, position: 'middle' },
  });

  it('shows the caption whose time span holds t, with the caption settings', () => {
    expect(evaluate(p, 0.2).caption).toBeNull();
    expect(evaluate(p, 1).caption).toEqual({
      id: 'c1',
      text: 'Be kind online',
      style: 'outline',
      fontFamily: 'Inter',
      fontSize: 70,
      position: 'middle',
      y: null,
      activeWord: -1,
      words: null,
    });
    expect(evaluate(p, 2).caption).toBeNull();
  });

  it('highlights the word being spoken', () => {
    expect(evaluate(p, 3.2).caption).toMatchObject({ id: 'c2', activeWord: 0, words: ['Words', 'matter'] });
    expect(evaluate(p, 3.9).caption?.activeWord).toBe(-1);
    expect(evaluate(p, 4.5).caption?.activeWord).toBe(1);
  });

  it('keeps the same caption object while nothing about it changes', () => {
    expect(evaluate(p, 3.1).caption).toBe(evaluate(p, 3.3).caption);
  });
});

describe('drawingFrameIndex', () => {
  function drawing(holds: number[], loop: boolean): DrawingElement {
    return {
      id: 'd',
      kind: 'drawing',
      frames: holds.map((hold) => ({ hold, strokes: [] })),
      loop,
    } as unknown as DrawingElement;
  }

  it('holds each drawn frame for its number of video frames', () => {
    const d = drawing([2, 3, 1], true);
    const at = (videoFrame: number) => drawingFrameIndex(d, videoFrame / 30, 30);
    expect([0, 1, 2, 3, 4, 5].map(at)).toEqual([0, 0, 1, 1, 1, 2]);
  });

  it('starts over when it loops', () => {
    const d = drawing([2, 3, 1], true);
    expect(drawingFrameIndex(d, 6 / 30, 30)).toBe(0);
    expect(drawingFrameIndex(d, 9 / 30, 30)).toBe(1);
  });

  it('stays on the last drawing when it does not loop', () => {
    expect(drawingFrameIndex(drawing([2, 3, 1], false), 100, 30)).toBe(2);
  });

  it('is not fooled by floating point (0.7 s at 30 fps is video frame 21)', () => {
    const d = drawing(
      Array.from({ length: 30 }, () => 1),
      false,
    );
    expect(drawingFrameIndex(d, 0.7, 30)).toBe(21);
  });
});
