import Konva from 'konva';
import type { Element, GroupElement } from '../../core/schema';
import {
  EllipseView,
  LineView,
  PathView,
  PolygonView,
  RectView,
  StarView,
  TextView,
  lineVariant,
} from './basicShapes';
import { BubbleView } from './bubbleView';
import { BrushView, DrawingView } from './brushView';
import type { ElementView, FrameContext } from './elementView';
import { applyTransform } from './elementView';
import { ImageView } from './imageView';
import type { PaintUnit } from '../stillPrefix';

interface Entry {
  view: ElementView;
  /** The sync pass that last placed this entry; older entries are gone from the list. */
  seen: number;
}

/**
 * Keeps a Konva container's children in step with a list of elements: one view per element
 * id, reused across frames, in paint order; views whose element disappeared are destroyed.
 */
export class ElementList {
  private readonly entries = new Map<string, Entry>();
  private pass = 0;

  constructor(private readonly container: Konva.Group) {}

  /**
   * True when anything this list draws may have changed. With `units`, each element's node is
   * added to it in paint order, with whether that element may have changed.
   */
  sync(elements: readonly Element[], frame: FrameContext, units?: PaintUnit[]): boolean {
    const pass = ++this.pass;
    let changed = false;
    let position = 0;
    for (const el of elements) {
      let entry = this.entries.get(el.id);
      let moved = false;
      if (entry !== undefined && entry.view.variant !== variantOf(el)) {
        entry.view.destroy();
        entry = undefined;
      }
      if (entry === undefined) {
        entry = { view: createView(el), seen: 0 };
        this.entries.set(el.id, entry);
        this.container.add(entry.view.node);
        moved = true;
      }
      // A repeated id in one list is drawn once, at its first place.
      if (entry.seen === pass) continue;
      entry.seen = pass;
      if (entry.view.update(el, frame)) moved = true;
      if (entry.view.node.zIndex() !== position) {
        entry.view.node.zIndex(position);
        moved = true;
      }
      units?.push({ node: entry.view.node, changed: moved });
      if (moved) changed = true;
      position++;
    }
    if (this.entries.size > position) {
      for (const [id, entry] of this.entries) {
        if (entry.seen === pass) continue;
        entry.view.destroy();
        this.entries.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  /** The node drawing the element with this id, searching inside groups too. */
  find(id: string): Konva.Node | undefined {
    const entry = this.entries.get(id);
    if (entry) return entry.view.node;
    for (const { view } of this.entries.values()) {
      if (view instanceof GroupView) {
        const found = view.children.find(id);
        if (found) return found;
      }
    }
    return undefined;
  }

  destroy(): void {
    for (const entry of this.entries.values()) entry.view.destroy();
    this.entries.clear();
  }
}

/** Elements grouped to move together; its children are kept by their own list. */
class GroupView implements ElementView {
  readonly node = new Konva.Group();
  readonly variant = 'group';
  readonly children = new ElementList(this.node);
  private current: GroupElement | null = null;

  update(el: Element, frame: FrameContext): boolean {
    const group = el as GroupElement;
    let changed = false;
    if (group !== this.current) {
      this.current = group;
      applyTransform(this.node, group);
      // A translucent group fades as one picture, not child by child.
      this.node.isolated(group.opacity < 1);
      changed = true;
    }
    // Always visited: a drawing or a late image inside a still group can change on its own.
    return this.children.sync(group.children, frame) || changed;
  }

  destroy(): void {
    this.children.destroy();
    this.node.destroy();
  }
}

function variantOf(el: Element): string {
  return el.kind === 'line' ? lineVariant(el.arrowStart || el.arrowEnd) : el.kind;
}

function createView(el: Element): ElementView {
  switch (el.kind) {
    case 'rect':
      return new RectView();
    case 'ellipse':
      return new EllipseView();
    case 'star':
      return new StarView();
    case 'polygon':
      return new PolygonView();
    case 'line':
      return new LineView(el.arrowStart || el.arrowEnd);
    case 'bubble':
      return new BubbleView();
    case 'path':
      return new PathView();
    case 'brush':
      return new BrushView();
    case 'drawing':
      return new DrawingView();
    case 'text':
      return new TextView();
    case 'image':
      return new ImageView();
    case 'group':
      return new GroupView();
  }
}
