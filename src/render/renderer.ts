import Konva from 'konva';
import type { FrameState } from '../core/frame/frameState';
import type { ImageSource, MeasureText, RenderBackend } from './backend';
import { browserBackend } from './backends/browser';
import { CaptionView } from './caption/captionView';
import { FadeCanvases } from './fadePicture';
import type { CaptionLayout } from './caption/layout';
import { LayerView } from './layerView';
import { StillPrefix, type PaintUnit } from './stillPrefix';
import { WatermarkView } from './watermark';

export interface RendererOptions {
  /** Size of the canvas in CSS pixels. A frame of another size is scaled to fit it exactly. */
  readonly width: number;
  readonly height: number;
  /** Canvas pixels per CSS pixel (editor on a high-density screen); 1 for export. */
  readonly pixelRatio?: number;
  /** The editor's element to show the canvas in; none in Node (or for an off-screen renderer). */
  readonly container?: HTMLDivElement;
  /** Where pictures come from; without it every picture shows its placeholder. */
  readonly images?: ImageSource;
  /** Text drawn large and faint across every frame (the draft preset's "DRAFT"); null for none. */
  readonly watermark?: string | null;
  /** Measures caption text; by default a canvas of the backend measures with the real fonts. */
  readonly measureText?: MeasureText;
  /** The canvas platform: `installKonvaNodeBackend()` in Node; the browser's by default. */
  readonly backend?: RenderBackend;
  /** Let the editor pick elements with the pointer (draws Konva's hit canvas too). Default false. */
  readonly listening?: boolean;
  /**
   * Start each frame from a kept picture of the bottom of the frame that stopped changing
   * (stillPrefix.ts): the same pixels, less drawing. For the exporter; default false.
   */
  readonly keepStillPrefix?: boolean;
}

/** A rectangle of whole canvas pixels. */
export interface PixelRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Renderer {
  /** The Konva stage, for the editor (selection handles, pointer events). */
  readonly stage: Konva.Stage;
  /**
   * Brings the canvas up to date with a frame. Returns false when nothing changed since the
   * previous draw (the pixels are left as they were, so an exporter can reuse them).
   */
  draw(frame: FrameState): boolean;
  /** The pixels as RGBA bytes, row by row, every pixel opaque. */
  readRgba(): Uint8Array;
  /**
   * The pixels of one rectangle of the canvas (canvas pixels, clamped to it) as RGBA bytes, row
   * by row: a check that needs a caption's few rows reads those, not the whole frame.
   */
  readRgbaRegion(region: PixelRegion): { rgba: Uint8Array | Uint8ClampedArray; region: PixelRegion };
  /** The pixels as a PNG file. */
  toPngBuffer(): Uint8Array;
  /** The Konva node drawing an element of a layer (scene id), for the editor. */
  findNode(layerKey: string, elementId: string): Konva.Node | undefined;
  /** How the current caption was laid out (e.g. to warn that it overflows), or null. */
  captionLayout(): CaptionLayout | null;
  /** Forgets every node, so the next draw rebuilds everything (e.g. after fonts finished loading). */
  invalidate(): void;
  destroy(): void;
}

const NO_IMAGES: ImageSource = () => null;

/**
 * Runs `work` with Konva's automatic redraws off: every attribute change would otherwise
 * schedule a redraw of its own, on top of the one draw() does.
 */
function withoutAutoDraw<T>(work: () => T): T {
  const autoDraw = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    return work();
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
}

/** Draws FrameStates with Konva into one canvas, reusing nodes from frame to frame. */
export function createRenderer(options: RendererOptions): Renderer {
  return withoutAutoDraw(() => buildRenderer(options));
}

function buildRenderer(options: RendererOptions): Renderer {
  const { width, height } = options;
  const backend = options.backend ?? browserBackend;
  const images = options.images ?? NO_IMAGES;
  // Konva needs a container in a browser; an off-screen renderer (thumbnails) gets a detached one.
  const container = options.container ?? (Konva.isBrowser ? document.createElement('div') : undefined);
  const stage = new Konva.Stage({ width, height, ...(container ? { container } : {}) });
  // One layer is one canvas: one readback per frame, and the preview shows the same pixels.
  const layer = new Konva.Layer({ listening: options.listening ?? false });
  stage.add(layer);
  if (options.pixelRatio !== undefined) layer.getCanvas().setPixelRatio(options.pixelRatio);

  // An opaque base: exported pixels are never transparent, whatever the scenes leave uncovered.
  const base = new Konva.Rect({ width, height, fill: '#000000', listening: false });
  layer.add(base);
  const root = new Konva.Group();
  const scenes = new Konva.Group();
  const caption = new CaptionView(options.measureText ?? canvasMeasure());
  root.add(scenes, caption.node);
  const watermark = options.watermark ? new WatermarkView(options.watermark) : null;
  if (watermark) root.add(watermark.node);
  layer.add(root);

  const stillPrefix = options.keepStillPrefix ? new StillPrefix(backend) : null;
  const fadeCanvases = options.keepStillPrefix ? new FadeCanvases(backend) : undefined;
  /** What this frame paints, in order, while the still prefix is kept. */
  const units: PaintUnit[] = [];
  let views = new Map<string, LayerView>();
  let pass = 0;
  let drawn = false;
  let destroyed = false;
  let frameWidth = 0;
  let frameHeight = 0;

  function syncLayers(frame: FrameState, paint: PaintUnit[] | undefined): boolean {
    const thisPass = ++pass;
    let changed = false;
    let position = 0;
    for (const sceneLayer of frame.layers) {
      let view = views.get(sceneLayer.key);
      if (view === undefined) {
        view = new LayerView(images, fadeCanvases);
        views.set(sceneLayer.key, view);
        scenes.add(view.group);
        changed = true;
      }
      if (view.pass === thisPass) continue; // the same scene twice in one frame: drawn once
      view.pass = thisPass;
      if (view.update(sceneLayer, frame.width, frame.height, frame.fps, paint)) changed = true;
      if (view.group.zIndex() !== position) {
        view.group.zIndex(position);
        changed = true;
      }
      position++;
    }
    if (views.size > position) {
      for (const [key, view] of views) {
        if (view.pass === thisPass) continue;
        view.destroy();
        views.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  function fitFrame(frame: FrameState): boolean {
    if (frame.width === frameWidth && frame.height === frameHeight) return false;
    frameWidth = frame.width;
    frameHeight = frame.height;
    root.scaleX(width / frame.width);
    root.scaleY(height / frame.height);
    watermark?.fit(frame.width, frame.height);
    return true;
  }

  function assertAlive(): void {
    if (destroyed) throw new Error('This renderer was closed; create a new one to draw again.');
  }

  return {
    stage,

    draw(frame) {
      assertAlive();
      let changed = !drawn;
      units.length = 0;
      const paint = stillPrefix === null ? undefined : units;
      withoutAutoDraw(() => {
        const fitted = fitFrame(frame);
        paint?.push({ node: base, changed: !drawn });
        const layers = syncLayers(frame, paint);
        const captionChanged = caption.update(frame.caption, frame.width, frame.height);
        paint?.push({ node: caption.node, changed: captionChanged });
        if (watermark) paint?.push({ node: watermark.node, changed: fitted });
        // A new frame size moves everything.
        if (fitted) for (const unit of units) unit.changed = true;
        if (fitted || layers || captionChanged) changed = true;
      });
      if (changed) {
        if (stillPrefix === null) layer.draw();
        else stillPrefix.draw(layer, units);
      }
      drawn = true;
      return changed;
    },

    readRgba() {
      assertAlive();
      return backend.readRgba(layer.getNativeCanvasElement());
    },

    readRgbaRegion(wanted) {
      assertAlive();
      const canvas = layer.getNativeCanvasElement();
      const x = Math.max(0, Math.min(canvas.width - 1, Math.floor(wanted.x)));
      const y = Math.max(0, Math.min(canvas.height - 1, Math.floor(wanted.y)));
      const width = Math.max(1, Math.min(canvas.width - x, Math.ceil(wanted.x + wanted.width) - x));
      const height = Math.max(1, Math.min(canvas.height - y, Math.ceil(wanted.y + wanted.height) - y));
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('The canvas has no 2D context.');
      return { rgba: context.getImageData(x, y, width, height).data, region: { x, y, width, height } };
    },

    toPngBuffer() {
      assertAlive();
      return backend.encodePng(layer.getNativeCanvasElement());
    },

    findNode(layerKey, elementId) {
      return views.get(layerKey)?.find(elementId);
    },

    captionLayout() {
      return caption.currentLayout();
    },

    invalidate() {
      withoutAutoDraw(() => {
        for (const view of views.values()) view.destroy();
        views = new Map();
        caption.update(null, frameWidth, frameHeight);
      });
      frameWidth = 0;
      frameHeight = 0;
      drawn = false;
      stillPrefix?.reset();
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      stillPrefix?.destroy();
      units.length = 0;
      withoutAutoDraw(() => {
        for (const view of views.values()) view.destroy();
        views.clear();
        stage.destroy();
      });
      fadeCanvases?.destroy();
    },
  };
}

/** Measures with a scratch canvas of Konva's own factory, so it uses the fonts Konva draws with. */
function canvasMeasure(): MeasureText {
  let context: CanvasRenderingContext2D | null = null;
  let currentFont = '';
  return (text, font) => {
    if (context === null) {
      context = Konva.Util.createCanvasElement().getContext('2d');
      if (context === null) throw new Error('The canvas cannot measure text (no 2D context).');
    }
    if (font !== currentFont) {
      context.font = font;
      currentFont = font;
    }
    return context.measureText(text).width;
  };
}
