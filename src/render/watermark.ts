import Konva from 'konva';
import { FONT_FAMILIES, fontStack } from '../core/fonts';

/** Large, see-through diagonal text across the frame (e.g. "DRAFT" on draft exports). */
export class WatermarkView {
  readonly node: Konva.Text;
  private width = 0;
  private height = 0;

  constructor(text: string) {
    this.node = new Konva.Text({
      text,
      fontFamily: fontStack(FONT_FAMILIES.text),
      fontStyle: 'bold',
      // Mid grey, see-through: readable over dark and light scenes alike. No outline: the
      // overlapping contours of the bold face would show through a translucent stroke.
      fill: 'rgba(140, 140, 150, 0.4)',
      rotation: -30,
      listening: false,
    });
  }

  /** Centres and sizes it for the frame; true when it moved. */
  fit(width: number, height: number): boolean {
    if (width === this.width && height === this.height) return false;
    this.width = width;
    this.height = height;
    const node = this.node;
    node.fontSize(Math.min(width, height) * 0.24);
    // Longer text (a draft's version and date) shrinks to stay inside the frame.
    if (node.width() > width) node.fontSize(node.fontSize() * (width / node.width()));
    node.align('center');
    node.x(width / 2);
    node.y(height / 2);
    node.offsetX(node.width() / 2);
    node.offsetY(node.height() / 2);
    return true;
  }
}
