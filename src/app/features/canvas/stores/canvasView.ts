import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SafeZoneChoice } from '../../../../core/captions';

export type Tool = 'select' | 'rect' | 'ellipse' | 'star' | 'bubble' | 'line' | 'brush' | 'eraser' | 'text';

const ZOOM_STEP = 1.25;

/**
 * How the canvas is looked at (session state, never saved): the tool in hand, the zoom and
 * the safe-zone overlay. Picking a tool also clears the selection: that is the canvas store's
 * `setTool`, which calls this one.
 */
export const useCanvasView = defineStore('canvasView', () => {
  const tool = ref<Tool>('select');
  /** Preview zoom: 1 fits the frame in the window. */
  const zoom = ref(1);
  const safeZonesVisible = ref(false);
  /** Which platform's covered areas the safe-zone overlay shows; `all` is the box clear on every one. */
  const safeZonePlatform = ref<SafeZoneChoice>('all');

  function zoomIn(): void {
    zoom.value = Math.min(8, Math.round(zoom.value * ZOOM_STEP * 1000) / 1000);
  }
  function zoomOut(): void {
    zoom.value = Math.max(0.25, Math.round((zoom.value / ZOOM_STEP) * 1000) / 1000);
  }
  function zoomToFit(): void {
    zoom.value = 1;
  }
  function toggleSafeZones(): void {
    safeZonesVisible.value = !safeZonesVisible.value;
  }

  return { tool, zoom, safeZonesVisible, safeZonePlatform, zoomIn, zoomOut, zoomToFit, toggleSafeZones };
});
