import Konva from 'konva';
import { drawingFrameIndex } from '../../core/frame/evaluate';
import type { BrushElement, BrushStroke, DrawingElement } from '../../core/schema';
import { brushBounds, strokeLength, traceBrushStroke } from '../geometry/brush';
import type { Bounds } from '../geometry/pathSink';
import type { FrameContext } from './elementView';
import { IdentityView } from './elementView';

/** Extra reach, in frame pixels, of a stroke's hit region around its outline. */
const HIT_SLOP = 16;

/** Strokes to paint and how much of them (by length), read by the shape's draw function. */
class StrokePainter {
  strokes: readonly BrushStroke[] = [];
  /** Pixels of the strokes to draw, in order; Infinity draws them all. */
  budget = Infinity;
  bounds: Bounds = { x: 0, y: 0, width: 0, height: 0 };

  set(strokes: readonly BrushStroke[], reveal: number): void {
    this.strokes = strokes;
    this.bounds = brushBounds(strokes);
    if (reveal >= 1) {
      this.budget = Infinity;
      return;
    }
    let total = 0;
    for (const stroke of strokes) total += strokeLength(stroke);
    this.budget = reveal <= 0 ? -1 : total * reveal;
  }

  createShape(): Konva.Shape {
    return new Konva.Shape({
      sceneFunc: (context) => {
        let budget = this.budget;
        for (const stroke of this.strokes) {
          if (budget < 0) break;
          context.beginPath();
          traceBrushStroke(context, stroke, budget);
          context.setAttr('fillStyle', stroke.color);
          context.fill();
          if (budget !== Infinity) budget -= strokeLength(stroke);
        }
      },
      // The scene function fills in each stroke's own colour, which the hit canvas cannot read
      // as this shape: the hit region is the same outlines in the shape's colour key, widened
      // so a thin stroke can still be caught with the pointer.
      hitFunc: (context, shape) => {
        let budget = this.budget;
        context.beginPath();
        for (const stroke of this.strokes) {
          if (budget < 0) break;
          traceBrushStroke(context, stroke, budget);
          if (budget !== Infinity) budget -= strokeLength(stroke);
        }
        context.fillShape(shape);
        context.setAttr('strokeStyle', shape.colorKey);
        context.setAttr('lineWidth', HIT_SLOP);
        context.setAttr('lineJoin', 'round');
        context.stroke();
      },
      selfRectFunc: () => this.bounds,
    });
  }
}

/** Pressure-aware brush strokes, drawn on over time by `reveal`. */
export class BrushView extends IdentityView<BrushElement, Konva.Shape> {
  private readonly painter: StrokePainter;

  constructor() {
    const painter = new StrokePainter();
    super(painter.createShape(), 'brush');
    this.painter = painter;
  }

  protected apply(el: BrushElement): void {
    this.painter.set(el.strokes, el.reveal);
  }
}

/** Frame-by-frame hand drawing: shows the frame the scene time falls on. */
export class DrawingView extends IdentityView<DrawingElement, Konva.Shape> {
  private readonly painter: StrokePainter;
  private frameIndex = -1;

  constructor() {
    const painter = new StrokePainter();
    super(painter.createShape(), 'drawing');
    this.painter = painter;
  }

  protected apply(el: DrawingElement, frame: FrameContext): void {
    this.frameIndex = -1;
    this.refresh(el, frame);
  }

  protected override refresh(el: DrawingElement, frame: FrameContext): boolean {
    const index = drawingFrameIndex(el, frame.sceneTime, frame.fps);
    if (index === this.frameIndex) return false;
    this.frameIndex = index;
    this.painter.set(el.frames[index]?.strokes ?? [], 1);
    return true;
  }
}
