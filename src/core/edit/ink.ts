import { contrastRatio, parseHexColor } from '../captions/contrast';
import type { Background } from '../schema';

/** The two colours new text and arrows are drawn in: white, or the templates' dark ink. */
export const LIGHT_INK = '#ffffff';
export const DARK_INK = '#1d1b2e';

/**
 * The colour a new text or arrow takes on a scene: whichever of white and dark ink reads better
 * on its background (for a gradient, on the colour of it it reads worst on). White text on a
 * cream template scene could hardly be seen.
 */
export function inkOn(background: Background): string {
  const colors = background.type === 'solid' ? [background.color] : background.stops.map((s) => s.color);
  const worst = (ink: string) =>
    Math.min(...colors.map((c) => contrastRatio(parseHexColor(ink), parseHexColor(c))));
  return worst(DARK_INK) > worst(LIGHT_INK) ? DARK_INK : LIGHT_INK;
}
