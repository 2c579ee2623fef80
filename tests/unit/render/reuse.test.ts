import { afterEach, describe, expect, it } from 'vitest';
import { hex, near, pixelAt } from '../../helpers/pixels';
import type { Renderer } from '../../../src/render/renderer';
import { caption, el, frame, layer, nodeRenderer, render } from './fixtures';

const W = 540;
let renderer: Renderer;
afterEach(() => renderer?.destroy());

const still = el({ id: 'still', kind: 'rect', x: 0, y: 0, width: 100, height: 100, fill: '#ff0000' });
const mover = el({ id: 'mover', kind: 'ellipse', x: 300, y: 300, radiusX: 40, radiusY: 40, fill: '#00ff00' });

describe('drawing only what changed', () => {
  it('keeps the same Konva node for an element that did not change', () => {
    renderer = nodeRenderer();
    renderer.draw(frame({ layers: [layer({ elements: [still, mover] })] }));
    const node = renderer.findNode('scene-1', 'still');
    expect(node).toBeDefined();
    renderer.draw(frame({ layers: [layer({ elements: [still, { ...mover, x: 310 }] })] }));
    expect(renderer.findNode('scene-1', 'still')).toBe(node);
  });

  it('reports no change for an identical frame and a change when one element moved', () => {
    renderer = nodeRenderer();
    const elements = [still, mover];
    expect(renderer.draw(frame({ layers: [layer({ elements })] }))).toBe(true);
    // A fresh frame object holding the same elements (a static hold).
    expect(renderer.draw(frame({ layers: [layer({ elements })] }))).toBe(false);
    const moved = frame({ layers: [layer({ elements: [still, { ...mover, x: 100, y: 300 }] })] });
    expect(renderer.draw(moved)).toBe(true);
    const rgba = renderer.readRgba();
    expect(near(pixelAt(rgba, W, 100, 300), hex('#00ff00'))).toBe(true);
    expect(near(pixelAt(rgba, W, 300, 300), hex('#101018'))).toBe(true);
  });

  it('reports a change when the caption or its spoken word changes, not when it stays', () => {
    renderer = nodeRenderer();
    const words = ['Be', 'kind', 'today'];
    const first = caption({ words, activeWord: 0 });
    renderer.draw(frame({ caption: first }));
    expect(renderer.draw(frame({ caption: first }))).toBe(false);
    expect(renderer.draw(frame({ caption: { ...first, activeWord: 1 } }))).toBe(true);
    expect(renderer.draw(frame({ caption: null }))).toBe(true);
    expect(renderer.draw(frame({ caption: null }))).toBe(false);
  });

  it('removes an element that is gone and repaints in the new order', () => {
    renderer = nodeRenderer();
    const over = el({ id: 'over', kind: 'rect', x: 0, y: 0, width: 50, height: 50, fill: '#0000ff' });
    expect(
      near(
        pixelAt(render(renderer, frame({ layers: [layer({ elements: [still, over] })] })), W, 25, 25),
        hex('#0000ff'),
      ),
    ).toBe(true);
    expect(
      near(
        pixelAt(render(renderer, frame({ layers: [layer({ elements: [over, still] })] })), W, 25, 25),
        hex('#ff0000'),
      ),
    ).toBe(true);
    const gone = render(renderer, frame({ layers: [layer({ elements: [over] })] }));
    expect(renderer.findNode('scene-1', 'still')).toBeUndefined();
    expect(near(pixelAt(gone, W, 75, 75), hex('#101018'))).toBe(true);
  });

  it('replaces the node when a line gains an arrow head', () => {
    renderer = nodeRenderer();
    const line = el({ id: 'l', kind: 'line', points: [10, 10, 200, 10], stroke: '#ffffff', strokeWidth: 4 });
    renderer.draw(frame({ layers: [layer({ elements: [line] })] }));
    const plain = renderer.findNode('scene-1', 'l');
    renderer.draw(frame({ layers: [layer({ elements: [{ ...line, arrowEnd: true }] })] }));
    expect(renderer.findNode('scene-1', 'l')).not.toBe(plain);
    expect(renderer.findNode('scene-1', 'l')?.getClassName()).toBe('Arrow');
  });

  it('draws everything again after invalidate', () => {
    renderer = nodeRenderer();
    const state = frame({ layers: [layer({ elements: [still] })] });
    renderer.draw(state);
    renderer.invalidate();
    expect(renderer.draw(state)).toBe(true);
    expect(near(pixelAt(renderer.readRgba(), W, 50, 50), hex('#ff0000'))).toBe(true);
  });

  it('refuses to draw after it was closed, with a clear message', () => {
    renderer = nodeRenderer();
    renderer.destroy();
    expect(() => renderer.draw(frame())).toThrow(/closed/);
  });
});
