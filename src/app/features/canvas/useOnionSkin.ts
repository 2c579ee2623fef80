import Konva from 'konva';
import { watch } from 'vue';
import type { BrushStroke } from '../../../core/schema';
import { traceBrushStroke } from '../../../render/geometry/brush';
import type { Renderer } from '../../../render/renderer';
import { useDrawing } from './stores/drawing';
import { usePlayback } from '../../state/playback';
import { useStudio } from '../../state/studio';

/** Frames before the current one are tinted red, frames after it green (as in other tools). */
export const ONION_BEFORE = '#ff4d5e';
export const ONION_AFTER = '#3ddc84';

/**
 * The onion skin: the active drawing's neighbouring frames, tinted, on a layer of the editor's
 * own over the preview. It is never part of the renderer's frame, so thumbnails and the export
 * never show it; it hides during playback.
 */
export function useOnionSkin(): { attach: (renderer: Renderer) => void; sync: () => void } {
  const drawing = useDrawing();
  const playback = usePlayback();
  const studio = useStudio();
  let renderer: Renderer | null = null;
  let layer: Konva.Layer | null = null;

  function ghost(strokes: readonly BrushStroke[], color: string, opacity: number): Konva.Shape {
    return new Konva.Shape({
      opacity,
      listening: false,
      sceneFunc: (context) => {
        for (const stroke of strokes) {
          context.beginPath();
          traceBrushStroke(context, stroke);
          context.setAttr('fillStyle', color);
          context.fill();
        }
      },
    });
  }

  function sync(): void {
    if (renderer === null || layer === null) return;
    const el = drawing.drawing;
    const scene = studio.selectedScene;
    const { enabled, before, after, opacity } = drawing.onion;
    const node = el && scene ? renderer.findNode(scene.id, el.id) : undefined;
    if (!enabled || playback.playing || el === null || node === undefined || !node.isVisible()) {
      // Nothing to show (playback draws every frame: an empty layer costs nothing more).
      if (!layer.visible()) return;
      layer.destroyChildren();
      layer.visible(false);
      layer.batchDraw();
      return;
    }
    layer.destroyChildren();
    // Past the last frame the playhead is after all of them: they all count as "before".
    const current = drawing.frameIndex ?? el.frames.length;
    const group = new Konva.Group({ listening: false });
    group.setAttrs(node.getAbsoluteTransform().decompose());
    // Farthest first, so the nearest ghosts are on top.
    for (let d = Math.max(before, after); d >= 1; d--) {
      const fade = opacity * (1 - (d - 1) / (ONION_MAX_FADE + 1));
      const previous = d <= before ? el.frames[current - d] : undefined;
      const next = d <= after && drawing.frameIndex !== null ? el.frames[current + d] : undefined;
      if (previous) group.add(ghost(previous.strokes, ONION_BEFORE, fade));
      if (next) group.add(ghost(next.strokes, ONION_AFTER, fade));
    }
    layer.add(group);
    layer.visible(true);
    layer.batchDraw();
  }

  function attach(next: Renderer): void {
    renderer = next;
    layer = new Konva.Layer({ listening: false, visible: false });
    next.stage.add(layer);
    sync();
  }

  watch(() => [drawing.onion, drawing.drawing, drawing.frameIndex, playback.playing], sync);

  return { attach, sync };
}

/** How fast ghosts fade with distance: the third one on a side has half the opacity. */
const ONION_MAX_FADE = 3;
