import type { Background, EndCard, TextElement, VideoFormat } from '../schema';
import { contrastRatio } from '../captions/contrast';
import { parseColor } from '../timeline/color';
import { buildEndCardElements } from './layout';
import { END_CARD_THEMES } from './templates';

/**
 * Readability of the end card's text: size and contrast against what is behind it (the card
 * background, and the translucent panel under the resources). WCAG 1.4.3 asks 4.5:1 for text
 * (PLATFORM_SPECS.md, "Captions people can read"); the card's text is short and read in a few
 * seconds on a phone, so it also has a smallest size.
 */
export const END_CARD_READABILITY = {
  minContrast: 4.5,
  /** Smallest text height, in pixels of a 1920-pixel-tall frame (about 1.4% of the height). */
  minFontPx: 26,
  source: 'WCAG 2.1 success criterion 1.4.3; PLATFORM_SPECS.md',
} as const;

export interface EndCardIssue {
  readonly code: 'too-small' | 'low-contrast';
  /** Which text: 'message', 'resource-0', 'emergency', 'handle'. */
  readonly part: string;
  readonly message: string;
}

type Rgb = readonly [number, number, number];

function rgba(color: string): [number, number, number, number] {
  const packed = parseColor(color);
  if (Number.isNaN(packed)) return [0, 0, 0, 1];
  return [(packed >>> 24) & 255, (packed >>> 16) & 255, (packed >>> 8) & 255, (packed & 255) / 255];
}

function over(top: string, below: Rgb): Rgb {
  const [r, g, b, a] = rgba(top);
  return [r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a)];
}

/** WCAG contrast ratio of two opaque colours, 1 to 21 (the one formula in captions/contrast). */
function contrastOf([r1, g1, b1]: Rgb, [r2, g2, b2]: Rgb): number {
  return contrastRatio({ r: r1, g: g1, b: b1 }, { r: r2, g: g2, b: b2 });
}

/** The background colour at height `y` of a frame `height` tall (vertical gradients only need y). */
function backgroundAt(background: Background, y: number, height: number): Rgb {
  if (background.type === 'solid') return over(background.color, [0, 0, 0]);
  // Angle 0 runs top to bottom; other angles are checked at every stop (the worst case).
  const stops = background.stops;
  if (background.angle % 360 !== 0) return over(stops[0]?.color ?? '#000', [0, 0, 0]);
  const t = Math.min(1, Math.max(0, y / height));
  let prev = stops[0];
  for (const stop of stops) {
    if (stop.offset >= t && prev !== undefined) {
      const span = stop.offset - prev.offset;
      const k = span > 0 ? (t - prev.offset) / span : 1;
      const a = over(prev.color, [0, 0, 0]);
      const b = over(stop.color, [0, 0, 0]);
      return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
    }
    prev = stop;
  }
  return over(prev?.color ?? '#000', [0, 0, 0]);
}

/** Every background colour behind `text` (sampled down its height), with the panel over it if inside. */
function colorsBehind(
  text: TextElement,
  lines: number,
  background: Background,
  panel: { y: number; height: number; fill: string } | null,
  height: number,
): Rgb[] {
  const top = text.y;
  const bottom = text.y + lines * text.fontSize * text.lineHeight;
  const samples: Rgb[] = [];
  for (let i = 0; i <= 8; i++) {
    const y = top + ((bottom - top) * i) / 8;
    const base = backgroundAt(background, y, height);
    const inPanel = panel !== null && y >= panel.y && y <= panel.y + panel.height;
    samples.push(inPanel ? over(panel.fill, base) : base);
  }
  return samples;
}

/** The lowest contrast of each of the card's texts against what is behind it. */
export function endCardContrasts(
  card: EndCard,
  video: Pick<VideoFormat, 'width' | 'height'>,
): { part: string; contrast: number; fontSize: number }[] {
  const { background, elements } = buildEndCardElements(card, video);
  const panelEl = elements.find((e) => e.id === 'endcard-panel');
  const panel =
    panelEl !== undefined && panelEl.kind === 'rect' && panelEl.fill !== null
      ? { y: panelEl.y, height: panelEl.height, fill: panelEl.fill }
      : null;
  const result: { part: string; contrast: number; fontSize: number }[] = [];
  for (const el of elements) {
    if (el.kind !== 'text' || el.fill === null) continue;
    const color = over(el.fill, [0, 0, 0]);
    // Two lines is enough to sample the gradient under a block (they are short).
    const contrast = Math.min(
      ...colorsBehind(el, 2, background, panel, video.height).map((c) => contrastOf(color, c)),
    );
    result.push({ part: endCardPart(el.id), contrast, fontSize: el.fontSize });
  }
  return result;
}

const PART_NAMES: Record<string, string> = {
  message: 'The message',
  emergency: 'The emergency line',
  handle: 'Your handle',
};

function partName(part: string): string {
  const resource = /^resource-(\d+)$/.exec(part);
  if (resource) return `Resource ${Number(resource[1]) + 1}`;
  return PART_NAMES[part] ?? 'A text';
}

/** One of the card's texts: its contrast against what is behind it, and its size in frame pixels. */
export interface EndCardTextMeasure {
  /** Which text: 'message', 'resource-0', 'emergency', 'handle'. */
  readonly part: string;
  readonly contrast: number;
  readonly fontSize: number;
  /** The words themselves, quoted in the warning so the creator sees which line fails. */
  readonly text?: string;
}

/** A text quoted in a warning: on one line, and short. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 48 ? `${flat.slice(0, 47)}…` : flat}”`;
}

/** The part an end-card text element stands for ('endcard-message' is 'message'). */
export function endCardPart(elementId: string): string {
  return elementId.replace(/^endcard-/, '');
}

/** What makes the card hard to read, in plain words (empty: it reads well). */
export function checkEndCard(card: EndCard, video: Pick<VideoFormat, 'width' | 'height'>): EndCardIssue[] {
  return endCardIssues(endCardContrasts(card, video), video);
}

/**
 * The problems of texts measured one way or another: from the card's colours
 * (`endCardContrasts`) or on the rendered frame (the renderer's `measureEndCardText`).
 */
export function endCardIssues(
  measured: readonly EndCardTextMeasure[],
  video: Pick<VideoFormat, 'width' | 'height'>,
): EndCardIssue[] {
  const issues: EndCardIssue[] = [];
  const minPx = END_CARD_READABILITY.minFontPx * (video.height / 1920);
  let small = false;
  for (const { part, contrast, fontSize, text } of measured) {
    if (fontSize < minPx - 1e-6 && !small) {
      small = true; // one warning is enough: everything shrinks together
      issues.push({
        code: 'too-small',
        part,
        message:
          'The card holds so much text that it had to shrink below a size people can read on a phone. ' +
          'Shorten the message or list fewer resources.',
      });
    }
    if (contrast < END_CARD_READABILITY.minContrast) {
      issues.push({
        code: 'low-contrast',
        part,
        message: `${partName(part)}${text !== undefined && text.trim() !== '' ? ` (${quote(text)})` : ''} has a contrast of ${contrast.toFixed(1)}:1 against the card; at least ${END_CARD_READABILITY.minContrast}:1 is needed.`,
      });
    }
  }
  return issues;
}

/** The template names the picker shows. */
export function templateLabel(template: EndCard['template']): string {
  return END_CARD_THEMES[template].label;
}
