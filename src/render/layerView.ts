import Konva from 'konva';
import type { SceneLayer } from '../core/frame/frameState';
import type { Background } from '../core/schema';
import type { ImageSource } from './backend';
import { FadePicture, type FadeCanvases } from './fadePicture';
import { gradientLine } from './geometry/gradient';
import { ElementList } from './nodes/elementList';
import type { PaintUnit } from './stillPrefix';
import type { FrameContext } from './nodes/elementView';

/**
 * One scene (or the end card) on screen: its background and elements in a group that moves
 * (slides), fades (crossfades) and clips (wipes) as a whole.
 */
export class LayerView {
  readonly group = new Konva.Group();
  /** The renderer's sync pass that last placed this layer. */
  pass = 0;
  private readonly background = new Konva.Rect();
  private readonly content = new Konva.Group();
  private readonly elements = new ElementList(this.content);
  private readonly context: FrameContext;
  private backgroundSource: Background | null = null;
  private width = 0;
  private height = 0;
  private placed = false;
  private opacity = 1;
  private offsetX = 0;
  private offsetY = 0;
  private clipX = 0;
  private clipY = 0;
  private clipWidth = -1;
  private clipHeight = -1;
  /** The exporter's kept picture of this scene while it fades (fadePicture.ts); null in the editor. */
  private readonly fade: FadePicture | null;

  /** With `fadeCanvases`, a fading scene is drawn once and its picture kept while only its opacity changes. */
  constructor(images: ImageSource, fadeCanvases?: FadeCanvases) {
    this.context = { sceneTime: 0, fps: 30, images };
    this.group.add(this.background, this.content);
    this.fade = fadeCanvases ? new FadePicture(this.group, fadeCanvases) : null;
  }

  /**
   * True when anything this layer draws may have changed. With `units`, what it paints is added
   * to it in paint order (see PaintUnit): its background and each element while it is shown
   * plainly, else the whole layer as one unit (a fading scene is composited as one picture, a
   * wiping one is clipped).
   */
  update(layer: SceneLayer, width: number, height: number, fps: number, units?: PaintUnit[]): boolean {
    const background = this.updateBackground(layer.background, width, height);
    const placed = this.updatePlacement(layer);
    const placement = placed !== 'same';
    this.context.sceneTime = layer.sceneTime;
    this.context.fps = fps;
    const plain = units !== undefined && this.opacity === 1 && this.clipWidth < 0 && this.clipHeight < 0;
    if (!plain) {
      const content = this.elements.sync(layer.elements, this.context) || background;
      // Only a new opacity leaves the kept picture of a fading scene as it was. (A new offset
      // also changes the group's transform, which the picture checks itself; a new clip may
      // change the part of the frame Konva gives the scene.)
      if (content || placed === 'moved') this.fade?.invalidate();
      const changed = content || placement;
      units?.push({ node: this.group, changed });
      return changed;
    }
    this.fade?.release();
    const from = units.length;
    units.push({ node: this.background, changed: background });
    const elements = this.elements.sync(layer.elements, this.context, units);
    // A moved layer moves everything in it.
    if (placement) for (const unit of units.slice(from)) unit.changed = true;
    return background || placement || elements;
  }

  find(elementId: string): Konva.Node | undefined {
    return this.elements.find(elementId);
  }

  destroy(): void {
    this.fade?.release();
    this.elements.destroy();
    this.group.destroy();
  }

  private updateBackground(background: Background, width: number, height: number): boolean {
    const same = this.backgroundSource !== null && sameBackground(background, this.backgroundSource);
    if (same && width === this.width && height === this.height) return false;
    this.backgroundSource = background;
    this.width = width;
    this.height = height;
    const rect = this.background;
    rect.width(width);
    rect.height(height);
    if (background.type === 'solid') {
      rect.fillPriority('color');
      rect.fill(background.color);
      return true;
    }
    const line = gradientLine(background.angle, width, height);
    rect.fillPriority('linear-gradient');
    rect.fill(null);
    rect.fillLinearGradientStartPoint({ x: line.x0, y: line.y0 });
    rect.fillLinearGradientEndPoint({ x: line.x1, y: line.y1 });
    rect.fillLinearGradientColorStops(background.stops.flatMap((stop) => [stop.offset, stop.color]));
    return true;
  }

  /** What changed in where and how the layer is shown: nothing, only its opacity, or more. */
  private updatePlacement(layer: SceneLayer): 'same' | 'opacity' | 'moved' {
    const clip = layer.clip;
    // The clip is given in frame pixels; the group's own coordinates are shifted by the offset.
    const clipX = clip ? clip.x - layer.offsetX : 0;
    const clipY = clip ? clip.y - layer.offsetY : 0;
    const clipWidth = clip ? Math.max(0, clip.width) : -1;
    const clipHeight = clip ? Math.max(0, clip.height) : -1;
    const moved =
      !this.placed ||
      layer.offsetX !== this.offsetX ||
      layer.offsetY !== this.offsetY ||
      clipX !== this.clipX ||
      clipY !== this.clipY ||
      clipWidth !== this.clipWidth ||
      clipHeight !== this.clipHeight;
    if (!moved && layer.opacity === this.opacity) return 'same';
    this.placed = true;
    this.opacity = layer.opacity;
    this.offsetX = layer.offsetX;
    this.offsetY = layer.offsetY;
    this.clipX = clipX;
    this.clipY = clipY;
    this.clipWidth = clipWidth;
    this.clipHeight = clipHeight;
    const group = this.group;
    group.x(layer.offsetX);
    group.y(layer.offsetY);
    group.opacity(layer.opacity);
    group.visible(layer.opacity > 0 && clipWidth !== 0 && clipHeight !== 0);
    // A fading scene fades as one picture: its elements do not show its background through them.
    group.isolated(layer.opacity < 1);
    group.clipX(clip ? clipX : undefined);
    group.clipY(clip ? clipY : undefined);
    group.clipWidth(clip ? clipWidth : undefined);
    group.clipHeight(clip ? clipHeight : undefined);
    return moved ? 'moved' : 'opacity';
  }
}

/** Equal looks, even when the objects differ (cheap: a few fields). */
function sameBackground(a: Background, b: Background): boolean {
  if (a === b) return true;
  if (a.type === 'solid') return b.type === 'solid' && a.color === b.color;
  if (b.type !== 'gradient' || a.angle !== b.angle || a.stops.length !== b.stops.length) return false;
  return a.stops.every((stop, i) => stop.offset === b.stops[i]?.offset && stop.color === b.stops[i]?.color);
}
