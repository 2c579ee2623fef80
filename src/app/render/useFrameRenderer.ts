import { onBeforeUnmount, watch, type Ref } from 'vue';
import type { FrameState } from '../../core/frame';
import type { ImageSource } from '../../render/backend';
import { createRenderer, type Renderer } from '../../render/renderer';
import { imagesVersion } from './assetImages';
import { fontsVersion } from './fonts';

export interface CanvasSize {
  width: number;
  height: number;
}

/**
 * The canvas size that shows a `frame`-sized picture in `area` with `margin` around it, times
 * `zoom` (1 fits it; more makes it larger and the area scrolls).
 */
export function fittedSize(area: CanvasSize, frame: CanvasSize, margin: number, zoom = 1): CanvasSize {
  const fit = Math.min((area.width - margin * 2) / frame.width, (area.height - margin * 2) / frame.height);
  const scale = Math.max(0.02, fit * zoom);
  return {
    width: Math.max(2, Math.floor(frame.width * scale)),
    height: Math.max(2, Math.floor(frame.height * scale)),
  };
}

export interface FrameRendererHooks {
  /** Let the pointer pick elements (the editor's preview; thumbnails do not need it). */
  listening?: boolean;
  /** Called with each new renderer (after a resize too), before its first draw. */
  onCreate?: (renderer: Renderer) => void;
  /** Called after every draw, e.g. to keep selection handles on the drawn nodes. */
  onDraw?: (renderer: Renderer) => void;
}

/**
 * Keeps a renderer (the export's own) drawing `frame()` into `container` at `size`: rebuilt when
 * the size changes, redrawn when the frame changes, and from scratch when fonts or pictures arrive.
 */
export function useFrameRenderer(
  container: Ref<HTMLDivElement | null>,
  size: Ref<CanvasSize | null>,
  frame: () => FrameState | null,
  images: () => ImageSource | undefined,
  hooks: FrameRendererHooks = {},
): { current: () => Renderer | null } {
  let renderer: Renderer | null = null;

  function draw(): void {
    const state = frame();
    if (renderer === null || state === null) return;
    renderer.draw(state);
    hooks.onDraw?.(renderer);
  }

  function rebuild(): void {
    renderer?.destroy();
    renderer = null;
    const el = container.value;
    const s = size.value;
    if (el === null || s === null || s.width < 2 || s.height < 2) return;
    const source = images();
    renderer = createRenderer({
      width: Math.round(s.width),
      height: Math.round(s.height),
      container: el,
      pixelRatio: window.devicePixelRatio || 1,
      listening: hooks.listening ?? false,
      ...(source ? { images: source } : {}),
    });
    hooks.onCreate?.(renderer);
    draw();
  }

  watch([container, size, images], rebuild, { immediate: true, flush: 'post' });
  watch(frame, draw, { flush: 'post' });
  watch([fontsVersion, imagesVersion], () => {
    renderer?.invalidate();
    draw();
  });
  onBeforeUnmount(() => {
    renderer?.destroy();
    renderer = null;
  });

  return { current: () => renderer };
}
