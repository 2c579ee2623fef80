/**
 * Captions in Arabic, Japanese and Chinese through the Node (export) renderer, with the fonts the
 * app ships. No reference PNGs: each caption line is compared with the same line drawn by the same
 * fonts in one plain canvas `fillText` call (one run, which Skia shapes and orders by the bidi
 * rules). The comparison is of white-ink masks with an overlap tolerance, so anti-aliasing and
 * Skia version changes do not matter, but wrong glyphs (tofu), unjoined Arabic letters or
 * words in the wrong order do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { saveTestPng } from '../../helpers/pixels';
import { fontStack } from '../../../src/core/fonts';
import type { CaptionFrame } from '../../../src/core/frame/frameState';
import type { CaptionLayout } from '../../../src/render/caption/layout';
import { installKonvaNodeBackend } from '../../../src/render/backends/node';
import { registerScriptFontsFor } from '../../../src/render/backends/nodeScriptFonts';
import type { Renderer } from '../../../src/render/renderer';
import { caption, frame, layer, nodeRenderer, render, solid } from './fixtures';

const W = 1080;
const H = 1920;
let renderer: Renderer | undefined;
afterEach(() => {
  renderer?.destroy();
  renderer = undefined;
});

/** White-ish pixels: the caption ink (box style: white letters on a dark box). */
function inkMask(rgba: Uint8Array): Uint8Array {
  const mask = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < mask.length; i++) {
    const j = i * 4;
    mask[i] = (rgba[j] ?? 0) > 160 && (rgba[j + 1] ?? 0) > 160 && (rgba[j + 2] ?? 0) > 160 ? 1 : 0;
  }
  return mask;
}

/** Intersection over union of two masks. */
function overlap(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += (a[i] ?? 0) & (b[i] ?? 0);
    either += (a[i] ?? 0) | (b[i] ?? 0);
  }
  return either === 0 ? 0 : both / either;
}

function drawCaption(cue: CaptionFrame, name: string): { rgba: Uint8Array; layout: CaptionLayout } {
  installKonvaNodeBackend([cue.text]);
  renderer = nodeRenderer({ width: W, height: H });
  const rgba = render(
    renderer,
    frame({ width: W, height: H, layers: [layer({ background: solid('#000000') })], caption: cue }),
  );
  saveTestPng(name, renderer.toPngBuffer());
  const layout = renderer.captionLayout();
  if (!layout) throw new Error('no caption drawn');
  return { rgba, layout };
}

/** The layout's lines drawn the known-good way: one fillText per line, same font and place. */
function referenceRender(layout: CaptionLayout): Uint8Array {
  const canvas = createCanvas(W, H);
  const context = canvas.getContext('2d');
  context.fillStyle = '#000000';
  context.fillRect(0, 0, W, H);
  context.font = layout.font;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.fillStyle = '#ffffff';
  for (const line of layout.lines) context.fillText(line.text, line.x, line.y);
  return canvas.data();
}

function inkInBox(mask: Uint8Array, layout: CaptionLayout): { inside: number; outside: number } {
  const box = new Uint8Array(mask.length);
  // Arabic descenders (ع, ج) reach a little below the line pitch: allow a fifth of the size.
  const slack = 0.2 * layout.fontSize;
  for (const line of layout.lines) {
    const top = Math.floor(line.y - layout.lineHeight / 2 - slack);
    for (let y = top; y < line.y + layout.lineHeight / 2 + slack; y++) {
      for (let x = Math.floor(line.x) - 2; x < line.x + line.width + 2; x++) box[y * W + x] = 1;
    }
  }
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < mask.length; i++) {
    if (box[i]) inside += mask[i] ?? 0;
    else outside += mask[i] ?? 0;
  }
  return { inside, outside };
}

const CASES = [
  { name: 'arabic', text: 'كن لطيفا مع الجميع' },
  { name: 'japanese', text: 'やさしさは、ひろがる。ありがとう' },
  { name: 'chinese', text: '善良的话语能温暖人心' },
  { name: 'mixed', text: 'Be kind كن لطيفا やさしく 💜' },
];

describe('captions in any script (Node export renderer)', () => {
  for (const { name, text } of CASES) {
    it(`draws ${name} text with real glyphs, as the canvas shapes and orders it`, () => {
      const { rgba, layout } = drawCaption(
        caption({ text, style: 'box', fontSize: 72 }),
        `caption-script-${name}`,
      );
      const mask = inkMask(rgba);
      const { inside, outside } = inkInBox(mask, layout);
      expect(inside).toBeGreaterThan(2000);
      expect(outside).toBe(0);
      expect(overlap(mask, inkMask(referenceRender(layout)))).toBeGreaterThan(0.9);
    });
  }

  it('grows the box under Arabic descenders, so every letter sits on it', () => {
    // ي, ج and ع reach below the line pitch; the dark box must reach below them too.
    const { rgba, layout } = drawCaption(
      caption({ text: 'يوم جميل مع الجميع', style: 'box', fontSize: 72 }),
      'caption-script-arabic-box',
    );
    const line = layout.lines[0];
    if (!line) throw new Error('no line');
    let lowestInk = -1;
    let lowestBox = -1;
    for (let y = 0; y < H; y++) {
      for (let x = Math.floor(line.x); x < line.x + line.width; x++) {
        const j = (y * W + x) * 4;
        const [r, g, b] = [rgba[j] ?? 0, rgba[j + 1] ?? 0, rgba[j + 2] ?? 0];
        if (r > 160 && g > 160 && b > 160) lowestInk = y;
        // The box: rgba(20, 18, 31, 0.78) over the black frame.
        else if (b > r && b >= 12 && b < 40 && r < 30) lowestBox = y;
      }
    }
    expect(lowestInk).toBeGreaterThan(line.y + layout.lineHeight / 2 - 0.2 * layout.fontSize);
    expect(lowestBox).toBeGreaterThan(lowestInk);
  });

  it('puts the first Arabic word at the right end of the line', () => {
    const { layout } = drawCaption(caption({ text: 'كن لطيفا', style: 'box' }), 'caption-script-rtl');
    const [first, second] = layout.lines[0]?.words ?? [];
    expect(first?.x).toBeGreaterThan(second?.x ?? Infinity);
  });

  it('highlights one Japanese word at a time, not the whole line', () => {
    const text = 'やさしさは、すぐに届く。';
    const words = ['やさしさ', 'は、', 'すぐ', 'に', '届く。'];
    const { rgba, layout } = drawCaption(
      caption({ text, style: 'outline', fontSize: 72, words, activeWord: 2 }),
      'caption-script-ja-word',
    );
    const boxes = layout.lines.flatMap((line) => line.words.map((w) => ({ ...w, y: line.y })));
    // Each word's boxes spell it (a word the wrap breaks has a box on each line, same index).
    expect(
      words.map((_, i) =>
        boxes
          .filter((b) => b.index === i)
          .map((b) => b.text)
          .join(''),
      ),
    ).toEqual(words);
    expect(boxes.every((b) => b.index >= 0 && b.index < words.length)).toBe(true);
    // The spoken word's glyphs are yellow; the words around it white.
    const yellowIn = (box: { x: number; width: number; y: number }): number => {
      let n = 0;
      for (let y = Math.round(box.y - 30); y < box.y + 30; y++) {
        for (let x = Math.round(box.x); x < box.x + box.width; x++) {
          const i = (y * W + x) * 4;
          if ((rgba[i] ?? 0) > 200 && (rgba[i + 1] ?? 0) > 180 && (rgba[i + 2] ?? 0) < 140) n++;
        }
      }
      return n;
    };
    const spoken = boxes[2];
    if (spoken === undefined) throw new Error('no spoken word');
    expect(yellowIn(spoken)).toBeGreaterThan(200);
    expect(yellowIn(boxes[0] ?? spoken)).toBe(0);
    expect(yellowIn(boxes.at(-1) ?? spoken)).toBe(0);
  });
});

describe('export font registration covers the characters used (no tofu)', () => {
  const font = `600 64px ${fontStack('Fredoka')}`;
  function glyph(char: string): { pixels: Uint8Array; advance: number } {
    const canvas = createCanvas(96, 96);
    const context = canvas.getContext('2d');
    context.font = font;
    context.fillStyle = '#ffffff';
    context.textBaseline = 'middle';
    context.fillText(char, 8, 48);
    return { pixels: inkMask(canvas.data()), advance: context.measureText(char).width };
  }

  it('registers the Japanese, Chinese and Arabic files the text needs, once', () => {
    installKonvaNodeBackend(['Latin only: nothing to register']);
    const folder = (name: string) => `node_modules/${name}`;
    // A rare Han character: one subset file per weight (400, 600, 700) of each family that has it.
    const count = registerScriptFontsFor(['\u9f98'], folder);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count % 3).toBe(0);
    // Characters already checked are not looked up again (the folder is not even read).
    expect(registerScriptFontsFor(['\u9f98', 'abc'], () => '/nowhere')).toBe(0);
  });

  it('draws different Japanese, Chinese and Arabic characters differently, at full width', () => {
    const chars = ['や', 'ゆ', '優', '心', '爱', '话', 'ك', 'ن'];
    installKonvaNodeBackend(chars);
    const glyphs = chars.map(glyph);
    // Tofu (the .notdef box) looks the same for every character; real glyphs do not.
    for (let i = 0; i < chars.length; i += 2) {
      const [a, b] = [glyphs[i], glyphs[i + 1]];
      if (!a || !b) throw new Error('missing glyph');
      expect(overlap(a.pixels, b.pixels)).toBeLessThan(0.7);
    }
    // Japanese and Chinese are full-width: one em (64 px) each.
    for (const g of glyphs.slice(0, 6)) expect(Math.abs(g.advance - 64)).toBeLessThan(2);
  });
});
