import { afterEach, describe, expect, it } from 'vitest';
import { countPixels, differsFrom, hex, saveTestPng } from '../../helpers/pixels';
import type { Renderer } from '../../../src/render/renderer';
import { caption, el, frame, layer, nodeRenderer, render } from './fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

/** One frame with every kind of element and a caption, saved for a person to look at. */
describe('showcase frame', () => {
  it('draws every element kind together with a caption', () => {
    renderer = nodeRenderer({ width: 1080, height: 1920 });
    const wave = Array.from({ length: 60 }, (_, i) => ({
      x: 120 + i * 14,
      y: 1500 + Math.sin(i / 6) * 60,
      pressure: 0.2 + 0.8 * Math.abs(Math.sin(i / 12)),
    }));
    const elements = [
      el({
        id: 'sun',
        kind: 'star',
        x: 880,
        y: 260,
        points: 8,
        innerRadius: 60,
        outerRadius: 110,
        fill: '#ffd84d',
      }),
      el({ id: 'hill', kind: 'ellipse', x: 540, y: 1900, radiusX: 800, radiusY: 300, fill: '#3fa36b' }),
      el({
        id: 'house',
        kind: 'rect',
        x: 160,
        y: 1100,
        width: 300,
        height: 260,
        cornerRadius: 24,
        fill: '#e86f5a',
        stroke: '#1d1b2e',
        strokeWidth: 6,
      }),
      el({
        id: 'roof',
        kind: 'polygon',
        x: 310,
        y: 1060,
        sides: 3,
        radius: 180,
        scaleY: 0.6,
        fill: '#7a4b9b',
      }),
      el({
        id: 'heart',
        kind: 'path',
        x: 760,
        y: 1040,
        scaleX: 4,
        scaleY: 4,
        data: 'M12 21 C5 15 0 11 0 6 A6 6 0 0 1 12 4 A6 6 0 0 1 24 6 C24 11 19 15 12 21 Z',
        fill: '#ff4d6d',
        stroke: '#ffffff',
        strokeWidth: 1.5,
      }),
      el({
        id: 'arrow',
        kind: 'line',
        points: [600, 1250, 700, 1180, 760, 1130],
        tension: 0.4,
        stroke: '#ffffff',
        strokeWidth: 8,
        arrowEnd: true,
      }),
      el({
        id: 'bubble',
        kind: 'bubble',
        x: 120,
        y: 560,
        width: 560,
        height: 220,
        tailX: 160,
        tailY: 420,
        text: 'Want to sit with us? 😊',
        fill: '#ffffff',
        stroke: '#1d1b2e',
        strokeWidth: 6,
      }),
      el({
        id: 'title',
        kind: 'text',
        x: 540,
        y: 120,
        anchorX: 400,
        width: 800,
        text: 'Be the reason 💛',
        fontFamily: 'Fredoka',
        fontSize: 96,
        fill: '#ffffff',
        stroke: '#1d1b2e',
        strokeWidth: 12,
      }),
      el({ id: 'brush', kind: 'brush', strokes: [{ color: '#5ad1ff', width: 26, points: wave }] }),
      el({ id: 'photo', kind: 'image', assetId: 'b'.repeat(64), x: 700, y: 560, width: 260, height: 200 }),
    ];
    const background = {
      type: 'gradient' as const,
      angle: 0,
      stops: [
        { offset: 0, color: '#2b3a67' },
        { offset: 1, color: '#f29e8e' },
      ],
    };
    const rgba = render(
      renderer,
      frame({
        width: 1080,
        height: 1920,
        layers: [layer({ background, elements })],
        caption: caption({
          text: 'Small acts, big waves 🌊✨',
          words: ['Small', 'acts,', 'big', 'waves', '🌊✨'],
          activeWord: 2,
        }),
      }),
    );
    saveTestPng('showcase', renderer.toPngBuffer());
    expect(
      countPixels(rgba, 1080, { x: 0, y: 0, width: 1080, height: 1920 }, differsFrom(hex('#000000'), 0)),
    ).toBeGreaterThan(0);
  });
});
