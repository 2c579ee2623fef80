import type Konva from 'konva';
import type { Element } from '../../core/schema';
import type { ImageSource } from '../backend';

/** What a view needs beyond the element itself; one mutable object per layer, reused every frame. */
export interface FrameContext {
  /** Seconds since the layer's scene started (picks a drawing's hand-drawn frame). */
  sceneTime: number;
  fps: number;
  images: ImageSource;
}

/**
 * The Konva node(s) that draw one element, kept across frames. `variant` is the kind of node
 * it is: when an element would need another kind (a line gaining an arrow head), the view is
 * replaced rather than updated.
 */
export interface ElementView {
  readonly node: Konva.Group | Konva.Shape;
  readonly variant: string;
  /** Brings the nodes up to date with `el`; true when what they draw may have changed. */
  update(el: Element, frame: FrameContext): boolean;
  destroy(): void;
}

/**
 * A view that re-applies an element only when its object identity changes (evaluate hands
 * back the very object for everything that does not animate).
 */
export abstract class IdentityView<
  E extends Element,
  N extends Konva.Group | Konva.Shape,
> implements ElementView {
  protected current: E | null = null;

  constructor(
    readonly node: N,
    readonly variant: string,
  ) {}

  update(el: Element, frame: FrameContext): boolean {
    if (el === this.current) return this.refresh(el as E, frame);
    this.current = el as E;
    applyTransform(this.node, el);
    this.apply(el as E, frame);
    return true;
  }

  /** Sets every attribute that depends on the element (the transform is already set). */
  protected abstract apply(el: E, frame: FrameContext): void;

  /** Catches changes that do not come with a new element object (time, a late image). */
  protected refresh(_el: E, _frame: FrameContext): boolean {
    return false;
  }

  destroy(): void {
    this.node.destroy();
  }
}

/** Position, anchor, scale, rotation, opacity and visibility, shared by every element. */
export function applyTransform(node: Konva.Node, el: Element): void {
  node.x(el.x);
  node.y(el.y);
  node.offsetX(el.anchorX);
  node.offsetY(el.anchorY);
  node.scaleX(el.scaleX);
  node.scaleY(el.scaleY);
  node.rotation(el.rotation);
  node.opacity(el.opacity);
  node.visible(el.visible && el.opacity > 0);
}

/** Fill and outline; null means none. */
export function applyPaint(shape: Konva.Shape, el: Element): void {
  shape.fill(el.fill);
  shape.stroke(el.stroke);
  shape.strokeWidth(el.strokeWidth);
  shape.strokeEnabled(el.stroke !== null && el.strokeWidth > 0);
}
