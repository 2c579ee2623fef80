import type Konva from 'konva';
import type { RenderBackend } from './backend';

/**
 * The picture of a fading scene, kept while only its opacity changes. A crossfade (or the end
 * card fading in) shows the same scene at a new opacity each frame; Konva draws a fading group as
 * one picture (it is isolated: its children into a surface of their own, then that surface over
 * the frame with the group's opacity), so every frame of the fade drew the whole scene again
 * (background gradient, every element) only to lay it down a little more opaque. Half a second
 * of fade is 15 such frames.
 *
 * The first frame is drawn by Konva itself; the pixels of its surface are kept, and the frames
 * after it lay down those very pixels, with the same call Konva uses and the new opacity. So each
 * frame is byte for byte what Konva draws (tests/unit/render/stillPrefix.test.ts compares every
 * frame of the sample, the templates and a project of every element kind with a full draw).
 * Anything else about the scene changing (an element, the background, where the group is, the
 * frame's size) draws it afresh. For the exporter, beside the still prefix; the preview draws
 * as before.
 */
export class FadePicture {
  private picture: HTMLCanvasElement | null = null;
  private region: IsolationRegion | null = null;
  /** The group's transform on the canvas when the picture was kept: the picture is only valid there. */
  private matrix: readonly number[] = [];
  private stale = true;
  private readonly konvaDraw: DrawChildNodes;

  constructor(
    private readonly group: Konva.Group,
    private readonly canvases: FadeCanvases,
  ) {
    const internals = group as unknown as GroupInternals;
    this.konvaDraw = internals._drawChildNodes;
    // A Konva without these internals draws the group as it always does (and the test that
    // counts kept pictures fails).
    if (typeof this.konvaDraw !== 'function') return;
    internals._drawChildNodes = (drawMethod, canvas, top) => this.drawChildNodes(drawMethod, canvas, top);
  }

  /** What the group draws has changed (not only its opacity): the next frame draws it afresh. */
  invalidate(): void {
    this.stale = true;
  }

  /** Gives the kept picture's canvas back (the scene stopped fading, or left). */
  release(): void {
    if (this.picture !== null) this.canvases.give(this.picture);
    this.picture = null;
    this.region = null;
    this.stale = true;
  }

  private drawChildNodes(
    drawMethod: string,
    canvas: SceneCanvasInternals,
    top: Konva.Node | undefined,
  ): void {
    const group = this.group;
    const isolated = drawMethod === 'drawScene' && group.isolated() && top !== group;
    const context = canvas.getContext();
    if (
      !isolated ||
      canvas.width === 0 ||
      canvas.height === 0 ||
      typeof context._drawDeviceBuffer !== 'function'
    ) {
      this.konvaDraw.call(group, drawMethod, canvas, top);
      return;
    }
    const matrix = group.getAbsoluteTransform(top).getMatrix();
    if (!this.stale && this.picture !== null && this.region !== null && sameMatrix(matrix, this.matrix)) {
      this.drawKept(context, { _isolationRect: this.region, _canvas: this.picture });
      return;
    }
    // Konva draws it; its surface's pixels are kept on their way onto the frame. Until they
    // are, nothing is kept (Konva lays down no surface for a group with nothing to draw).
    this.stale = true;
    const own = context._drawDeviceBuffer;
    context._drawDeviceBuffer = (surface) => {
      this.keep(surface, matrix);
      own.call(context, surface);
    };
    try {
      this.konvaDraw.call(group, drawMethod, canvas, top);
    } finally {
      delete (context as Partial<ContextInternals>)._drawDeviceBuffer;
    }
  }

  /** What Konva's isolated group does once its children are drawn, from the kept pixels. */
  private drawKept(context: ContextInternals, kept: IsolationSurface): void {
    context.save();
    try {
      context._applyOpacity(this.group);
      context._drawDeviceBuffer(kept);
    } finally {
      context.restore();
    }
  }

  private keep(surface: IsolationSurface, matrix: readonly number[]): void {
    const region = { ...surface._isolationRect };
    const { width, height } = region;
    this.picture ??= this.canvases.take(width, height);
    if (this.picture.width !== width || this.picture.height !== height) {
      // A new size is a new surface: the old one is freed at once.
      this.picture.width = width;
      this.picture.height = height;
    }
    const context = this.picture.getContext('2d');
    if (context === null) throw new Error('The canvas has no 2D context.');
    // An exact copy of the surface's premultiplied pixels: replaced, unscaled, unsmoothed.
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.globalAlpha = 1;
    context.globalCompositeOperation = 'copy';
    context.imageSmoothingEnabled = false;
    context.drawImage(surface._canvas, 0, 0, width, height, 0, 0, width, height);
    context.restore();
    this.region = region;
    this.matrix = [...matrix];
    this.stale = false;
  }
}

/**
 * The canvases kept fade pictures are drawn into, reused from one fade to the next. A canvas of
 * its own for each fade would be an 8 MB surface that, once dropped, waits for a full collection
 * (it outlives a few frames, so it is no longer young): the 60 s bench video's export peaked
 * 50 MB higher. One renderer holds them; a fade takes one and gives it back.
 */
export class FadeCanvases {
  private readonly free: HTMLCanvasElement[] = [];

  constructor(private readonly backend: RenderBackend) {}

  take(width: number, height: number): HTMLCanvasElement {
    return this.free.pop() ?? this.backend.createCanvas(width, height);
  }

  give(canvas: HTMLCanvasElement): void {
    if (!this.free.includes(canvas)) this.free.push(canvas);
  }

  /** Frees every surface (the renderer is closed). */
  destroy(): void {
    for (const canvas of this.free.splice(0)) {
      canvas.width = 0;
      canvas.height = 0;
    }
  }
}

function sameMatrix(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/*
 * The Konva internals this relies on (konva 10.9): a Group's isolated branch of
 * `_drawChildNodes`, and the context's `_drawDeviceBuffer`, which lays a surface's
 * `_isolationRect` onto the canvas at that place.
 */
interface IsolationRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface IsolationSurface {
  readonly _isolationRect: IsolationRegion;
  readonly _canvas: HTMLCanvasElement;
}

interface ContextInternals {
  _drawDeviceBuffer(surface: IsolationSurface): void;
  _applyOpacity(node: Konva.Node): void;
  save(): void;
  restore(): void;
}

interface SceneCanvasInternals {
  readonly width: number;
  readonly height: number;
  getContext(): ContextInternals;
}

type DrawChildNodes = (drawMethod: string, canvas: SceneCanvasInternals, top: Konva.Node | undefined) => void;

interface GroupInternals {
  _drawChildNodes: DrawChildNodes;
}
