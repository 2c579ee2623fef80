import { defineStore } from 'pinia';
import { computed } from 'vue';
import { findElement } from '../../core/edit';
import { evaluate } from '../../core/frame';
import type { FrameState, SceneLayer } from '../../core/frame/frameState';
import type { Element } from '../../core/schema';
import { useDocument } from './document';
import { usePlayback } from './playback';

/**
 * The frame the playhead is on, evaluated once per change of the project or the playhead.
 * The preview draws it, and every editor that needs an element "as it looks now" (keyframes
 * applied, the drawing frame shown) reads it here, so they can never disagree with the picture.
 */
export const useFrameAtPlayhead = defineStore('frameAtPlayhead', () => {
  const documentStore = useDocument();
  const playback = usePlayback();

  const frame = computed<FrameState | null>(() => {
    const project = documentStore.project;
    return project === null ? null : evaluate(project, playback.time);
  });

  /** A scene's layer in the frame; null when the playhead is not on that scene. */
  function layerOf(sceneId: string): SceneLayer | null {
    return frame.value?.layers.find((layer) => layer.key === sceneId) ?? null;
  }

  /** An element of a scene as drawn at the playhead (searching groups too), or null. */
  function shownElement(sceneId: string, elementId: string): Element | null {
    const layer = layerOf(sceneId);
    return (layer && findElement(layer.elements, elementId)) ?? null;
  }

  return { frame, layerOf, shownElement };
});
