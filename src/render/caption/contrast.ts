import {
  captionContrast,
  contrastSampleTimes,
  haloContrast,
  parseHexColor,
  textSurround,
  type CaptionContrast,
  type CaptionLookColors,
} from '../../core/captions/contrast';
import { evaluate } from '../../core/frame/evaluate';
import type { FrameState } from '../../core/frame/frameState';
import type { Caption, Project } from '../../core/schema';
import { sceneStarts } from '../../core/timeline/timeline';
import type { Renderer } from '../renderer';
import { CAPTION_LOOK, captionInkBox, outlineWidth, type CaptionLayout } from './layout';

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
  /** The text was judged on its outline (a halo), not on the picture. */
  readonly halo?: boolean;
}

/** The colours of a laid-out caption's look, as the core's contrast rule takes them. */
function lookColors(layout: CaptionLayout): CaptionLookColors {
  const text = parseHexColor(CAPTION_LOOK.text);
  const outline = outlineWidth(layout.style, layout.fontSize);
  return {
    text,
    // The outline is stroked on the glyph's edge: half of it lies outside the glyph.
    ...(outline > 0
      ? { outline: { color: parseHexColor(CAPTION_LOOK.outline), outsidePx: outline / 2 } }
      : {}),
    ...(layout.style === 'box' ? { box: parseRgba(CAPTION_LOOK.box) } : {}),
    ...(layout.style === 'shadow' ? { shadow: parseRgba(CAPTION_LOOK.shadow) } : {}),
  };
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
  const look = lookColors(layout);
  const surround = textSurround(look, state.width);
  // Text on a halo is read against the outline alone: the picture behind does not matter.
  if (surround.kind === 'halo')
    return { ...haloContrast(look.text, surround.color), box, inkBox, halo: true };
  renderer.draw({ ...state, caption: null });
  // The canvas may be smaller than the frame (a preview): measure where the box landed on it.
  const canvasWidth = Math.round(renderer.stage.width());
  const scale = canvasWidth / state.width;
  const scaled = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
  // Only the rows and columns under the caption are read: a whole frame per caption made the
  // check before an export take gigabytes for a few hundred captions.
  const { rgba, region } = renderer.readRgbaRegion(scaled);
  const inRegion = { ...scaled, x: scaled.x - region.x, y: scaled.y - region.y };
  const backdrop = surround.backdrop;
  const result = captionContrast(rgba, region.width, inRegion, look.text, backdrop ? { backdrop } : {});
  return { ...result, box, inkBox };
}

/**
 * A caption's contrast over its whole time on screen: measured on its first frame, every half
 * second, the first frame of each scene that starts under it and its last frame (see
 * contrastSampleTimes). The worst moment counts and is named (`time`), so a caption that runs
 * into a brighter scene or over a shape moving behind it is caught. Null when it never shows.
 */
export function measureCaptionContrastOverTime(
  renderer: Renderer,
  project: Project,
  cue: Caption,
): MeasuredContrast | null {
  let worst: MeasuredContrast | null = null;
  const times = contrastSampleTimes(cue.start, cue.end, project.video.fps, sceneStarts(project));
  for (const t of times) {
    const state = evaluate(project, t);
    if (state.caption?.id !== cue.id) continue;
    const measured = measureCaptionContrast(renderer, state);
    if (measured === null) continue;
    if (worst === null || measured.ratio < worst.ratio) worst = { ...measured, time: t };
    // On a halo the picture does not matter: one moment tells it all.
    if (measured.halo === true) break;
  }
  return worst;
}
