import Konva from 'konva';
import type { ImageElement } from '../../core/schema';
import type { DecodedImage } from '../backend';
import type { FrameContext } from './elementView';
import { IdentityView } from './elementView';

const PLACEHOLDER_FILL = '#b8b8c4';
const PLACEHOLDER_LINE = '#5c5c6b';

/**
 * A picture from the project's assets, scaled into its box. While the picture is missing (or
 * still loading in the editor) a grey box with a crossed outline stands in, so the creator
 * sees where it goes and the export never fails over it.
 */
export class ImageView extends IdentityView<ImageElement, Konva.Shape> {
  private image: DecodedImage | null = null;

  constructor() {
    super(new Konva.Shape(), 'image');
    this.node.sceneFunc((context, shape) => {
      const el = this.current;
      if (!el) return;
      const { width, height } = el;
      if (this.image) {
        context.drawImage(this.image, 0, 0, width, height);
      } else {
        context.setAttr('fillStyle', PLACEHOLDER_FILL);
        context.fillRect(0, 0, width, height);
        const line = Math.max(2, Math.min(width, height) * 0.02);
        context.beginPath();
        context.rect(line / 2, line / 2, width - line, height - line);
        context.moveTo(line / 2, line / 2);
        context.lineTo(width - line / 2, height - line / 2);
        context.moveTo(width - line / 2, line / 2);
        context.lineTo(line / 2, height - line / 2);
        context.setAttr('strokeStyle', PLACEHOLDER_LINE);
        context.setAttr('lineWidth', line);
        context.stroke();
      }
      // The element's own outline, if it has one, frames the picture.
      context.beginPath();
      context.rect(0, 0, width, height);
      context.strokeShape(shape);
    });
    this.node.selfRectFunc(() => {
      const el = this.current;
      return { x: 0, y: 0, width: el?.width ?? 0, height: el?.height ?? 0 };
    });
  }

  protected apply(el: ImageElement, frame: FrameContext): void {
    this.node.stroke(el.stroke);
    this.node.strokeWidth(el.strokeWidth);
    this.node.strokeEnabled(el.stroke !== null && el.strokeWidth > 0);
    this.image = frame.images(el.assetId);
  }

  protected override refresh(el: ImageElement, frame: FrameContext): boolean {
    // The editor decodes pictures in the background: pick one up as soon as it is ready.
    const image = frame.images(el.assetId);
    if (image === this.image) return false;
    this.image = image;
    return true;
  }
}
