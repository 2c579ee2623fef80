import { afterEach, describe, expect, it } from 'vitest';
import { countOutside, countPixels, differsFrom, hex, saveTestPng } from '../../helpers/pixels';
import type { Rgba } from '../../helpers/pixels';
import { safeBoxFor } from '../../../src/core/platform/platforms';
import { safeZoneIssue } from '../../../src/core/captions';
import { captionInkBox } from '../../../src/render/caption/layout';
import { CAPTION_STYLES } from '../../../src/core/schema';
import type { CaptionFrame } from '../../../src/core/frame/frameState';
import type { Renderer } from '../../../src/render/renderer';
import { caption, frame, layer, nodeRenderer, render, solid } from './fixtures';

const W = 1080;
const H = 1920;
const BG = '#2a3a5a';
const safe = safeBoxFor(W, H);
let renderer: Renderer;
afterEach(() => renderer?.destroy());

function drawCaption(cue: CaptionFrame, name?: string): Uint8Array {
  renderer ??= nodeRenderer({ width: W, height: H });
  const rgba = render(
    renderer,
    frame({ width: W, height: H, layers: [layer({ background: solid(BG) })], caption: cue }),
  );
  if (name) saveTestPng(name, renderer.toPngBuffer());
  return rgba;
}

const ink = differsFrom(hex(BG), 12);
/** A saturated colour: channels clearly apart, not white, grey or black. */
const colourful = (p: Rgba): boolean => Math.max(p.r, p.g, p.b) - Math.min(p.r, p.g, p.b) > 100;
const yellow = (p: Rgba): boolean => p.r > 220 && p.g > 180 && p.b < 140;

describe('captions', () => {
  for (const style of CAPTION_STYLES) {
    it(`keeps ${style} captions inside the safe box`, () => {
      renderer = nodeRenderer({ width: W, height: H });
      const text = 'Kindness is free 🌈 so sprinkle that stuff everywhere you go today 💛';
      for (const position of ['top', 'middle', 'bottom'] as const) {
        const rgba = drawCaption(caption({ text, style, position }), `caption-${style}-${position}`);
        expect(countPixels(rgba, W, safe, ink)).toBeGreaterThan(3000);
        expect(countOutside(rgba, W, safe, ink)).toBe(0);
        expect(renderer.captionLayout()?.lines.length).toBeLessThanOrEqual(2);
      }
    });
  }

  it('places the caption at the top, middle or bottom of the safe box', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const third = safe.height / 3;
    const band = (i: number) => ({ x: safe.x, y: safe.y + i * third, width: safe.width, height: third });
    const top = drawCaption(caption({ position: 'top' }));
    expect(countPixels(top, W, band(0), ink)).toBeGreaterThan(1000);
    expect(countPixels(top, W, band(2), ink)).toBe(0);
    const bottom = drawCaption(caption({ position: 'bottom' }));
    expect(countPixels(bottom, W, band(2), ink)).toBeGreaterThan(1000);
    expect(countPixels(bottom, W, band(0), ink)).toBe(0);
    const middle = drawCaption(caption({ position: 'middle' }));
    expect(countPixels(middle, W, band(1), ink)).toBeGreaterThan(1000);
  });

  it('draws emoji in colour', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const plain = drawCaption(caption({ text: 'Be kind today' }));
    expect(countPixels(plain, W, safe, colourful)).toBe(0);
    const rgba = drawCaption(caption({ text: 'Be kind 🌈💛🙂' }), 'caption-emoji');
    expect(countPixels(rgba, W, safe, colourful)).toBeGreaterThan(500);
  });

  it('highlights the spoken word in yellow', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const words = ['Be', 'kind', 'today'];
    const none = drawCaption(caption({ words, activeWord: -1 }));
    expect(countPixels(none, W, safe, yellow)).toBe(0);
    const rgba = drawCaption(caption({ words, activeWord: 1 }), 'caption-highlight');
    expect(countPixels(rgba, W, safe, yellow)).toBeGreaterThan(500);
    // Only "kind" is yellow: the middle of the line, not its ends.
    const line = renderer.captionLayout()?.lines[0];
    const kind = line?.words[1];
    const today = line?.words[2];
    expect(kind && today).toBeTruthy();
    if (!line || !kind || !today) return;
    const row = { y: line.y - 40, height: 80 };
    expect(countPixels(rgba, W, { x: kind.x, width: today.x - kind.x, ...row }, yellow)).toBeGreaterThan(500);
    expect(countPixels(rgba, W, { x: today.x, width: safe.x + safe.width - today.x, ...row }, yellow)).toBe(
      0,
    );
  });

  it('the big bold preset draws larger, heavier letters than the classic outline', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const classic = drawCaption(caption({ text: 'Be kind', style: 'outline' }));
    const classicSize = renderer.captionLayout()?.fontSize ?? 0;
    const bold = drawCaption(caption({ text: 'Be kind', style: 'bold' }), 'caption-bold');
    expect(renderer.captionLayout()?.fontSize).toBeGreaterThan(classicSize);
    expect(countPixels(bold, W, safe, ink)).toBeGreaterThan(countPixels(classic, W, safe, ink) * 1.3);
  });

  it('the highlighted-word preset puts the spoken word on a bright pill', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const words = ['Be', 'kind', 'today'];
    const plain = drawCaption(caption({ words, activeWord: 1, style: 'outline' }));
    const rgba = drawCaption(caption({ words, activeWord: 1, style: 'highlight' }), 'caption-pill');
    const line = renderer.captionLayout()?.lines[0];
    const kind = line?.words[1];
    if (!line || !kind) throw new Error('no layout');
    const box = { x: kind.x - 8, y: line.y - 30, width: kind.width + 16, height: 60 };
    // A pill fills the word's box (far more yellow than yellow letters alone); the rest stays white.
    expect(countPixels(rgba, W, box, yellow)).toBeGreaterThan(countPixels(plain, W, box, yellow) * 1.5);
    expect(
      countPixels(rgba, W, { x: safe.x, y: box.y, width: kind.x - 20 - safe.x, height: 60 }, yellow),
    ).toBe(0);
    // Without a spoken word there is no pill.
    const none = drawCaption(caption({ words, activeWord: -1, style: 'highlight' }));
    expect(countPixels(none, W, safe, yellow)).toBe(0);
  });

  it('shrinks a long caption to fit two lines', () => {
    renderer = nodeRenderer({ width: W, height: H });
    drawCaption(
      caption({
        text: 'Every single person you meet is fighting a battle you know nothing about, so be kind',
      }),
    );
    const layout = renderer.captionLayout();
    expect(layout?.lines.length).toBe(2);
    expect(layout?.fontSize).toBeLessThan(64);
  });

  it('keeps every preset position inside every platform safe zone, and a hand-placed low caption outside', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const text = 'Kindness is free 🌈 so sprinkle that stuff everywhere you go today 💛';
    for (const style of CAPTION_STYLES) {
      for (const position of ['top', 'middle', 'bottom'] as const) {
        drawCaption(caption({ text, style, position }));
        const layout = renderer.captionLayout();
        const box = layout ? captionInkBox(layout) : null;
        if (box === null) throw new Error('no caption laid out');
        for (const zone of ['all', 'tiktok', 'reels', 'shorts'] as const) {
          expect(
            safeZoneIssue(box, zone, { width: W, height: H }),
            `${style} ${position} ${zone}`,
          ).toBeNull();
        }
      }
    }
    // Placed by hand at 80% of the height: its centre is at 1536 px, under Reels' bottom bar.
    const rgba = drawCaption(caption({ text: 'Be kind', y: 0.8 }), 'caption-placed-low');
    const layout = renderer.captionLayout();
    const box = layout ? captionInkBox(layout) : null;
    if (box === null) throw new Error('no caption laid out');
    expect(box.y + box.height / 2).toBeCloseTo(0.8 * H, 0);
    expect(countOutside(rgba, W, safe, ink)).toBeGreaterThan(1000);
    expect(safeZoneIssue(box, 'reels', { width: W, height: H })?.code).toBe('outside-safe-zone');
    // The drawn ink is inside the box the check uses.
    expect(countOutside(rgba, W, box, ink)).toBe(0);
  });
});
