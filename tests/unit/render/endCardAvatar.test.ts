import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { evaluate } from '../../../src/core/frame';
import { EndCardSchema, type Element, type Project } from '../../../src/core/schema';
import { timelineOf } from '../../../src/core/timeline';
import type { DecodedImage } from '../../../src/render/backend';
import type { Renderer } from '../../../src/render/renderer';
import { countPixels, hex, near, pixelAt, saveTestPng } from '../../helpers/pixels';
import { el, frame, layer, nodeRenderer, render } from './fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

const AVATAR = 'b'.repeat(64);
const RED = '#e02020';
const GREEN = '#20c040';
const BLUE = '#2040e0';

/** A 2:1 picture in three vertical bands: red, a green middle half, blue. */
function wideBands(): DecodedImage {
  const canvas = createCanvas(200, 100);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, 50, 100);
  ctx.fillStyle = GREEN;
  ctx.fillRect(50, 0, 100, 100);
  ctx.fillStyle = BLUE;
  ctx.fillRect(150, 0, 50, 100);
  return canvas as unknown as DecodedImage;
}

function withAvatar(): Project {
  return {
    ...blankProject(),
    endCard: EndCardSchema.parse({ template: 'night', region: 'UK', handle: 'kindcrew', avatar: AVATAR }),
  };
}

function findAvatar(elements: readonly Element[]): Element | undefined {
  return elements.find((e) => e.id === 'endcard-avatar');
}

describe('the creator picture on the end card', () => {
  it('is cover-cropped into its circle: a 2:1 picture shows its middle, not squashed', () => {
    renderer = nodeRenderer({
      width: 1080,
      height: 1920,
      images: (id) => (id === AVATAR ? wideBands() : null),
    });
    const p = withAvatar();
    const state = evaluate(p, timelineOf(p).duration);
    const avatar = findAvatar(state.layers[0]?.elements ?? []);
    if (avatar === undefined || avatar.kind !== 'image') throw new Error('no avatar on the card');
    const rgba = render(renderer, state);
    saveTestPng('endcard-avatar-cover', renderer.toPngBuffer());
    const { x, y, width: size } = avatar;
    const cx = x + size / 2;
    const cy = y + size / 2;
    const r = size / 2;
    // Inside the circle, well clear of the ring: only the green middle of the picture.
    const inner = { x: cx - r * 0.6, y: cy - r * 0.6, width: r * 1.2, height: r * 1.2 };
    const area = inner.width * inner.height;
    expect(countPixels(rgba, 1080, inner, (px) => near(px, hex(GREEN), 12))).toBeGreaterThan(area * 0.95);
    // Near the left and right edges of the circle (stretched, red and blue would show there).
    expect(near(pixelAt(rgba, 1080, cx - r * 0.8, cy), hex(GREEN), 12)).toBe(true);
    expect(near(pixelAt(rgba, 1080, cx + r * 0.8, cy), hex(GREEN), 12)).toBe(true);
    // Outside the circle, in the corners of its box: the card, not the picture.
    const corner = pixelAt(rgba, 1080, x + 3, y + 3);
    expect(near(corner, hex(GREEN), 40)).toBe(false);
  });

  it('keeps the old stretch for pictures on the canvas that do not ask for a crop', () => {
    renderer = nodeRenderer({
      width: 540,
      height: 960,
      images: (id) => (id === AVATAR ? wideBands() : null),
    });
    const plain = el({ id: 'img', kind: 'image', assetId: AVATAR, x: 100, y: 100, width: 200, height: 200 });
    const rgba = render(renderer, frame({ layers: [layer({ elements: [plain] })] }));
    expect(near(pixelAt(rgba, 540, 110, 200), hex(RED), 6)).toBe(true);
    expect(near(pixelAt(rgba, 540, 290, 200), hex(BLUE), 6)).toBe(true);
  });
});
