import { afterEach, describe, expect, it } from 'vitest';
import { countPixels, hex, near, pixelAt, saveTestPng } from '../../helpers/pixels';
import type { Renderer } from '../../../src/render/renderer';
import { el, frame, layer, nodeRenderer, render, solid } from './fixtures';

const W = 540;
const H = 960;
let renderer: Renderer;
afterEach(() => renderer?.destroy());

const red = layer({ key: 'a', background: solid('#ff0000') });
const blue = layer({ key: 'b', background: solid('#0000ff') });

describe('scene layers', () => {
  it('paints a gradient background across the whole frame at its angle', () => {
    renderer = nodeRenderer();
    const stops = [
      { offset: 0, color: '#ff0000' },
      { offset: 1, color: '#0000ff' },
    ];
    const down = render(
      renderer,
      frame({ layers: [layer({ background: { type: 'gradient', angle: 0, stops } })] }),
    );
    expect(near(pixelAt(down, W, 270, 0), hex('#ff0000'), 6)).toBe(true);
    expect(near(pixelAt(down, W, 270, H - 1), hex('#0000ff'), 6)).toBe(true);
    const middle = pixelAt(down, W, 270, H / 2);
    expect(middle.r).toBeGreaterThan(100);
    expect(middle.b).toBeGreaterThan(100);
    const across = render(
      renderer,
      frame({ layers: [layer({ background: { type: 'gradient', angle: 90, stops } })] }),
    );
    expect(pixelAt(across, W, 5, H / 2).r).toBeGreaterThan(240);
    expect(pixelAt(across, W, W - 5, H / 2).b).toBeGreaterThan(240);
  });

  it('crossfades: the upper scene shows through at its opacity, as one picture', () => {
    renderer = nodeRenderer();
    const upper = {
      ...blue,
      opacity: 0.5,
      elements: [el({ id: 'w', kind: 'rect', x: 0, y: 0, width: 100, height: 100, fill: '#ffffff' })],
    };
    const rgba = render(renderer, frame({ layers: [red, upper] }));
    const mixed = pixelAt(rgba, W, 300, 500);
    expect(mixed.r).toBeGreaterThan(120);
    expect(mixed.r).toBeLessThan(136);
    expect(mixed.b).toBeGreaterThan(120);
    expect(mixed.b).toBeLessThan(136);
    // The white square is half over red, never mixed with its own scene's blue.
    const square = pixelAt(rgba, W, 50, 50);
    expect(square.r).toBeGreaterThan(250);
    expect(square.g).toBeGreaterThan(120);
    expect(square.g).toBeLessThan(136);
    expect(square.b).toBeGreaterThan(120);
    expect(square.b).toBeLessThan(136);
  });

  it('wipes: only the clipped part of the upper scene is drawn', () => {
    renderer = nodeRenderer();
    const rgba = render(
      renderer,
      frame({ layers: [red, { ...blue, clip: { x: 0, y: 0, width: W / 2, height: H } }] }),
    );
    expect(near(pixelAt(rgba, W, 100, 500), hex('#0000ff'))).toBe(true);
    expect(near(pixelAt(rgba, W, 400, 500), hex('#ff0000'))).toBe(true);
  });

  it('slides: a layer offset moves its background and elements together', () => {
    renderer = nodeRenderer();
    const moved = {
      ...blue,
      offsetX: W / 2,
      elements: [el({ id: 'y', kind: 'rect', x: 10, y: 10, width: 40, height: 40, fill: '#ffff00' })],
    };
    const rgba = render(renderer, frame({ layers: [red, moved] }));
    saveTestPng('slide', renderer.toPngBuffer());
    expect(near(pixelAt(rgba, W, 100, 500), hex('#ff0000'))).toBe(true);
    expect(near(pixelAt(rgba, W, 400, 500), hex('#0000ff'))).toBe(true);
    expect(near(pixelAt(rgba, W, W / 2 + 30, 30), hex('#ffff00'))).toBe(true);
    expect(near(pixelAt(rgba, W, 30, 30), hex('#ff0000'))).toBe(true);
  });

  it('keeps every pixel opaque, even where no scene covers the frame', () => {
    renderer = nodeRenderer();
    const rgba = render(renderer, frame({ layers: [{ ...blue, offsetX: W }] }));
    expect(countPixels(rgba, W, { x: 0, y: 0, width: W, height: H }, (p) => p.a !== 255)).toBe(0);
  });

  it('puts the scene listed last on top, and follows a change of order', () => {
    renderer = nodeRenderer();
    expect(near(pixelAt(render(renderer, frame({ layers: [red, blue] })), W, 10, 10), hex('#0000ff'))).toBe(
      true,
    );
    expect(near(pixelAt(render(renderer, frame({ layers: [blue, red] })), W, 10, 10), hex('#ff0000'))).toBe(
      true,
    );
  });

  it('scales a frame of another size to the canvas', () => {
    renderer = nodeRenderer({ width: 270, height: 480 });
    const square = el({ id: 's', kind: 'rect', x: 270, y: 480, width: 100, height: 100, fill: '#00ff00' });
    const rgba = render(renderer, frame({ layers: [layer({ elements: [square] })] }));
    expect(near(pixelAt(rgba, 270, 160, 265), hex('#00ff00'))).toBe(true);
    expect(near(pixelAt(rgba, 270, 130, 230), hex('#101018'))).toBe(true);
  });

  it('draws a large see-through watermark when asked to', () => {
    const black = frame({ layers: [layer({ background: solid('#000000') })] });
    renderer = nodeRenderer({ watermark: 'DRAFT' });
    const marked = render(renderer, black);
    saveTestPng('watermark', renderer.toPngBuffer());
    const bright = (p: { r: number }): boolean => p.r > 40;
    expect(countPixels(marked, W, { x: 0, y: 300, width: W, height: 360 }, bright)).toBeGreaterThan(5000);
    // See-through: no watermark pixel is solid white.
    expect(countPixels(marked, W, { x: 0, y: 0, width: W, height: H }, (p) => p.r > 160)).toBe(0);
    renderer.destroy();
    renderer = nodeRenderer();
    expect(countPixels(render(renderer, black), W, { x: 0, y: 0, width: W, height: H }, bright)).toBe(0);
  });
});
