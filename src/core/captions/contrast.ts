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
  return {
    code: 'low-contrast',
    message: `The text stands out from the picture behind it by only ${contrast.ratio.toFixed(1)}:1; captions need at least ${MIN_CAPTION_CONTRAST}:1 to be read easily. Put a box behind the text.`,
  };
}
