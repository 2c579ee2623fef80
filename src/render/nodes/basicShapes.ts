import Konva from 'konva';
import { fontStack } from '../../core/fonts';
import type {
  EllipseElement,
  LineElement,
  PathElement,
  PolygonElement,
  RectElement,
  StarElement,
  TextElement,
} from '../../core/schema';
import { revealPolyline } from '../geometry/polyline';
import { IdentityView, applyPaint } from './elementView';

export class RectView extends IdentityView<RectElement, Konva.Rect> {
  constructor() {
    super(new Konva.Rect(), 'rect');
  }
  protected apply(el: RectElement): void {
    applyPaint(this.node, el);
    this.node.width(el.width);
    this.node.height(el.height);
    this.node.cornerRadius(el.cornerRadius);
  }
}

export class EllipseView extends IdentityView<EllipseElement, Konva.Ellipse> {
  constructor() {
    super(new Konva.Ellipse({ radiusX: 1, radiusY: 1 }), 'ellipse');
  }
  protected apply(el: EllipseElement): void {
    applyPaint(this.node, el);
    this.node.radiusX(el.radiusX);
    this.node.radiusY(el.radiusY);
  }
}

export class StarView extends IdentityView<StarElement, Konva.Star> {
  constructor() {
    super(new Konva.Star({ numPoints: 5, innerRadius: 1, outerRadius: 2 }), 'star');
  }
  protected apply(el: StarElement): void {
    applyPaint(this.node, el);
    this.node.numPoints(el.points);
    this.node.innerRadius(el.innerRadius);
    this.node.outerRadius(el.outerRadius);
  }
}

export class PolygonView extends IdentityView<PolygonElement, Konva.RegularPolygon> {
  constructor() {
    super(new Konva.RegularPolygon({ sides: 3, radius: 1 }), 'polygon');
  }
  protected apply(el: PolygonElement): void {
    applyPaint(this.node, el);
    this.node.sides(el.sides);
    this.node.radius(el.radius);
  }
}

/** A polyline, or an arrow when it has a head at either end (Konva draws those as another node). */
export class LineView extends IdentityView<LineElement, Konva.Line | Konva.Arrow> {
  constructor(withArrow: boolean) {
    const config = { lineCap: 'round', lineJoin: 'round' } as const;
    super(
      withArrow ? new Konva.Arrow({ ...config, points: [] }) : new Konva.Line(config),
      lineVariant(withArrow),
    );
  }
  protected apply(el: LineElement): void {
    const node = this.node;
    const points = revealPolyline(el.points, el.reveal);
    node.points(points);
    node.tension(el.tension);
    node.stroke(el.stroke);
    node.strokeWidth(el.strokeWidth);
    node.dash(el.dash ?? []);
    node.dashEnabled(el.dash !== undefined && el.dash.length > 0);
    if (node instanceof Konva.Arrow) {
      // Heads in the line's colour, sized to its width.
      const head = Math.max(8, el.strokeWidth * 3);
      node.fill(el.stroke);
      node.pointerLength(head);
      node.pointerWidth(head);
      node.pointerAtBeginning(el.arrowStart);
      node.pointerAtEnding(el.arrowEnd);
    }
    if (points.length < 4 || el.stroke === null || el.strokeWidth <= 0) node.visible(false);
  }
}

export function lineVariant(withArrow: boolean): string {
  return withArrow ? 'arrow' : 'line';
}

/**
 * An SVG path. While `reveal` < 1 only the first part of its outline is drawn (a dash as long
 * as the revealed part); the fill appears once the outline is complete. A path with no
 * outline draws on in its fill colour.
 */
export class PathView extends IdentityView<PathElement, Konva.Path> {
  constructor() {
    super(new Konva.Path({ lineCap: 'round', lineJoin: 'round' }), 'path');
  }
  protected apply(el: PathElement): void {
    const node = this.node;
    node.data(el.data);
    applyPaint(node, el);
    if (el.reveal >= 1) {
      node.dashEnabled(false);
      node.fillEnabled(true);
      return;
    }
    const length = node.getLength();
    const stroke = el.stroke ?? el.fill;
    if (el.reveal <= 0 || stroke === null || length <= 0) {
      node.visible(false);
      return;
    }
    node.fillEnabled(false);
    node.stroke(stroke);
    node.strokeWidth(el.stroke !== null && el.strokeWidth > 0 ? el.strokeWidth : 4);
    node.strokeEnabled(true);
    node.dash([length * el.reveal, length + 1]);
    node.dashOffset(0);
    node.dashEnabled(true);
  }
}

/** Text in the app's fonts, falling back to colour emoji. */
export class TextView extends IdentityView<TextElement, Konva.Text> {
  constructor() {
    // Round joins keep thick outlines from spiking at sharp glyph corners.
    super(new Konva.Text({ wrap: 'word', lineJoin: 'round' }), 'text');
  }
  protected apply(el: TextElement): void {
    const node = this.node;
    applyPaint(node, el);
    node.text(el.text);
    node.fontFamily(fontStack(el.fontFamily));
    node.fontSize(el.fontSize);
    node.fontStyle(el.fontWeight === 'bold' ? 'bold' : 'normal');
    node.align(el.align);
    // No width means one line per paragraph, as wide as the text (Konva's 'auto').
    node.width(el.width);
    node.lineHeight(el.lineHeight);
    // Outline first, fill over it: no seams inside the glyphs.
    node.fillAfterStrokeEnabled(el.stroke !== null);
  }
}
