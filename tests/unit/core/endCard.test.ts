import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { EMERGENCY_LINE, END_CARD_TEMPLATES, EndCardSchema } from '../../../src/core/schema';
import type { Element, EndCard, TextElement } from '../../../src/core/schema';
import { buildEndCardElements, estimateLines, formatHandle } from '../../../src/core/endCard/layout';
import { safeBoxFor } from '../../../src/core/platform/platforms';

// The shipped fonts, so the layout is checked against the widths the renderer will really draw.
const require = createRequire(import.meta.url);
for (const file of [
  '@fontsource/fredoka/files/fredoka-latin-700-normal.woff2',
  '@fontsource/inter/files/inter-latin-400-normal.woff2',
  '@fontsource/inter/files/inter-latin-700-normal.woff2',
]) {
  GlobalFonts.registerFromPath(require.resolve(file), file.includes('fredoka') ? 'Fredoka' : 'Inter');
}
const ctx = createCanvas(8, 8).getContext('2d');

/** Lines a word-wrapping text box really takes with the real font (greedy, like Konva). */
function realLines(
  el: Pick<TextElement, 'text' | 'fontWeight' | 'fontSize' | 'fontFamily' | 'width'>,
): number {
  ctx.font = `${el.fontWeight} ${el.fontSize}px ${el.fontFamily}`;
  let lines = 0;
  for (const paragraph of el.text.split('\n')) {
    let line = '';
    lines++;
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && ctx.measureText(candidate).width > (el.width ?? Infinity)) {
        lines++;
        line = word;
      } else {
        line = candidate;
      }
    }
  }
  return lines;
}

const card = (input: Partial<EndCard>): EndCard => EndCardSchema.parse(input);

const LONG = card({
  template: 'bright',
  message:
    'Behind every account is a real person with real feelings. Before you comment, ask yourself: would I say this to their face? Choose words that lift people up, and stand by anyone being picked on.',
  resources: [
    { name: '988 Suicide & Crisis Lifeline', contact: 'call or text 988; chat at 988lifeline.org; 24/7' },
    { name: 'Crisis Text Line', contact: 'text HOME to 741741' },
    { name: 'StopBullying.gov', contact: 'stopbullying.gov' },
    { name: 'Childline', contact: '0800 1111; childline.org.uk' },
    { name: 'Kids Help Phone', contact: '1-800-668-6868; text CONNECT to 686868' },
    { name: 'TikTok Safety Center', contact: 'tiktok.com/safety (Bullying Prevention guide)' },
  ],
  handle: 'kindness_creator',
});

const CASES: [string, EndCard, number, number][] = [
  ['calm default, vertical', card({}), 1080, 1920],
  [
    'calm with a resource, 720p vertical',
    card({ resources: [{ name: 'Childline', contact: '0800 1111' }] }),
    720,
    1280,
  ],
  ['bright, everything long, vertical', LONG, 1080, 1920],
  ['bright, everything long, square', LONG, 1080, 1080],
  [
    'calm, capitals',
    card({ message: 'YOU ARE NOT ALONE. REACH OUT TODAY. SOMEONE WANTS TO HEAR FROM YOU.', handle: '@me' }),
    1080,
    1920,
  ],
];

/** The card's content: everything but the background art around the safe box. */
function content(elements: readonly Element[]): Element[] {
  return elements.filter((e) => !e.id.startsWith('endcard-deco-'));
}

/** Top and bottom of what an element paints. */
function verticalExtent(el: Element): [number, number] {
  switch (el.kind) {
    case 'text':
      return [el.y, el.y + realLines(el) * el.fontSize * el.lineHeight];
    case 'rect':
      return [el.y, el.y + el.height];
    case 'star':
      return [el.y - el.outerRadius - 1.62 * el.strokeWidth, el.y + el.outerRadius + 1.62 * el.strokeWidth];
    case 'path':
      return [el.y - 47 * el.scaleY, el.y + 45 * el.scaleY];
    case 'image':
      return [el.y - el.strokeWidth / 2, el.y + el.height + el.strokeWidth / 2];
    default:
      throw new Error(`unexpected ${el.kind} on the end card`);
  }
}

function horizontalExtent(el: Element): [number, number] {
  switch (el.kind) {
    case 'text':
      return [el.x, el.x + (el.width ?? Infinity)];
    case 'rect':
      return [el.x, el.x + el.width];
    case 'star':
      return [el.x - el.outerRadius, el.x + el.outerRadius];
    case 'path':
      return [el.x - 50 * el.scaleX, el.x + 50 * el.scaleX];
    case 'image':
      return [el.x - el.strokeWidth / 2, el.x + el.width + el.strokeWidth / 2];
    default:
      throw new Error(`unexpected ${el.kind} on the end card`);
  }
}

describe('buildEndCardElements', () => {
  it.each(CASES)('keeps everything inside the safe box: %s', (_, endCard, width, height) => {
    const box = safeBoxFor(width, height);
    const { elements } = buildEndCardElements(endCard, { width, height });
    for (const el of content(elements)) {
      const [top, bottom] = verticalExtent(el);
      const [left, right] = horizontalExtent(el);
      expect(top, el.id).toBeGreaterThanOrEqual(box.y - 0.01);
      expect(bottom, el.id).toBeLessThanOrEqual(box.y + box.height + 0.01);
      expect(left, el.id).toBeGreaterThanOrEqual(box.x - 0.01);
      expect(right, el.id).toBeLessThanOrEqual(box.x + box.width + 0.01);
    }
  });

  it.each(CASES)('stacks the blocks without overlaps: %s', (_, endCard, width, height) => {
    const { elements } = buildEndCardElements(endCard, { width, height });
    // Everything but the panel is stacked top to bottom; the panel holds the resource lines.
    const stacked = content(elements).filter((e) => e.id !== 'endcard-panel');
    for (let i = 1; i < stacked.length; i++) {
      const prev = stacked[i - 1] as Element;
      const el = stacked[i] as Element;
      expect(verticalExtent(el)[0], `${el.id} below ${prev.id}`).toBeGreaterThanOrEqual(
        verticalExtent(prev)[1] - 0.01,
      );
    }
  });

  it('always prints the emergency line, with or without resources', () => {
    for (const endCard of [card({}), LONG]) {
      const texts = buildEndCardElements(endCard, { width: 1080, height: 1920 }).elements.map((e) =>
        e.kind === 'text' ? e.text : '',
      );
      expect(texts).toContain(EMERGENCY_LINE);
    }
  });

  it('lists each resource as "Name — contact" and the handle with an @', () => {
    const texts = buildEndCardElements(LONG, { width: 1080, height: 1920 }).elements.flatMap((e) =>
      e.kind === 'text' ? [e.text] : [],
    );
    expect(texts).toContain('Crisis Text Line — text HOME to 741741');
    expect(texts).toContain('@kindness_creator');
    expect(texts).toContain(LONG.message);
  });

  it('leaves out the handle and message when they are empty', () => {
    const { elements } = buildEndCardElements(card({ message: '  ', handle: '' }), {
      width: 1080,
      height: 1920,
    });
    expect(content(elements).map((e) => e.id)).toEqual([
      'endcard-accent',
      'endcard-panel',
      'endcard-emergency',
    ]);
  });

  it('uses unique ids prefixed endcard- and wraps every text to a width', () => {
    const { elements } = buildEndCardElements(LONG, { width: 1080, height: 1920 });
    const ids = elements.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const el of elements) {
      expect(el.id.startsWith('endcard-')).toBe(true);
      if (el.kind === 'text') expect(el.width).toBeGreaterThan(0);
    }
  });

  it('gives each template its own look: a heart on calm indigo, a star on a warm sunrise', () => {
    const calm = buildEndCardElements(card({ template: 'calm' }), { width: 1080, height: 1920 });
    const bright = buildEndCardElements(card({ template: 'bright' }), { width: 1080, height: 1920 });
    const accent = (b: typeof calm) => b.elements.find((e) => e.id === 'endcard-accent');
    expect(accent(calm)?.kind).toBe('path');
    expect(accent(bright)?.kind).toBe('star');
    expect(calm.background.type).toBe('gradient');
    expect(calm.background).not.toEqual(bright.background);
    const message = (b: typeof calm) => b.elements.find((e) => e.id === 'endcard-message') as TextElement;
    expect(message(calm).fontFamily).toBe('Fredoka');
    expect(luminance(message(bright).fill ?? '')).toBeLessThan(0.05); // dark text on the bright card
  });

  it.each(END_CARD_TEMPLATES)(
    'keeps every text readable (contrast >= 4.5:1) on the %s background',
    (template) => {
      const { background, elements } = buildEndCardElements(
        card({ template, handle: 'me', resources: LONG.resources }),
        {
          width: 1080,
          height: 1920,
        },
      );
      const stops =
        background.type === 'gradient' ? background.stops.map((s) => s.color) : [background.color];
      for (const el of elements) {
        if (el.kind !== 'text') continue;
        for (const bg of stops)
          expect(contrast(el.fill ?? '', bg), `${el.id} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    },
  );
});

describe('estimateLines and formatHandle', () => {
  const SAMPLES = [
    'Behind every account is a real person.',
    'If you are in immediate danger, call your local emergency number.',
    '988 Suicide & Crisis Lifeline — call or text 988; chat at 988lifeline.org; 24/7',
    'Kids Help Phone — 1-800-668-6868; text CONNECT to 686868',
    'YOU ARE NOT ALONE. REACH OUT TODAY.',
    'Words can hurt or heal: choose the ones that lift people up, and stand by anyone being picked on.',
  ];
  const FACES = [
    ['displayBold', 'Fredoka', 'bold'],
    ['textBold', 'Inter', 'bold'],
    ['textRegular', 'Inter', 'normal'],
  ] as const;

  it('never counts fewer lines than the shipped fonts really take, and rarely more', () => {
    let exact = 0;
    let total = 0;
    for (const [face, fontFamily, fontWeight] of FACES) {
      for (const text of SAMPLES) {
        for (const width of [300, 450, 600, 768]) {
          const fontSize = 48;
          const estimate = estimateLines(text, fontSize, width, face);
          const real = realLines({ text, fontFamily, fontWeight, fontSize, width });
          expect(estimate, `${face} ${width}px: ${text}`).toBeGreaterThanOrEqual(real);
          total++;
          if (estimate === real) exact++;
        }
      }
    }
    expect(exact / total).toBeGreaterThan(0.75);
  });

  it('keeps explicit line breaks and spreads a long word over several lines', () => {
    expect(estimateLines('one\ntwo', 10, 1000, 'textRegular')).toBe(2);
    expect(estimateLines('a'.repeat(30), 10, 100, 'textRegular')).toBe(2); // 30 x 0.59 em = 177 px
  });

  it('adds the @ only when it is missing', () => {
    expect(formatHandle('me')).toBe('@me');
    expect(formatHandle(' @me ')).toBe('@me');
    expect(formatHandle('  ')).toBe('');
  });
});

function luminance(hex: string): number {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = v.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
