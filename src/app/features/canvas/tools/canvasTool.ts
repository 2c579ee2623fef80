import type Konva from 'konva';
import type { Box } from '../../../../core/geometry';
import type { Tool } from '../stores/canvasView';

/** A point in frame pixels (the project's video size, whatever the zoom). */
export interface FramePoint {
  x: number;
  y: number;
}

/** One pointer event on the canvas, as a tool sees it. */
export interface ToolPointer {
  point: FramePoint;
  /** The Konva node under the pointer. */
  target: Konva.Node;
  /** Shift, Ctrl or Cmd held: add to the selection instead of replacing it. */
  additive: boolean;
  /** A pen's pressure 0..1; 0.5 for a mouse. */
  pressure: number;
}

/**
 * A canvas tool as a small state machine (after tldraw's tools): it is in one named state
 * (`idle`, `pointing`, `dragging`, ...) and each pointer event may move it to another. The
 * editor hands every pointer event to the current tool, and `cancel` when the tool is put
 * down or the gesture is interrupted, which must leave no draft behind.
 */
export interface CanvasTool {
  readonly id: Tool;
  /** The state the tool is in now. */
  readonly state: string;
  pointerDown(event: ToolPointer): void;
  pointerMove(event: ToolPointer): void;
  pointerUp(event: ToolPointer): void;
  /** Konva started dragging an element (the select tool's gesture became a move). */
  dragStart?(): void;
  cancel(): void;
}

/** What the tools share with the editor: the overlay to draw drafts in, and picking. */
export interface ToolContext {
  /** The layer over the picture for drafts and handles, in stage (CSS) pixels. */
  overlay(): Konva.Layer | null;
  /** Stage pixels per frame pixel. */
  scale(): number;
  /** The unlocked top-level element of the selected scene that drew `target`, if any. */
  elementAt(target: Konva.Node): string | null;
  /** Where elements are drawn, in frame pixels (rotation and stroke included). */
  measure(ids: readonly string[]): Map<string, Box>;
  /** Opens the in-place text editor on an element (a new one starts empty). */
  editText(elementId: string, isNew: boolean): void;
}

/** Accent of drafts and handles (the studio's lavender). */
export const ACCENT = '#b7aaff';

/** Stage pixels a pointer must travel before a press becomes a drag. */
export const DRAG_DISTANCE = 4;

export function distance(a: FramePoint, b: FramePoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
