import Konva from 'konva';
import type { CaptionFrame } from '../../core/frame/frameState';
import { safeBoxFor } from '../../core/platform/platforms';
import type { MeasureText } from '../backend';
import type { CaptionLayout } from './layout';
import { CAPTION_LOOK, layoutCaption, outlineWidth } from './layout';

/**
 * The caption on top of everything, drawn by one shape. It is laid out again only when the
 * cue or the frame size changes; a new active word only redraws.
 */
export class CaptionView {
  readonly node: Konva.Shape;
  private caption: CaptionFrame | null = null;
  private layout: CaptionLayout | null = null;
  private width = 0;
  private height = 0;

  constructor(private readonly measureText: MeasureText) {
    this.node = new Konva.Shape({
      visible: false,
      sceneFunc: (context) => {
        const { layout, caption } = this;
        if (layout && caption) drawCaption(context, layout, caption.words !== null ? caption.activeWord : -1);
      },
      selfRectFunc: () => {
        return safeBoxFor(this.width, this.height);
      },
    });
  }

  /** True when the caption on screen changed. */
  update(caption: CaptionFrame | null, width: number, height: number): boolean {
    const previous = this.caption;
    const sizeChanged = width !== this.width || height !== this.height;
    if (caption === previous && !sizeChanged) return false;
    this.caption = caption;
    this.width = width;
    this.height = height;
    if (caption === null) {
      this.layout = null;
      this.node.visible(false);
      return previous !== null;
    }
    if (sizeChanged || previous === null || !sameCue(previous, caption)) {
      this.layout = layoutCaption(caption, width, height, this.measureText);
      this.node.visible(this.layout.lines.length > 0);
      return true;
    }
    return previous.activeWord !== caption.activeWord;
  }

  /** The current layout (for the editor, e.g. to warn that a caption overflows). */
  currentLayout(): CaptionLayout | null {
    return this.layout;
  }
}

/** Same words in the same look: only the highlighted word may differ. */
function sameCue(a: CaptionFrame, b: CaptionFrame): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.style === b.style &&
    a.fontFamily === b.fontFamily &&
    a.fontSize === b.fontSize &&
    a.position === b.position &&
    a.y === b.y &&
    (a.words === null) === (b.words === null)
  );
}

/**
 * The rows a line's box covers: the line pitch, grown where the glyphs reach further (Arabic
 * descenders such as ي and ج go below it), with a little room. Measured on the same context that
 * draws, so the preview and the export agree.
 */
function boxSpan(
  context: Konva.Context,
  line: CaptionLayout['lines'][number],
  lineHeight: number,
  size: number,
): { top: number; bottom: number } {
  const ink = context.measureText(line.text);
  const room = 0.08 * size;
  const ascent = Number.isFinite(ink.actualBoundingBoxAscent) ? ink.actualBoundingBoxAscent : 0;
  const descent = Number.isFinite(ink.actualBoundingBoxDescent) ? ink.actualBoundingBoxDescent : 0;
  // At most the room the layout keeps free around a box (CAPTION_LOOK.boxGrowth).
  const most = lineHeight / 2 + CAPTION_LOOK.boxGrowth * size;
  return {
    top: line.y - Math.min(most, Math.max(lineHeight / 2, ascent + room)),
    bottom: line.y + Math.min(most, Math.max(lineHeight / 2, descent + room)),
  };
}

interface LineBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Each layout's line boxes, measured at its first draw: later frames of the caption reuse them. */
const measuredBoxes = new WeakMap<CaptionLayout, readonly LineBox[]>();

function lineBoxesOf(context: Konva.Context, layout: CaptionLayout): readonly LineBox[] {
  let boxes = measuredBoxes.get(layout);
  if (boxes === undefined) {
    const padding = CAPTION_LOOK.boxPaddingX * layout.fontSize;
    boxes = layout.lines.map((line) => {
      const { top, bottom } = boxSpan(context, line, layout.lineHeight, layout.fontSize);
      return { x: line.x - padding, y: top, width: line.width + 2 * padding, height: bottom - top };
    });
    measuredBoxes.set(layout, boxes);
  }
  return boxes;
}

function drawCaption(context: Konva.Context, layout: CaptionLayout, activeWord: number): void {
  const size = layout.fontSize;
  context.setAttr('font', layout.font);
  context.setAttr('textBaseline', 'middle');
  context.setAttr('textAlign', 'left');
  if (layout.style === 'box') {
    context.setAttr('fillStyle', CAPTION_LOOK.box);
    for (const box of lineBoxesOf(context, layout)) {
      context.beginPath();
      context.roundRect(box.x, box.y, box.width, box.height, CAPTION_LOOK.boxRadius * size);
      context.fill();
    }
  }
  const stroke = outlineWidth(layout.style, size);
  if (stroke > 0) {
    context.setAttr('strokeStyle', CAPTION_LOOK.outline);
    context.setAttr('lineWidth', stroke);
    context.setAttr('lineJoin', 'round');
    context.setAttr('miterLimit', 2);
    for (const line of layout.lines) context.strokeText(line.text, line.x, line.y);
  }
  if (layout.style === 'shadow') {
    context.setAttr('shadowColor', CAPTION_LOOK.shadow);
    context.setAttr('shadowBlur', CAPTION_LOOK.shadowBlur * size);
    context.setAttr('shadowOffsetX', 0);
    context.setAttr('shadowOffsetY', CAPTION_LOOK.shadowOffsetY * size);
  }
  const pill = layout.style === 'highlight';
  if (pill && activeWord >= 0) {
    // The spoken word sits on a bright pill, over the outline.
    const padding = CAPTION_LOOK.pillPaddingX * size;
    context.setAttr('fillStyle', CAPTION_LOOK.pill);
    for (const line of layout.lines) {
      if (line.singleRun) continue;
      for (const word of line.words) {
        if (word.index !== activeWord) continue;
        context.beginPath();
        const height = layout.lineHeight * 0.92;
        context.roundRect(
          word.x - padding,
          line.y - height / 2,
          word.width + 2 * padding,
          height,
          height / 4,
        );
        context.fill();
      }
    }
  }
  // Fill after the outline, word by word so the spoken word can stand out.
  const spoken = pill ? CAPTION_LOOK.pillInk : CAPTION_LOOK.highlight;
  for (const line of layout.lines) {
    if (line.singleRun) {
      const spokenHere = line.words.some((word) => word.index === activeWord);
      context.setAttr('fillStyle', spokenHere && !pill ? spoken : CAPTION_LOOK.text);
      context.fillText(line.text, line.x, line.y);
      continue;
    }
    for (const word of line.words) {
      context.setAttr('fillStyle', word.index === activeWord ? spoken : CAPTION_LOOK.text);
      context.fillText(word.text, word.x, line.y);
    }
  }
}
