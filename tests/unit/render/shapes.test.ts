import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { countPixels, differsFrom, hex, near, pixelAt, saveTestPng } from '../../helpers/pixels';
import type { Renderer } from '../../../src/render/renderer';
import type { DecodedImage } from '../../../src/render/backend';
import type { Element, ElementInput } from '../../../src/core/schema';
import { el, frame, layer, nodeRenderer, render, solid } from './fixtures';

const W = 540;
const BG = '#101018';
let renderer: Renderer;
afterEach(() => renderer?.destroy());

function draw(elements: Element[], background = BG): Uint8Array {
  renderer ??= nodeRenderer();
  return render(renderer, frame({ layers: [layer({ elements, background: solid(background) })] }));
}

describe('element shapes', () => {
  it('fills a rectangle with its colour and leaves the background around it', () => {
    renderer = nodeRenderer();
    const rgba = draw([
      el({ id: 'r', kind: 'rect', x: 100, y: 100, width: 200, height: 150, fill: '#ff3366' }),
    ]);
    expect(near(pixelAt(rgba, W, 200, 175), hex('#ff3366'))).toBe(true);
    expect(near(pixelAt(rgba, W, 50, 50), hex(BG))).toBe(true);
    expect(near(pixelAt(rgba, W, 310, 175), hex(BG))).toBe(true);
  });

  it('rotates about the anchor', () => {
    renderer = nodeRenderer();
    // A 200 x 40 bar centred on (270, 480), turned upright.
    const bar = {
      id: 'bar',
      kind: 'rect',
      x: 270,
      y: 480,
      width: 200,
      height: 40,
      anchorX: 100,
      anchorY: 20,
    } as const;
    const flat = draw([el({ ...bar, fill: '#ffffff' })]);
    expect(near(pixelAt(flat, W, 350, 480), hex('#ffffff'))).toBe(true);
    expect(near(pixelAt(flat, W, 270, 400), hex(BG))).toBe(true);
    const upright = draw([el({ ...bar, fill: '#ffffff', rotation: 90 })]);
    expect(near(pixelAt(upright, W, 270, 400), hex('#ffffff'))).toBe(true);
    expect(near(pixelAt(upright, W, 350, 480), hex(BG))).toBe(true);
  });

  it('blends a half-transparent shape with what is behind it', () => {
    renderer = nodeRenderer();
    const rgba = draw(
      [el({ id: 'r', kind: 'rect', x: 0, y: 0, width: 200, height: 200, fill: '#000000', opacity: 0.5 })],
      '#ffffff',
    );
    const p = pixelAt(rgba, W, 100, 100);
    expect(p.r).toBeGreaterThan(120);
    expect(p.r).toBeLessThan(136);
    expect(p.a).toBe(255);
  });

  it('draws nothing for a hidden element or one without fill and outline', () => {
    renderer = nodeRenderer();
    const rgba = draw([
      el({
        id: 'hidden',
        kind: 'rect',
        x: 0,
        y: 0,
        width: 100,
        height: 100,
        fill: '#ff0000',
        visible: false,
      }),
      el({ id: 'bare', kind: 'rect', x: 200, y: 0, width: 100, height: 100 }),
    ]);
    expect(near(pixelAt(rgba, W, 50, 50), hex(BG))).toBe(true);
    expect(near(pixelAt(rgba, W, 250, 50), hex(BG))).toBe(true);
  });

  it('draws ellipses, stars, polygons and paths where they are placed', () => {
    renderer = nodeRenderer();
    const rgba = draw([
      el({ id: 'e', kind: 'ellipse', x: 100, y: 100, radiusX: 60, radiusY: 30, fill: '#ff0000' }),
      el({
        id: 's',
        kind: 'star',
        x: 300,
        y: 100,
        points: 5,
        innerRadius: 30,
        outerRadius: 60,
        fill: '#00ff00',
      }),
      el({ id: 'p', kind: 'polygon', x: 100, y: 300, sides: 6, radius: 50, fill: '#0000ff' }),
      el({ id: 'd', kind: 'path', x: 250, y: 250, data: 'M0 0 L100 0 L100 100 Z', fill: '#ffff00' }),
    ]);
    expect(near(pixelAt(rgba, W, 140, 100), hex('#ff0000'))).toBe(true);
    expect(near(pixelAt(rgba, W, 100, 140), hex(BG))).toBe(true);
    expect(near(pixelAt(rgba, W, 300, 100), hex('#00ff00'))).toBe(true);
    expect(near(pixelAt(rgba, W, 100, 300), hex('#0000ff'))).toBe(true);
    expect(near(pixelAt(rgba, W, 340, 270), hex('#ffff00'))).toBe(true);
    expect(near(pixelAt(rgba, W, 270, 340), hex(BG))).toBe(true);
  });

  it('draws a line on as its reveal grows, with an arrow head at the end', () => {
    renderer = nodeRenderer();
    const line = {
      id: 'l',
      kind: 'line',
      points: [50, 100, 450, 100],
      stroke: '#ffffff',
      strokeWidth: 10,
    } satisfies ElementInput;
    const half = draw([el({ ...line, reveal: 0.5 })]);
    expect(near(pixelAt(half, W, 100, 100), hex('#ffffff'))).toBe(true);
    expect(near(pixelAt(half, W, 400, 100), hex(BG))).toBe(true);
    const arrow = draw([el({ ...line, arrowEnd: true })]);
    // The head is wider than the line.
    saveTestPng('arrow', renderer.toPngBuffer());
    expect(near(pixelAt(arrow, W, 426, 110), hex('#ffffff'), 40)).toBe(true);
    expect(near(pixelAt(arrow, W, 200, 110), hex(BG))).toBe(true);
  });

  it('draws a path on along its outline, filling it once complete', () => {
    renderer = nodeRenderer();
    const square = {
      id: 'sq',
      kind: 'path',
      x: 100,
      y: 100,
      data: 'M0 0 L200 0 L200 200 L0 200 Z',
      fill: '#ff0000',
      stroke: '#ffffff',
      strokeWidth: 8,
    } satisfies ElementInput;
    // Half of the outline: the top and right sides, not the bottom and left ones, and no fill yet.
    const half = draw([el({ ...square, reveal: 0.5 })]);
    expect(near(pixelAt(half, W, 200, 100), hex('#ffffff'))).toBe(true);
    expect(near(pixelAt(half, W, 300, 200), hex('#ffffff'))).toBe(true);
    expect(near(pixelAt(half, W, 200, 300), hex(BG))).toBe(true);
    expect(near(pixelAt(half, W, 200, 200), hex(BG))).toBe(true);
    const whole = draw([el(square)]);
    expect(near(pixelAt(whole, W, 200, 200), hex('#ff0000'))).toBe(true);
    expect(near(pixelAt(whole, W, 200, 300), hex('#ffffff'))).toBe(true);
  });

  it('draws text in the app fonts', () => {
    renderer = nodeRenderer();
    const rgba = draw([
      el({
        id: 't',
        kind: 'text',
        x: 40,
        y: 200,
        text: 'Hello',
        fill: '#ffffff',
        fontSize: 80,
        align: 'left',
      }),
    ]);
    const ink = countPixels(rgba, W, { x: 40, y: 200, width: 300, height: 100 }, differsFrom(hex(BG)));
    expect(ink).toBeGreaterThan(1500);
    expect(countPixels(rgba, W, { x: 0, y: 400, width: W, height: 200 }, differsFrom(hex(BG)))).toBe(0);
  });

  it('draws a speech bubble with its tail and its text', () => {
    renderer = nodeRenderer();
    const rgba = draw([
      el({
        id: 'b',
        kind: 'bubble',
        x: 70,
        y: 100,
        width: 400,
        height: 200,
        tailX: 80,
        tailY: 300,
        text: 'You matter!',
        fill: '#ffffff',
        stroke: '#1d1b2e',
        strokeWidth: 6,
      }),
    ]);
    saveTestPng('bubble', renderer.toPngBuffer());
    // Inside the tail, below the box.
    expect(near(pixelAt(rgba, W, 70 + 80, 100 + 240), hex('#ffffff'), 10)).toBe(true);
    // Text ink (dark on white) in the middle of the box.
    const dark = countPixels(rgba, W, { x: 120, y: 160, width: 300, height: 80 }, (p) => p.r < 100);
    expect(dark).toBeGreaterThan(300);
  });

  it('draws a pressure-aware brush stroke, and only its first part while revealing', () => {
    renderer = nodeRenderer();
    const points = Array.from({ length: 41 }, (_, i) => ({ x: 60 + i * 10, y: 400, pressure: i / 40 }));
    const brush = {
      id: 'br',
      kind: 'brush',
      strokes: [{ color: '#ff8800', width: 30, points }],
    } satisfies ElementInput;
    const rgba = draw([el(brush)]);
    saveTestPng('brush', renderer.toPngBuffer());
    const orange = (p: { r: number; g: number; b: number }): boolean =>
      p.r > 200 && p.g > 100 && p.g < 170 && p.b < 60;
    const thin = countPixels(rgba, W, { x: 70, y: 370, width: 20, height: 60 }, orange);
    const thick = countPixels(rgba, W, { x: 430, y: 370, width: 20, height: 60 }, orange);
    expect(thin).toBeGreaterThan(0);
    expect(thick).toBeGreaterThan(thin * 2);
    const half = draw([el({ ...brush, reveal: 0.5 })]);
    expect(countPixels(half, W, { x: 100, y: 370, width: 20, height: 60 }, orange)).toBeGreaterThan(0);
    expect(countPixels(half, W, { x: 400, y: 370, width: 40, height: 60 }, orange)).toBe(0);
  });

  it('shows the hand-drawn frame of a drawing for the scene time', () => {
    renderer = nodeRenderer();
    const stroke = (x: number) => ({
      color: '#00ffcc',
      width: 20,
      points: [
        { x, y: 300 },
        { x, y: 500 },
      ],
    });
    const drawing = el({
      id: 'dr',
      kind: 'drawing',
      frames: [
        { hold: 3, strokes: [stroke(100)] },
        { hold: 3, strokes: [stroke(400)] },
      ],
    });
    const at = (sceneTime: number): Uint8Array =>
      render(renderer, frame({ layers: [layer({ elements: [drawing], sceneTime })] }));
    const first = at(0);
    expect(near(pixelAt(first, W, 100, 400), hex('#00ffcc'), 10)).toBe(true);
    expect(near(pixelAt(first, W, 400, 400), hex(BG))).toBe(true);
    const second = at(4 / 30);
    expect(near(pixelAt(second, W, 400, 400), hex('#00ffcc'), 10)).toBe(true);
    expect(near(pixelAt(second, W, 100, 400), hex(BG))).toBe(true);
  });

  it('shows a grey crossed placeholder for a missing picture, and the picture once it exists', () => {
    const picture = createCanvas(10, 10);
    const ctx = picture.getContext('2d');
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(0, 0, 10, 10);
    const assetId = 'a'.repeat(64);
    let available = false;
    renderer = nodeRenderer({
      images: (id) => (available && id === assetId ? (picture as unknown as DecodedImage) : null),
    });
    const image = el({ id: 'img', kind: 'image', assetId, x: 100, y: 100, width: 300, height: 200 });
    const missing = draw([image]);
    saveTestPng('image-placeholder', renderer.toPngBuffer());
    // Off the diagonals: the grey box; on a diagonal and along the edge: the darker cross outline.
    expect(near(pixelAt(missing, W, 250, 130), hex('#b8b8c4'), 6)).toBe(true);
    expect(pixelAt(missing, W, 250, 200).r).toBeLessThan(140);
    expect(pixelAt(missing, W, 250, 102).r).toBeLessThan(140);
    available = true;
    const present = draw([image]);
    expect(near(pixelAt(present, W, 250, 200), hex('#ff0000'))).toBe(true);
  });

  it('moves and fades a group as one picture', () => {
    renderer = nodeRenderer();
    const rgba = draw(
      [
        el({
          id: 'g',
          kind: 'group',
          x: 100,
          y: 100,
          opacity: 0.5,
          children: [
            el({ id: 'back', kind: 'rect', x: 0, y: 0, width: 200, height: 200, fill: '#ff0000' }),
            el({ id: 'front', kind: 'rect', x: 50, y: 50, width: 100, height: 100, fill: '#0000ff' }),
          ],
        }),
      ],
      '#000000',
    );
    // Inside the front square: half blue over black, with no red showing through it.
    const p = pixelAt(rgba, W, 200, 200);
    expect(p.r).toBeLessThan(8);
    expect(p.b).toBeGreaterThan(120);
    expect(p.b).toBeLessThan(136);
    expect(pixelAt(rgba, W, 120, 120).r).toBeGreaterThan(120);
    expect(near(pixelAt(rgba, W, 50, 50), hex('#000000'))).toBe(true);
  });
});
