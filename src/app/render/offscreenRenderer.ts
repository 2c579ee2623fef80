import type { ComputedRef } from 'vue';
import type { Project } from '../../core/schema';
import type { ImageSource } from '../../render/backend';
import { createRenderer, type Renderer } from '../../render/renderer';

/** A renderer drawn off screen for measuring (readability checks), kept while it still fits. */
export interface OffscreenRenderer {
  /** A renderer at `scale` of the project's frame with its pictures, made anew when either changed. */
  at(project: Project): Renderer;
  destroy(): void;
}

export function offscreenRenderer(
  scale: number,
  images: ComputedRef<ImageSource | undefined>,
): OffscreenRenderer {
  let renderer: Renderer | null = null;
  let madeFor: { width: number; height: number; images: unknown } | null = null;
  return {
    at(project) {
      const width = Math.max(2, Math.round(project.video.width * scale));
      const height = Math.max(2, Math.round(project.video.height * scale));
      const source = images.value;
      if (
        renderer === null ||
        madeFor?.width !== width ||
        madeFor.height !== height ||
        madeFor.images !== source
      ) {
        renderer?.destroy();
        renderer = createRenderer({ width, height, pixelRatio: 1, ...(source ? { images: source } : {}) });
        madeFor = { width, height, images: source };
      }
      return renderer;
    },
    destroy() {
      renderer?.destroy();
      renderer = null;
      madeFor = null;
    },
  };
}
