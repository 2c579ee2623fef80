import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import type Konva from 'konva';
import type { DecodedImage } from '../../../src/render/backend';
import type { Renderer } from '../../../src/render/renderer';
import type { Element } from '../../../src/core/schema';
import { el, frame, layer, nodeRenderer } from './fixtures';

/**
 * The editor picks elements with Konva's hit canvas: every kind of element must paint a hit
 * region where it is drawn, or a click on it selects nothing (issue 11: pictures).
 */
let renderer: Renderer | null = null;
afterEach(() => {
  renderer?.destroy();
  renderer = null;
});

function picture(): DecodedImage {
  const canvas = createCanvas(40, 30);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ff5fa2';
  context.fillRect(0, 0, 40, 30);
  return canvas as unknown as DecodedImage;
}

/** The element whose node is under a frame point (the renderer is 540 x 960, as the frame). */
function pickAt(elements: Element[], x: number, y: number): string | null {
  const image = picture();
  renderer = nodeRenderer({ listening: true, images: () => image });
  const r = renderer;
  r.draw(frame({ layers: [layer({ elements })] }));
  r.stage.getLayers()[0]?.drawHit();
  const hit = r.stage.getIntersection({ x, y });
  if (hit === null) return null;
  for (const element of elements) {
    const node = r.findNode('scene-1', element.id);
    if (node === hit || (node && 'isAncestorOf' in node && (node as Konva.Container).isAncestorOf(hit)))
      return element.id;
  }
  return null;
}

const ASSET = 'a'.repeat(64);

const stroke = {
  color: '#ffffff',
  width: 6,
  points: [
    { x: 100, y: 300, pressure: 0.5 },
    { x: 300, y: 300, pressure: 0.5 },
  ],
};

describe('picking elements with the pointer', () => {
  it('finds a picture by its box, and nothing beside it', () => {
    const image = el({ id: 'pic', kind: 'image', assetId: ASSET, x: 100, y: 100, width: 200, height: 150 });
    expect(pickAt([image], 200, 175)).toBe('pic');
    expect(pickAt([image], 320, 175)).toBeNull();
  });

  it('finds a round picture inside its circle only', () => {
    const image = el({
      id: 'pic',
      kind: 'image',
      assetId: ASSET,
      x: 100,
      y: 100,
      width: 200,
      height: 200,
      mask: 'circle',
    });
    expect(pickAt([image], 200, 200)).toBe('pic');
    expect(pickAt([image], 104, 104)).toBeNull();
  });

  it('finds a brush stroke on its line, a little beside it too, but not far away', () => {
    const brush = el({ id: 'br', kind: 'brush', strokes: [stroke] });
    expect(pickAt([brush], 200, 300)).toBe('br');
    expect(pickAt([brush], 200, 308)).toBe('br');
    expect(pickAt([brush], 200, 360)).toBeNull();
  });

  it('finds a hand-drawn frame of a drawing', () => {
    const drawing = el({ id: 'dr', kind: 'drawing', frames: [{ strokes: [stroke] }] });
    expect(pickAt([drawing], 150, 300)).toBe('dr');
  });

  it('finds a text, a bubble, a path and a group by what they draw', () => {
    const text = el({
      id: 'tx',
      kind: 'text',
      text: 'Be kind',
      x: 50,
      y: 600,
      fontSize: 60,
      fill: '#ffffff',
    });
    expect(pickAt([text], 80, 630)).toBe('tx');
    const bubble = el({
      id: 'bu',
      kind: 'bubble',
      x: 100,
      y: 100,
      width: 200,
      height: 120,
      tailX: 40,
      tailY: 180,
      fill: '#ffffff',
    });
    expect(pickAt([bubble], 200, 160)).toBe('bu');
    const path = el({ id: 'pa', kind: 'path', data: 'M 100 100 L 300 100 L 300 300 Z', fill: '#ffe066' });
    expect(pickAt([path], 280, 150)).toBe('pa');
    const group = el({
      id: 'gr',
      kind: 'group',
      children: [el({ id: 'in', kind: 'image', assetId: ASSET, x: 300, y: 500, width: 100, height: 100 })],
    });
    expect(pickAt([group], 350, 550)).toBe('gr');
  });
});
