import Konva from 'konva';
import type { FrameState } from '../../../core/frame/frameState';
import type { Element } from '../../../core/schema';

/**
 * How the canvas draws a text, in CSS: the in-place editor takes exactly this look, so typing
 * shows the words where and as they will be (font, size with the zoom, line height, spacing,
 * alignment, colour, outline, rotation and wrapping width).
 */
export interface TextLook {
  /** The text node's whole transform on the stage (position, zoom, turn, anchor), as CSS. */
  transform: string;
  /** Width the text wraps at, in the node's own pixels; null: one line per paragraph. */
  width: number | null;
  /** A box the text is centred in vertically (a bubble's inside); null for a plain text. */
  height: number | null;
  /** One screen pixel in the node's own pixels (to draw the editor's frame 1 px wide). */
  pixel: number;
  fontFamily: string;
  fontSize: number;
  fontWeight: string;
  fontStyle: string;
  lineHeight: number;
  letterSpacing: number;
  align: string;
  color: string;
  outline: { color: string; width: number } | null;
  /** Outline drawn under the fill (Konva's fillAfterStroke), as the canvas does. */
  outlineUnder: boolean;
}

/** The Konva.Text that draws an element's words: the text node itself, or a bubble's label. */
export function textNodeOf(node: Konva.Node | undefined): Konva.Text | null {
  if (node instanceof Konva.Text) return node;
  if (node instanceof Konva.Group) {
    const label = node.getChildren().find((child): child is Konva.Text => child instanceof Konva.Text);
    return label ?? null;
  }
  return null;
}

export function textLook(node: Konva.Text, centred: boolean): TextLook {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = node.getAbsoluteTransform().getMatrix();
  const scale = Math.hypot(a, b) || 1;
  const style = String(node.fontStyle());
  const weight = /bold/.test(style) ? '700' : (/\d{3}/.exec(style)?.[0] ?? '400');
  const stroke = node.strokeEnabled() && node.strokeWidth() > 0 ? node.stroke() : null;
  const fill = node.fill();
  // A width of its own (set by the element) wraps; without one Konva sizes the node to its text.
  const ownWidth = node.getAttr('width') as number | undefined;
  return {
    transform: `matrix(${a}, ${b}, ${c}, ${d}, ${e}, ${f})`,
    width: typeof ownWidth === 'number' && ownWidth > 0 ? ownWidth : null,
    height: centred ? node.height() : null,
    pixel: 1 / scale,
    fontFamily: node.fontFamily(),
    fontSize: node.fontSize(),
    fontWeight: weight,
    fontStyle: /italic/.test(style) ? 'italic' : 'normal',
    lineHeight: node.lineHeight(),
    letterSpacing: node.letterSpacing(),
    align: node.align(),
    color: typeof fill === 'string' ? fill : '#ffffff',
    outline: typeof stroke === 'string' ? { color: stroke, width: node.strokeWidth() } : null,
    outlineUnder: node.fillAfterStrokeEnabled(),
  };
}

/**
 * The frame with the edited words left out, so the canvas does not draw them under the editor:
 * a text is hidden whole; a bubble keeps its shape and loses only its words.
 */
export function withoutEditedText(frame: FrameState, sceneId: string, elementId: string): FrameState {
  const hide = (el: Element): Element => {
    if (el.id !== elementId) return el;
    if (el.kind === 'text') return { ...el, visible: false };
    if (el.kind === 'bubble') return { ...el, text: '' };
    return el;
  };
  return {
    ...frame,
    layers: frame.layers.map((layer) =>
      layer.key === sceneId ? { ...layer, elements: layer.elements.map(hide) } : layer,
    ),
  };
}
