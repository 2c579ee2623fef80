import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import Konva from 'konva';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { evaluate } from '../../../src/core/frame';
import type { FrameState } from '../../../src/core/frame/frameState';
import { loadProject } from '../../../src/core/load';
import { projectTexts } from '../../../src/core/projectTexts';
import type { ElementInput, Project, ProjectInput } from '../../../src/core/schema';
import { ProjectSchema } from '../../../src/core/schema';
import { TEMPLATES } from '../../../src/core/templates';
import { timelineOf } from '../../../src/core/timeline';
import type { DecodedImage } from '../../../src/render/backend';
import { installKonvaNodeBackend } from '../../../src/render/backends/node';
import { FadeCanvases, FadePicture } from '../../../src/render/fadePicture';
import { createRenderer, type Renderer } from '../../../src/render/renderer';

/**
 * The exporter's renderer starts each frame from a kept picture of what stopped changing at the
 * bottom of the frame (`keepStillPrefix`). That must never show in the pixels: every frame has to
 * be byte for byte the frame a full draw gives, or a moving element would leave a trail, or a
 * changed background would not show.
 */

const root = join(import.meta.dirname, '../../..');
const PICTURE = 'b'.repeat(64);
const renderers: Renderer[] = [];
afterEach(() => {
  for (const r of renderers.splice(0)) r.destroy();
  vi.restoreAllMocks();
});

function load(path: string): Project {
  const result = loadProject(readFileSync(join(root, path), 'utf8'));
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.project;
}

/**
 * Draws every frame with a renderer that keeps the still prefix and one that does not. Returns
 * the frames whose pixels differ, and how many frames were drawn from the kept picture (a full
 * draw of the layer is not called for them).
 */
function compareDraws(
  project: Project,
  width: number,
  height: number,
  options: { watermark?: string; images?: (id: string) => DecodedImage | null } = {},
) {
  const frames = Math.round(timelineOf(project).duration * project.video.fps);
  const states = Array.from({ length: frames }, (_, i) => evaluate(project, i / project.video.fps));
  return compareStates(projectTexts(project), states, width, height, options);
}

function compareStates(
  texts: ReturnType<typeof projectTexts>,
  states: readonly FrameState[],
  width: number,
  height: number,
  options: { watermark?: string; images?: (id: string) => DecodedImage | null } = {},
) {
  const backend = installKonvaNodeBackend(texts);
  const shared = { width, height, backend, watermark: options.watermark ?? null, images: options.images };
  const full = createRenderer(shared);
  const kept = createRenderer({ ...shared, keepStillPrefix: true });
  renderers.push(full, kept);
  const layerDraw = vi.spyOn(Konva.Layer.prototype, 'draw');
  // The frames of a fade laid down from the scene's kept picture (fadePicture.ts).
  const fadeKept = vi.spyOn(FadePicture.prototype as unknown as { drawKept(): void }, 'drawKept');
  const fadeCanvas = vi.spyOn(FadeCanvases.prototype, 'take');
  const differing: number[] = [];
  let changedFrames = 0;
  let keptFullDraws = 0;
  states.forEach((state, i) => {
    const changed = full.draw(state);
    layerDraw.mockClear();
    expect(kept.draw(state)).toBe(changed);
    if (!changed) return;
    changedFrames++;
    keptFullDraws += layerDraw.mock.calls.length;
    if (!Buffer.from(kept.readRgba()).equals(Buffer.from(full.readRgba()))) differing.push(i);
  });
  return {
    differing,
    fromKept: changedFrames - keptFullDraws,
    changedFrames,
    fadeKept: fadeKept.mock.calls.length,
    fadeCanvases: new Set(fadeCanvas.mock.results.map((r) => r.value as unknown)).size,
  };
}

describe('starting frames from the kept still picture draws the very same pixels', () => {
  it('for the sample, every frame at the draft size', () => {
    const { differing, fromKept, changedFrames, fadeKept, fadeCanvases } = compareDraws(
      load('resources/samples/be-the-reason.kindness.json'),
      540,
      960,
    );
    expect(differing).toEqual([]);
    // The test would prove nothing if no frame came from the kept picture.
    expect(fromKept).toBeGreaterThan(changedFrames / 2);
    // Its crossfade and the end card's fade: 15 frames each after the first, in one canvas (a
    // new 8 MB surface per fade would wait for a full collection to be freed).
    expect(fadeKept).toBeGreaterThanOrEqual(28);
    expect(fadeCanvases).toBe(1);
  });

  it.each(TEMPLATES.map((t) => [t.id] as const))('for the %s template, every frame', (id) => {
    const { differing, fromKept } = compareDraws(load(`resources/templates/${id}.kindness.json`), 270, 480);
    expect(differing).toEqual([]);
    expect(fromKept).toBeGreaterThan(0);
  });

  it('for every kind of element starting, stopping and starting again, through each transition', () => {
    const picture = createCanvas(64, 64);
    const paint = picture.getContext('2d');
    paint.fillStyle = '#3a86ff';
    paint.fillRect(0, 0, 64, 32);
    paint.fillStyle = '#ffbe0b';
    paint.fillRect(0, 32, 64, 32);
    const { differing, fromKept, changedFrames, fadeKept } = compareDraws(stopAndGo(), 540, 960, {
      watermark: 'DRAFT',
      images: (id) => (id === PICTURE ? (picture as unknown as DecodedImage) : null),
    });
    expect(differing).toEqual([]);
    expect(fromKept).toBeGreaterThan(changedFrames / 4);
    expect(fromKept).toBeLessThan(changedFrames);
    // The crossfade, while the elements of the scene fading in stand still.
    expect(fadeKept).toBeGreaterThan(0);
  });

  it('for a scene fading while its elements move, its background changes and it is moved or cut', () => {
    // No transition does this today (a scene fades in frozen at its first frame), so the frames
    // are made by hand: the stop-and-go scene, faded, its elements still, then moving (frames
    // 15-24), then still again; a new background from frame 30, shifted from frame 45 and
    // clipped from frame 60, each at an opacity it already had.
    const project = stopAndGo();
    const states = Array.from({ length: 75 }, (_, i): FrameState => {
      const state = evaluate(project, i < 15 ? 0 : i < 25 ? 0.3 + (i - 15) / 30 : 0.7);
      return {
        ...state,
        layers: state.layers.map((layer) => ({
          ...layer,
          opacity: i % 10 < 5 ? 0.5 : 0.75,
          background: i >= 30 ? { type: 'solid', color: '#2a9d8f' } : layer.background,
          offsetX: i >= 45 ? 24 : 0,
          clip: i >= 60 ? { x: 0, y: 0, width: 900, height: 1500 } : null,
        })),
      };
    });
    const { differing, fadeKept } = compareStates(projectTexts(project), states, 540, 960);
    expect(differing).toEqual([]);
    expect(fadeKept).toBeGreaterThan(0);
  });
});

/**
 * Scenes where each kind of element moves in a window of its own, bottom ones first and again
 * later, so the kept picture grows, is dropped and grows again; a background that changes; a
 * picture; captions; and a crossfade, a wipe and a slide between the scenes.
 */
function stopAndGo(): Project {
  const k = (time: number, value: number) => ({ time, value });
  /** Still, then from `from` to `to` between `start` and `start + 0.4` s, then still again. */
  const window = (start: number, from: number, to: number) => [
    k(0, from),
    k(start, from),
    k(start + 0.4, to),
  ];
  const stroke = (y: number) => ({
    color: '#ffe066',
    width: 40,
    points: [0, 1, 2, 3].map((i) => ({ x: 100 + i * 120, y: y + (i % 2) * 60, pressure: 0.3 + i * 0.2 })),
  });
  const elements: ElementInput[] = [
    {
      id: 'rect',
      kind: 'rect',
      x: 60,
      y: 80,
      width: 200,
      height: 120,
      fill: '#9d8cff',
      keyframes: { x: [...window(0.3, 60, 700), k(2.0, 700), k(2.4, 200)] },
    },
    {
      id: 'pic',
      kind: 'image',
      assetId: PICTURE,
      x: 500,
      y: 200,
      width: 300,
      height: 200,
      keyframes: { rotation: window(0.6, 0, 20) },
    },
    {
      id: 'ellipse',
      kind: 'ellipse',
      x: 800,
      y: 460,
      radiusX: 90,
      radiusY: 60,
      fill: '#ffb870',
      stroke: '#ffffff',
      strokeWidth: 12,
      keyframes: { rotation: window(0.9, 0, 180) },
    },
    {
      id: 'star',
      kind: 'star',
      x: 300,
      y: 520,
      points: 5,
      outerRadius: 90,
      innerRadius: 40,
      fill: '#ffe066',
      keyframes: { scaleX: window(1.2, 1, 1.6), scaleY: window(1.2, 1, 1.6) },
    },
    {
      id: 'line',
      kind: 'line',
      points: [100, 700, 500, 740],
      stroke: '#ffffff',
      strokeWidth: 16,
      arrowEnd: true,
      keyframes: { x: window(1.5, 0, 300) },
    },
    {
      id: 'path',
      kind: 'path',
      data: 'M 0 0 L 160 0 L 80 140 Z',
      x: 700,
      y: 760,
      fill: '#79d9a6',
      keyframes: { opacity: [k(0, 1), k(0.4, 1), k(0.8, 0), k(1.6, 0), k(2, 1)] },
    },
    {
      id: 'text',
      kind: 'text',
      x: 100,
      y: 900,
      width: 600,
      text: 'Be kind, always',
      fontFamily: 'Fredoka',
      fontSize: 90,
      fill: '#ffffff',
      keyframes: { y: window(1.8, 900, 1000) },
    },
    {
      id: 'bubble',
      kind: 'bubble',
      x: 560,
      y: 1100,
      width: 380,
      height: 220,
      tailX: 40,
      tailY: 300,
      text: 'You okay?',
      fill: '#ffffff',
      opacity: 0.8,
      keyframes: { x: window(2.1, 560, 300) },
    },
    {
      id: 'brush',
      kind: 'brush',
      strokes: [stroke(1350)],
      reveal: 0,
      keyframes: { reveal: window(0.2, 0, 1) },
    },
    {
      id: 'drawing',
      kind: 'drawing',
      frames: [
        { strokes: [stroke(1500)], hold: 12 },
        { strokes: [stroke(1560)], hold: 12 },
      ],
    },
    {
      id: 'group',
      kind: 'group',
      children: [
        { id: 'g-rect', kind: 'rect', x: 0, y: 0, width: 120, height: 120, fill: '#ff4d6d' },
        { id: 'g-ellipse', kind: 'ellipse', x: 200, y: 60, radiusX: 60, radiusY: 60, fill: '#4dabff' },
      ],
      x: 600,
      y: 1650,
      keyframes: { x: window(2.4, 600, 100), opacity: window(2.4, 1, 0.4) },
    },
  ];
  const base = blankProject('Stop and go');
  const input: ProjectInput = {
    ...base,
    assets: { [PICTURE]: { kind: 'image', name: 'bands.png', mime: 'image/png', size: 1 } },
    scenes: [
      {
        id: 'one',
        name: 'One',
        duration: 3,
        background: {
          type: 'gradient',
          angle: 30,
          stops: [
            { offset: 0, color: '#1d3557' },
            { offset: 1, color: '#e63946' },
          ],
        },
        elements,
        transition: { kind: 'crossfade', duration: 0.5 },
      },
      {
        id: 'two',
        name: 'Two',
        duration: 1.5,
        background: { type: 'solid', color: '#264653' },
        elements: elements.slice(0, 4),
        transition: { kind: 'wipe', duration: 0.5 },
      },
      {
        id: 'three',
        name: 'Three',
        duration: 1.5,
        elements: elements.slice(4, 8),
        transition: { kind: 'slide', duration: 0.5 },
      },
      { id: 'four', name: 'Four', duration: 1, elements: [elements[0] as ElementInput] },
    ],
    captions: [
      { id: 'c1', start: 0.2, end: 1.4, text: 'Someone noticed' },
      {
        id: 'c2',
        start: 1.6,
        end: 3.4,
        text: 'and sat down',
        words: [
          { start: 1.6, end: 2.2, text: 'and' },
          { start: 2.2, end: 2.8, text: 'sat' },
          { start: 2.8, end: 3.4, text: 'down' },
        ],
      },
    ],
  };
  return ProjectSchema.parse(input);
}

describe('a frame drawn from the kept picture', () => {
  it('starts with a clear of the whole canvas, so Skia never copies the surface for the last readback', () => {
    const project = load('resources/samples/be-the-reason.kindness.json');
    const backend = installKonvaNodeBackend(projectTexts(project));
    const renderer = createRenderer({ width: 540, height: 960, backend, keepStillPrefix: true });
    renderers.push(renderer);
    const native = Object.getPrototypeOf(createCanvas(1, 1).getContext('2d')) as CanvasRenderingContext2D;
    const wholeClears: boolean[] = [];
    const clearRect = native.clearRect;
    vi.spyOn(native, 'clearRect').mockImplementation(function (this: CanvasRenderingContext2D, ...args) {
      const [x, y, w, h] = args;
      // @napi-rs/canvas drops what it keeps since the last readback only for this exact clear.
      wholeClears.push(
        this.getTransform().isIdentity &&
          x <= 0 &&
          y <= 0 &&
          x + w >= this.canvas.width &&
          y + h >= this.canvas.height,
      );
      clearRect.apply(this, args);
    });
    const layerDraw = vi.spyOn(Konva.Layer.prototype, 'draw');
    let fromKept = 0;
    for (let i = 0; i < 90; i++) {
      wholeClears.length = 0;
      layerDraw.mockClear();
      if (!renderer.draw(evaluate(project, i / project.video.fps))) continue;
      renderer.readRgba();
      if (layerDraw.mock.calls.length > 0) continue;
      fromKept++;
      expect(wholeClears, `frame ${i}`).toContain(true);
    }
    expect(fromKept).toBeGreaterThan(60);
  });
});
