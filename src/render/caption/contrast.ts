import { captionContrast, parseHexColor, type CaptionContrast } from '../../core/captions/contrast';
import type { FrameState } from '../../core/frame/frameState';
import type { Renderer } from '../renderer';
import { CAPTION_LOOK, captionInkBox } from './layout';

/** `rgba(r, g, b, a)` (how CAPTION_LOOK writes the box colour) as numbers. */
function parseRgba(css: string): { r: number; g: number; b: number; alpha: number } {
  const [r = 0, g = 0, b = 0, a = 1] = (/rgba?\(([^)]*)\)/.exec(css)?.[1] ?? '').split(',').map(Number);
  return { r, g, b, alpha: a };
}

export interface MeasuredContrast extends CaptionContrast {
  /** Where the caption's lines sit, in frame pixels. */
  readonly box: { x: number; y: number; width: number; height: number };
  /** Where its ink lands with the room its look takes (outline, box), for the safe-zone check. */
  readonly inkBox: { x: number; y: number; width: number; height: number };
}

/**
 * How well the caption on screen in `state` stands out from the picture behind it: the frame
 * is drawn once with the caption (for where its lines fall) and once without (the pixels the
 * text is read against), and the core measures the contrast. Null when no caption is showing.
 * Leaves the renderer holding the frame without the caption.
 */
export function measureCaptionContrast(renderer: Renderer, state: FrameState): MeasuredContrast | null {
  if (state.caption === null) return null;
  renderer.draw(state);
  const layout = renderer.captionLayout();
  if (layout === null || layout.lines.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const line of layout.lines) {
    left = Math.min(left, line.x);
    right = Math.max(right, line.x + line.width);
    top = Math.min(top, line.y - layout.fontSize / 2);
    bottom = Math.max(bottom, line.y + layout.fontSize / 2);
  }
  const box = { x: left, y: top, width: right - left, height: bottom - top };
  const inkBox = captionInkBox(layout) ?? box;
  renderer.draw({ ...state, caption: null });
  // The canvas may be smaller than the frame (a preview): measure where the box landed on it.
  const canvasWidth = Math.round(renderer.stage.width());
  const scale = canvasWidth / state.width;
  const scaled = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
  // Only the rows and columns under the caption are read: a whole frame per caption made the
  // check before an export take gigabytes for a few hundred captions.
  const { rgba, region } = renderer.readRgbaRegion(scaled);
  const inRegion = { ...scaled, x: scaled.x - region.x, y: scaled.y - region.y };
  const text = parseHexColor(CAPTION_LOOK.text);
  const backdrop = layout.style === 'box' ? parseRgba(CAPTION_LOOK.box) : undefined;
  const result = captionContrast(rgba, region.width, inRegion, text, backdrop ? { backdrop } : {});
  return { ...result, box, inkBox };
}
