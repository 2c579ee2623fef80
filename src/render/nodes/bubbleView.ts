import Konva from 'konva';
import { fontStack } from '../../core/fonts';
import type { BubbleElement } from '../../core/schema';
import { bubbleBounds, traceBubble } from '../geometry/bubble';
import { IdentityView, applyPaint } from './elementView';

/** A speech bubble: one outline for box and tail, with the text centred inside. */
export class BubbleView extends IdentityView<BubbleElement, Konva.Group> {
  private readonly outline: Konva.Shape;
  private readonly label: Konva.Text;

  constructor() {
    super(new Konva.Group(), 'bubble');
    this.outline = new Konva.Shape({
      lineJoin: 'round',
      sceneFunc: (context, shape) => {
        const el = this.current;
        if (!el) return;
        context.beginPath();
        traceBubble(context, el.width, el.height, el.cornerRadius, el.tailX, el.tailY);
        context.fillStrokeShape(shape);
      },
      selfRectFunc: () => {
        const el = this.current;
        return el
          ? bubbleBounds(el.width, el.height, el.tailX, el.tailY)
          : { x: 0, y: 0, width: 0, height: 0 };
      },
    });
    this.label = new Konva.Text({ align: 'center', verticalAlign: 'middle', wrap: 'word', fontStyle: '600' });
    this.node.add(this.outline, this.label);
  }

  protected apply(el: BubbleElement): void {
    // Text over a translucent fill must not show the fill through it twice.
    this.node.isolated(el.opacity < 1);
    applyPaint(this.outline, el);
    const padding = Math.min(Math.max(el.fontSize * 0.5, 8), Math.min(el.width, el.height) / 4);
    const label = this.label;
    label.visible(el.text !== '');
    label.text(el.text);
    label.x(padding);
    label.y(padding);
    label.width(el.width - 2 * padding);
    label.height(el.height - 2 * padding);
    label.fontFamily(fontStack(el.fontFamily));
    label.fontSize(el.fontSize);
    label.fill(el.textColor);
  }
}
