import type Konva from 'konva';
import type { RenderBackend } from './backend';

/**
 * One node the renderer paints as a whole, in paint order, and whether what it draws may have
 * changed since the frame before. Its ancestors below the layer must draw nothing of their own
 * (no clip, no isolation, no blending), so that painting the units one after another is exactly
 * what drawing the layer does.
 */
export interface PaintUnit {
  readonly node: Konva.Node;
  changed: boolean;
}

/** Frames a unit must stay unchanged before it joins the kept picture (one frame is a pause). */
const STILL_FRAMES = 2;

/**
 * Keeps the picture of the bottom of the frame that has stopped changing (the base, a scene's
 * background, the elements under the first moving one) and starts each frame from it instead of
 * drawing those again. Drawing the rest over the very pixels the full draw would have under it
 * gives the very same frame: the kept picture is opaque and copied unscaled, so the result is
 * byte for byte the full draw's (tests/unit/render/stillPrefix.test.ts checks every frame of the
 * sample, the templates and every kind of element). For the exporter: the editor's preview draws
 * the whole layer as before.
 */
export class StillPrefix {
  /** The units the kept picture shows, bottom first. */
  private kept: Konva.Node[] = [];
  private picture: HTMLCanvasElement | null = null;
  private stillFor = new WeakMap<Konva.Node, number>();

  constructor(private readonly backend: RenderBackend) {}

  /** Draws the layer's frame from `units` (all of the layer's content, in paint order). */
  draw(layer: Konva.Layer, units: readonly PaintUnit[]): void {
    for (const unit of units) {
      this.stillFor.set(unit.node, unit.changed ? 0 : (this.stillFor.get(unit.node) ?? 0) + 1);
    }
    const keptValid = this.kept.every((node, i) => units[i]?.node === node && !units[i].changed);
    if (!keptValid) this.kept = [];
    const from = this.kept.length;
    let to = 0;
    while (to < units.length && (to < from || this.isStill(units[to] as PaintUnit))) to++;
    // Only the base would be kept: copying it costs what drawing it does.
    if (to < 2) {
      this.kept = [];
      layer.draw();
      return;
    }
    const canvas = layer.getCanvas();
    const target = layer.getNativeCanvasElement();
    // Cleared first even when the kept picture then covers every pixel: see clearWhole.
    clearWhole(canvas);
    if (from > 0 && this.picture !== null) copyPicture(this.picture, target);
    for (let i = from; i < units.length; i++) {
      if (i === to && to > from) this.keep(units, to, target);
      (units[i] as PaintUnit).node.drawScene(canvas);
    }
    if (to === units.length && to > from) this.keep(units, to, target);
    // As Layer.drawScene does after drawing its children.
    canvas._trimIsolationCanvas();
  }

  /** Forgets the kept picture (the renderer's nodes were replaced). */
  reset(): void {
    this.kept = [];
    this.stillFor = new WeakMap();
  }

  destroy(): void {
    this.reset();
    this.picture = null;
  }

  private isStill(unit: PaintUnit): boolean {
    return !unit.changed && (this.stillFor.get(unit.node) ?? 0) >= STILL_FRAMES;
  }

  /** The canvas as it is now (units 0..count-1 drawn) becomes the kept picture. */
  private keep(units: readonly PaintUnit[], count: number, from: HTMLCanvasElement): void {
    if (this.picture === null || this.picture.width !== from.width || this.picture.height !== from.height) {
      this.picture = this.backend.createCanvas(from.width, from.height);
    }
    copyPicture(from, this.picture);
    this.kept = units.slice(0, count).map((unit) => unit.node);
  }
}

/**
 * Clears the whole canvas. On @napi-rs/canvas a clear of the whole canvas (no transform, no clip,
 * nothing saved) also drops the drawing commands it keeps since the last readback, among them a
 * snapshot of the pixels it takes at each readback. Without the clear, that snapshot is still
 * held when the next frame is drawn, and Skia first copies all 8 MB of the surface for it (copy
 * on write): 0.8 ms a frame, against 0.4 ms for the clear. stillPrefix.test.ts checks that every
 * frame drawn from the kept picture starts with it.
 */
function clearWhole(canvas: ReturnType<Konva.Layer['getCanvas']>): void {
  canvas.getContext().clear();
}

/**
 * `from`'s pixels into `to`, replacing them (same size, no scaling: an exact copy). `from` is
 * always opaque (drawn over the renderer's opaque base), so drawing it over `to` replaces every
 * pixel: the very bytes 'copy' gives, and cheaper in Skia (0.2 ms a frame on the sample).
 */
function copyPicture(from: HTMLCanvasElement, to: HTMLCanvasElement): void {
  const context = to.getContext('2d');
  if (context === null) throw new Error('The canvas has no 2D context.');
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = 1;
  context.globalCompositeOperation = 'source-over';
  context.drawImage(from, 0, 0);
  context.restore();
}
