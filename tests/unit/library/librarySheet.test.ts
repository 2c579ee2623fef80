import { afterEach, describe, expect, it } from 'vitest';
import { evaluateElements } from '../../../src/core/frame';
import { LIBRARY } from '../../../src/core/library';
import type { Element } from '../../../src/core/schema';
import type { Renderer } from '../../../src/render/renderer';
import { saveTestPng } from '../../helpers/pixels';
import { frame, layer, nodeRenderer, render, solid } from '../render/fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

/** Contact sheets of the props and stickers, for a person to look at. */
describe('library sheets', () => {
  it.each(['prop', 'sticker'] as const)('%s sheet', (kind) => {
    const items = LIBRARY.filter((i) => i.kind === kind && i.category !== 'background');
    const cell = kind === 'prop' ? 460 : 220;
    const cols = kind === 'prop' ? 5 : 9;
    const W = cell * cols;
    const H = cell * Math.ceil(items.length / cols);
    renderer = nodeRenderer({ width: W, height: H });
    const taken = new Set<string>();
    const els: Element[] = items.map((item, i) => {
      const el = item.create(
        { x: (i % cols) * cell + cell / 2, y: Math.floor(i / cols) * cell + cell / 2 },
        taken,
      );
      const fit = Math.min(1, (cell * 0.9) / Math.max(item.width, item.height));
      return { ...el, scaleX: el.scaleX * fit, scaleY: el.scaleY * fit };
    });
    render(
      renderer,
      frame({
        width: W,
        height: H,
        layers: [layer({ background: solid('#d8d4e8'), elements: evaluateElements(els, 0) })],
      }),
    );
    saveTestPng(`library-${kind}s`, renderer.toPngBuffer());
    expect(els.length).toBe(items.length);
  });
  it('backgrounds', () => {
    const items = LIBRARY.filter((i) => i.category === 'background');
    renderer = nodeRenderer({ width: 540 * items.length, height: 960 });
    const taken = new Set<string>();
    const els = items.map((item, i) => ({
      ...item.create({ x: 270 + i * 540, y: 480 }, taken),
      scaleX: 0.5,
      scaleY: 0.5,
    }));
    render(renderer, frame({ width: 540 * items.length, height: 960, layers: [layer({ elements: els })] }));
    saveTestPng('library-backgrounds', renderer.toPngBuffer());
  });
});
