import { afterEach, describe, expect, it } from 'vitest';
import {
  MIN_CAPTION_CONTRAST,
  captionContrast,
  contrastRatio,
  contrastSampleTimes,
  textSurround,
  parseHexColor,
  relativeLuminance,
} from '../../../src/core/captions';
import { captionFixFor } from '../../../src/core/edit';
import { evaluate } from '../../../src/core/frame';
import { ProjectSchema } from '../../../src/core/schema';
import { measureCaptionContrast } from '../../../src/render';
import type { Renderer } from '../../../src/render/renderer';
import { caption, frame, layer, nodeRenderer, solid } from './fixtures';

const W = 540;
const H = 960;
let renderer: Renderer | undefined;
afterEach(() => {
  renderer?.destroy();
  renderer = undefined;
});

const white = { r: 255, g: 255, b: 255 };

/** A W x H frame of one colour, with an optional rectangle of another. */
function pixels(
  color: string,
  patch?: { color: string; x: number; y: number; width: number; height: number },
) {
  const rgba = new Uint8Array(W * H * 4);
  const base = parseHexColor(color);
  const other = patch ? parseHexColor(patch.color) : base;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const inPatch =
        patch && x >= patch.x && x < patch.x + patch.width && y >= patch.y && y < patch.y + patch.height;
      const c = inPatch ? other : base;
      rgba.set([c.r, c.g, c.b, 255], (y * W + x) * 4);
    }
  }
  return rgba;
}

describe('contrast maths (WCAG 1.4.3)', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance(white)).toBeCloseTo(1, 6);
    expect(contrastRatio(white, { r: 0, g: 0, b: 0 })).toBeCloseTo(21, 6);
    expect(contrastRatio(white, white)).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio(white, parseHexColor('#767676'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(white, parseHexColor('#777777'))).toBeLessThan(4.5);
  });

  it('measures white text against the pixels in the box; the bright part behind it decides', () => {
    const box = { x: 100, y: 600, width: 300, height: 80 };
    expect(captionContrast(pixels('#101018'), W, box, white).passes).toBe(true);
    const light = captionContrast(pixels('#f4e9c8'), W, box, white);
    expect(light.passes).toBe(false);
    expect(light.ratio).toBeLessThan(MIN_CAPTION_CONTRAST);
    // A bright patch covering a third of the box fails it; a speck does not.
    const patch = { color: '#ffffff', x: 100, y: 600, width: 100, height: 80 };
    expect(captionContrast(pixels('#101018', patch), W, box, white).passes).toBe(false);
    const speck = { color: '#ffffff', x: 100, y: 600, width: 6, height: 6 };
    expect(captionContrast(pixels('#101018', speck), W, box, white).passes).toBe(true);
  });

  it('a dark box behind the text restores the contrast over a light picture', () => {
    const box = { x: 100, y: 600, width: 300, height: 80 };
    const boxed = captionContrast(pixels('#f4e9c8'), W, box, white, {
      backdrop: { r: 20, g: 18, b: 31, alpha: 0.78 },
    });
    expect(boxed.passes).toBe(true);
  });
});

describe('contrast measured on rendered frames', () => {
  it('passes white captions on a dark scene and fails them on a light one (soft shadow, no outline)', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const cue = caption({ text: 'Be kind today', fontSize: 32, style: 'shadow' });
    const dark = measureCaptionContrast(
      renderer,
      frame({ layers: [layer({ background: solid('#1b1730') })], caption: cue }),
    );
    expect(dark?.passes).toBe(true);
    const light = measureCaptionContrast(
      renderer,
      frame({ layers: [layer({ background: solid('#fff6dc') })], caption: cue }),
    );
    expect(light?.passes).toBe(false);
    expect(light?.box.width).toBeGreaterThan(50);
    expect(measureCaptionContrast(renderer, frame())).toBeNull();
  });

  it('the one-click fix (a box behind the text) makes a failing caption pass, measured on the project', () => {
    renderer = nodeRenderer({ width: W, height: H });
    const project = ProjectSchema.parse({
      format: 'kindness-studio',
      version: 1,
      video: { width: W, height: H, fps: 30 },
      scenes: [{ id: 's', duration: 4, background: { type: 'solid', color: '#fff6dc' } }],
      captions: [{ id: 'c', start: 1, end: 3, text: 'Be kind today', style: 'shadow' }],
      captionSettings: { fontFamily: 'Fredoka', fontSize: 32, position: 'bottom' },
    });
    expect(measureCaptionContrast(renderer, evaluate(project, 2))?.passes).toBe(false);
    const fixed = captionFixFor('low-contrast')?.apply(project, 'c') ?? project;
    expect(measureCaptionContrast(renderer, evaluate(fixed, 2))?.passes).toBe(true);
  });
});

describe('contrast on a smaller canvas than the frame (the editor measures at preview size)', () => {
  it('gives the same verdict at a quarter of the size', () => {
    renderer = nodeRenderer({ width: W / 4, height: H / 4 });
    const cue = caption({ text: 'Be kind today', fontSize: 32, style: 'shadow' });
    const at = (bg: string) =>
      measureCaptionContrast(
        renderer as Renderer,
        frame({ layers: [layer({ background: solid(bg) })], caption: cue }),
      );
    expect(at('#1b1730')?.passes).toBe(true);
    expect(at('#fff6dc')?.passes).toBe(false);
  });
});

describe('the rule: what caption text is read against (WCAG 1.4.3, borders and halos)', () => {
  const outline = parseHexColor('#14121f');
  it('a thick outline is a halo, a thin one is part of the letter, a shadow half darkens the picture', () => {
    expect(textSurround({ text: white, outline: { color: outline, outsidePx: 6.4 } }, 1080)).toEqual({
      kind: 'halo',
      color: outline,
    });
    // 2 px at a 540-wide frame is 4 px at 1080: still a halo. 1.2 px at 1080 is not.
    expect(textSurround({ text: white, outline: { color: outline, outsidePx: 2 } }, 540).kind).toBe('halo');
    expect(textSurround({ text: white, outline: { color: outline, outsidePx: 1.2 } }, 1080)).toEqual({
      kind: 'picture',
    });
    const shadow = textSurround({ text: white, shadow: { r: 0, g: 0, b: 0, alpha: 0.8 } }, 1080);
    expect(shadow).toEqual({ kind: 'picture', backdrop: { r: 0, g: 0, b: 0, alpha: 0.4 } });
  });

  it('measures a caption at its first frame, every half second, at each cut under it and at its end', () => {
    const times = contrastSampleTimes(1, 3.8, 30, [0, 3]).map((t) => Math.round(t * 1000) / 1000);
    expect(times).toEqual([1.017, 1.517, 2.017, 2.517, 3.017, 3.517, 3.783]);
    expect(contrastSampleTimes(2, 2, 30, [])).toEqual([]);
  });
});
