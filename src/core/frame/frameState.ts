import type { Background, CaptionStyle, Element } from '../schema';

/**
 * Everything the renderer needs to draw one frame, and nothing it must compute from the
 * project itself. Produced by `evaluate(project, t)`; plain data, no methods.
 *
 * Identity matters: an element that does not animate is the very object from the project,
 * and one that does is a fresh shallow copy. The renderer uses this to skip work for what
 * did not change, and the exporter to skip whole frames that did not change.
 */
export interface FrameState {
  /** Seconds on the project timeline. */
  readonly time: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Bottom to top: one layer normally, two during a transition; the end card is a layer too. */
  readonly layers: readonly SceneLayer[];
  /** The caption on screen, or null. */
  readonly caption: CaptionFrame | null;
}

export interface ClipRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SceneLayer {
  /** Scene id, or `END_CARD_LAYER_KEY`: stable across frames so the renderer can reuse nodes. */
  readonly key: string;
  readonly background: Background;
  /** The scene's elements with animated values applied, in paint order. */
  readonly elements: readonly Element[];
  /** Seconds since the scene started (drawing elements pick their hand-drawn frame from it). */
  readonly sceneTime: number;
  /** 0..1, for crossfades. */
  readonly opacity: number;
  /** Pixels the whole layer is shifted by, for slides. */
  readonly offsetX: number;
  readonly offsetY: number;
  /** Only this part of the layer is drawn, for wipes; null draws all of it. */
  readonly clip: ClipRect | null;
}

export const END_CARD_LAYER_KEY = '__end-card__';

export interface CaptionFrame {
  /** The caption's id, stable while the same cue is on screen. */
  readonly id: string;
  readonly text: string;
  readonly style: CaptionStyle;
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly position: 'top' | 'middle' | 'bottom';
  /** Placed by hand: the block's vertical centre as a fraction of the frame height, or null (use `position`). */
  readonly y: number | null;
  /** Index into the caption's words of the word being spoken, or -1 (no word timing, or between words). */
  readonly activeWord: number;
  readonly words: readonly string[] | null;
}
