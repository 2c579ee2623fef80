import { captionContrast, parseHexColor } from '../core/captions/contrast';
import { endCardPart, type EndCardTextMeasure } from '../core/endCard/readability';
import { END_CARD_LAYER_KEY, type FrameState, type SceneLayer } from '../core/frame/frameState';
import { evaluate } from '../core/frame/evaluate';
import type { Project, TextElement } from '../core/schema';
import { timelineOf } from '../core/timeline';
import type { Renderer } from './renderer';

export interface RenderedTextMeasure extends EndCardTextMeasure {
  /** Where the text was drawn, in frame pixels. */
  readonly box: { x: number; y: number; width: number; height: number };
}

/**
 * Which part of the pixels behind a text decides its contrast: all but the least
 * contrasting 10% (as for captions), so a thin decoration line does not fail a text but
 * a pale patch behind its words does.
 */
const SHARE = 0.9;

/**
 * How well each text of the end card in `state` stands out from what is actually drawn
 * behind it: the frame is drawn with the texts (for where each one lands) and without them
 * (the pixels they are read against: the card's background, panel, art), and the core
 * measures the contrast of each text's colour over its box. Empty when `state` has no end card.
 * Leaves the renderer holding the frame without the texts.
 */
export function measureEndCardText(renderer: Renderer, state: FrameState): RenderedTextMeasure[] {
  const card = state.layers.find((l) => l.key === END_CARD_LAYER_KEY);
  if (card === undefined) return [];
  const texts = card.elements.filter(
    (e): e is TextElement => e.kind === 'text' && e.visible && e.fill !== null && e.text.trim() !== '',
  );
  if (texts.length === 0) return [];
  const only: FrameState = { ...state, layers: [card], caption: null };
  renderer.draw(only);
  const scale = renderer.stage.width() / state.width;
  const boxes = texts.map((text) => {
    const node = renderer.findNode(END_CARD_LAYER_KEY, text.id);
    const rect = node?.getClientRect({ skipShadow: true, skipStroke: true }) ?? null;
    return rect === null || rect.width <= 0 || rect.height <= 0 ? null : rect;
  });
  const hidden = new Set(texts.map((t) => t.id));
  const behind: SceneLayer = { ...card, elements: card.elements.filter((e) => !hidden.has(e.id)) };
  renderer.draw({ ...only, layers: [behind] });
  const rgba = renderer.readRgba();
  const canvasWidth = Math.round(renderer.stage.width());
  const measured: RenderedTextMeasure[] = [];
  texts.forEach((text, i) => {
    const box = boxes[i];
    if (box === null || box === undefined) return;
    const { ratio } = captionContrast(rgba, canvasWidth, box, parseHexColor(text.fill ?? '#000'), {
      share: SHARE,
    });
    measured.push({
      part: endCardPart(text.id),
      contrast: ratio,
      fontSize: text.fontSize * (text.scaleY ?? 1),
      text: text.text,
      box: { x: box.x / scale, y: box.y / scale, width: box.width / scale, height: box.height / scale },
    });
  });
  return measured;
}

/**
 * The end card's texts measured on the card as it stands once its entrance has played (the
 * last frame of the video), or an empty list when the project has no end card showing.
 */
export function measureProjectEndCard(renderer: Renderer, project: Project): RenderedTextMeasure[] {
  const layout = timelineOf(project);
  if (layout.endCardStart === null) return [];
  return measureEndCardText(renderer, evaluate(project, layout.duration));
}
