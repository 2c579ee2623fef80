import Konva from 'konva';
import type { ImageElement } from '../../core/schema';
import type { DecodedImage } from '../backend';
import type { FrameContext } from './elementView';
import { IdentityView } from './elementView';

const PLACEHOLDER_FILL = '#b8b8c4';

/** The ellipse inside a width x height box, as the current path. */
function ellipse(context: Konva.Context, width: number, height: number): void {
  context.beginPath();
  context.ellipse(width / 2, height / 2, width / 2, height / 2, 0, 0, Math.PI * 2);
  context.closePath();
}

/**
 * The part of a picture that covers a width x height box keeping its proportions: the whole
 * of its shorter side, centred along the longer one. Null when the picture's size is unknown.
 */
export function coverCrop(
  image: DecodedImage,
  width: number,
  height: number,
): { x: number; y: number; width: number; height: number } | null {
  const size = image as { naturalWidth?: number; naturalHeight?: number; width?: unknown; height?: unknown };
  const iw = size.naturalWidth || (typeof size.width === 'number' ? size.width : 0);
  const ih = size.naturalHeight || (typeof size.height === 'number' ? size.height : 0);
  if (!(iw > 0 && ih > 0 && width > 0 && height > 0)) return null;
  const scale = Math.max(width / iw, height / ih);
  const w = width / scale;
  const h = height / scale;
  return { x: (iw - w) / 2, y: (ih - h) / 2, width: w, height: h };
}
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
      const round = el.mask === 'circle';
      if (round) {
        context.save();
        ellipse(context, width, height);
        context.clip();
      }
      if (this.image) {
        const crop = el.fit === 'cover' ? coverCrop(this.image, width, height) : null;
        if (crop === null) context.drawImage(this.image, 0, 0, width, height);
        else context.drawImage(this.image, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
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
      if (round) context.restore();
      // The element's own outline, if it has one, frames the picture.
      if (round) ellipse(context, width, height);
      else {
        context.beginPath();
        context.rect(0, 0, width, height);
      }
      context.strokeShape(shape);
    });
    // drawImage paints no hit region (Konva's hit canvas only takes fills and strokes in the
    // shape's colour key): the picture is picked by its box, or its circle when masked round.
    this.node.hitFunc((context, shape) => {
      const el = this.current;
      if (!el) return;
      if (el.mask === 'circle') ellipse(context, el.width, el.height);
      else {
        context.beginPath();
        context.rect(0, 0, el.width, el.height);
        context.closePath();
      }
      context.fillStrokeShape(shape);
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
