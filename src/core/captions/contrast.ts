import type { CaptionIssue } from './readability';

/**
 * Text contrast against the picture actually behind a caption (WCAG 1.4.3), measured on
 * rendered pixels. Pure: the caller renders the frame without captions and passes its RGBA.
 */

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** WCAG's minimum for body text; PLATFORM_SPECS.md asks for it on captions. */
export const MIN_CAPTION_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an sRGB colour (0 black to 1 white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two luminances (1 to 21). */
export function contrastOfLuminances(a: number, b: number): number {
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  return contrastOfLuminances(relativeLuminance(a), relativeLuminance(b));
}

/** `#rgb` or `#rrggbb` (alpha ignored) as numbers. */
export function parseHexColor(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full =
    h.length === 3 || h.length === 4 ? [...h.slice(0, 3)].map((c) => c + c).join('') : h.slice(0, 6);
  const n = parseInt(full, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export interface BackdropColor extends Rgb {
  /** 0 to 1: how much of the picture a box behind the text hides. */
  readonly alpha: number;
}

export interface CaptionContrastOptions {
  /** A box drawn behind the text (the box style): the text is read against it over the picture. */
  readonly backdrop?: BackdropColor;
  /**
   * Which part of the background decides, as a fraction of its pixels sorted from the least to
   * the most contrasting: 0.9 means the text must hold against all but the worst 10%, so a few
   * bright specks do not fail a caption but a bright patch behind a word does.
   */
  readonly share?: number;
}

export interface CaptionContrast {
  /** The ratio the text keeps against the background it must be read on. */
  readonly ratio: number;
  readonly passes: boolean;
  /** When it was measured over the caption's time: the moment (seconds) of the worst frame. */
  readonly time?: number;
}

/**
 * THE RULE: what a caption's text is read against (issue 14).
 *
 * Source: WCAG 2.x, Understanding Success Criterion 1.4.3 Contrast (Minimum): "When there is a
 * border around the letters, the border can add contrast and would be used in calculating the
 * contrast between the text and its background. A narrow border around the letter would be
 * used as the letter. A wide border around the letter that fills in the inner details of the
 * letters acts as a halo and would be considered background."
 * (https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html)
 *
 * So, per caption look:
 * - an outline at least HALO_MIN_PX wide outside the glyph (measured at a 1080-pixel-wide
 *   frame, scaled for others) is a halo: the text is read against the outline colour, whatever
 *   the picture does behind it (white on a thick dark outline is readable over light green);
 * - a narrower outline counts as part of the letter, so the fill is read against the picture;
 * - a box is blended over the picture at its opacity and the text is read against the mix;
 * - a soft shadow darkens the text's immediate surround, but it is blurred and offset, so at the
 *   glyph's edge it covers the picture at about half its opacity (SHADOW_COVERAGE): read
 *   against the shadow colour blended over the picture at that strength.
 * The ratio needed is WCAG's 4.5:1 (MIN_CAPTION_CONTRAST).
 */
export const HALO_MIN_PX = 3;
/** The width HALO_MIN_PX is measured at. */
export const HALO_REFERENCE_WIDTH = 1080;
/** How much of a soft shadow's opacity reaches the text's edge (its blur spreads the rest). */
export const SHADOW_COVERAGE = 0.5;

export interface CaptionLookColors {
  /** The text's fill. */
  readonly text: Rgb;
  /** The outline: its colour and how far it reaches outside the glyph, in frame pixels. */
  readonly outline?: { readonly color: Rgb; readonly outsidePx: number };
  /** The box behind the text (the box look). */
  readonly box?: BackdropColor;
  /** The soft shadow (the shadow look). */
  readonly shadow?: BackdropColor;
}

export type TextSurround =
  /** The text is read against the outline alone: the picture does not matter. */
  | { readonly kind: 'halo'; readonly color: Rgb }
  /** The text is read against the picture, with this colour blended over it (box, shadow). */
  | { readonly kind: 'picture'; readonly backdrop?: BackdropColor };

/** What a caption's text is read against, by THE RULE above, in a frame `frameWidth` pixels wide. */
export function textSurround(look: CaptionLookColors, frameWidth: number): TextSurround {
  const outline = look.outline;
  if (outline !== undefined && outline.outsidePx * (HALO_REFERENCE_WIDTH / frameWidth) >= HALO_MIN_PX - 1e-9)
    return { kind: 'halo', color: outline.color };
  if (look.box !== undefined) return { kind: 'picture', backdrop: look.box };
  if (look.shadow !== undefined)
    return { kind: 'picture', backdrop: { ...look.shadow, alpha: look.shadow.alpha * SHADOW_COVERAGE } };
  return { kind: 'picture' };
}

/** The contrast of text on a halo: the two colours alone. */
export function haloContrast(text: Rgb, halo: Rgb): CaptionContrast {
  const ratio = contrastRatio(text, halo);
  return { ratio, passes: ratio >= MIN_CAPTION_CONTRAST };
}

/**
 * The contrast of `text` against the pixels in `box` of a straight RGBA frame `width` pixels
 * wide. Every second pixel in each direction is sampled (a caption box holds tens of
 * thousands). An empty box counts as passing: nothing is behind the text.
 */
export function captionContrast(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  box: PixelBox,
  text: Rgb,
  options: CaptionContrastOptions = {},
): CaptionContrast {
  const height = Math.floor(rgba.length / 4 / width);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  const textL = relativeLuminance(text);
  const back = options.backdrop;
  const ratios: number[] = [];
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * width + x) * 4;
      let r = rgba[i] as number;
      let g = rgba[i + 1] as number;
      let b = rgba[i + 2] as number;
      if (back !== undefined) {
        r = back.r * back.alpha + r * (1 - back.alpha);
        g = back.g * back.alpha + g * (1 - back.alpha);
        b = back.b * back.alpha + b * (1 - back.alpha);
      }
      ratios.push(contrastOfLuminances(textL, relativeLuminance({ r, g, b })));
    }
  }
  if (ratios.length === 0) return { ratio: 21, passes: true };
  ratios.sort((a, b) => b - a);
  const share = Math.min(1, Math.max(0, options.share ?? 0.9));
  const ratio = ratios[Math.min(ratios.length - 1, Math.floor(share * (ratios.length - 1)))] as number;
  return { ratio, passes: ratio >= MIN_CAPTION_CONTRAST };
}

/** The readability problem a low contrast is, said the way a creator understands it. */
export function lowContrastIssue(contrast: CaptionContrast): CaptionIssue | null {
  if (contrast.passes) return null;
  const when = contrast.time === undefined ? 'The text' : `At ${clockTime(contrast.time)} the text`;
  return {
    code: 'low-contrast',
    message: `${when} stands out from the picture behind it by only ${contrast.ratio.toFixed(1)}:1; captions need at least ${MIN_CAPTION_CONTRAST}:1 to be read easily. Put a box behind the text.`,
  };
}

/** 3.25 -> "0:03.3", as the report and the timeline show times. */
function clockTime(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = (tenths - minutes * 600) / 10;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}

/**
 * The moments at which a caption's contrast is measured: its first frame, then every
 * `step` seconds, the first frame of every scene that starts while it is on screen (a cut to
 * a brighter scene) and its last frame. At most `max` moments (spread evenly when more).
 */
export function contrastSampleTimes(
  start: number,
  end: number,
  fps: number,
  sceneStarts: readonly number[],
  step = 0.5,
  max = 40,
): number[] {
  if (!(end > start)) return [];
  const half = 0.5 / fps;
  const first = start + half;
  const last = Math.max(first, end - half);
  let regular: number[] = [];
  for (let t = first; t < last; t += step) regular.push(t);
  if (regular.length > max) regular = regular.filter((_, i) => i % Math.ceil(regular.length / max) === 0);
  const cuts = sceneStarts.filter((s) => s > start && s < end).map((s) => Math.min(last, s + half));
  const times = [...regular, ...cuts, last].sort((a, b) => a - b);
  return times.filter((t, i) => i === 0 || t - (times[i - 1] as number) > 1e-6);
}
