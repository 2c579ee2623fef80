/**
 * The timeline's zoom arithmetic (pure, so it is tested in Node). Zoom 1 shows the whole video
 * across the timeline; zoom z makes the content z times as wide inside a horizontal scroller.
 */

/** How wide one video frame is at the deepest zoom, in CSS pixels. */
export const FRAME_PX_AT_MAX_ZOOM = 24;
export const ZOOM_STEP = 1.5;
/** Ruler labels need about this much room each. */
const MIN_TICK_PX = 56;

/** The deepest zoom: one frame about FRAME_PX_AT_MAX_ZOOM wide (never below 1). */
export function maxZoom(duration: number, fps: number, viewportPx: number): number {
  if (!(duration > 0) || !(fps > 0) || !(viewportPx > 0)) return 1;
  return Math.max(1, (duration * fps * FRAME_PX_AT_MAX_ZOOM) / viewportPx);
}

export function clampZoom(zoom: number, duration: number, fps: number, viewportPx: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(Math.max(1, zoom), maxZoom(duration, fps, viewportPx));
}

export interface RulerTick {
  /** Seconds from the start of the video. */
  time: number;
  label: string;
  /** A whole second (drawn taller) rather than a frame in between. */
  major: boolean;
}

const FRAME_STEPS = [1, 2, 5, 10, 15];
const SECOND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300];

/**
 * Ruler ticks for `pxPerSecond`: the finest step whose labels still fit, from single frames at
 * deep zoom to minutes on long videos. Ticks are counted in whole frames, so they never drift.
 */
export function rulerTicks(duration: number, fps: number, pxPerSecond: number): RulerTick[] {
  if (!(duration > 0) || !(fps > 0) || !(pxPerSecond > 0)) return [];
  const frameStep = FRAME_STEPS.find((f) => f < fps && (f / fps) * pxPerSecond >= MIN_TICK_PX);
  const stepFrames = frameStep ?? fps * (SECOND_STEPS.find((s) => s * pxPerSecond >= MIN_TICK_PX) ?? 300);
  const totalFrames = Math.round(duration * fps);
  const ticks: RulerTick[] = [];
  for (let frame = 0; frame <= totalFrames; frame += stepFrames) {
    const whole = frame % fps === 0;
    ticks.push({
      time: frame / fps,
      label: whole ? `${frame / fps}s` : `${frame % fps}f`,
      major: whole,
    });
  }
  return ticks;
}

/**
 * Where to scroll so the playhead stays in view while playing: unchanged while it is inside the
 * visible part, otherwise it moves the playhead near the left edge (the way it is heading).
 */
export function followScroll(
  playheadPx: number,
  scrollLeft: number,
  viewportPx: number,
  contentPx: number,
): number {
  const margin = Math.min(32, viewportPx / 4);
  if (playheadPx >= scrollLeft && playheadPx <= scrollLeft + viewportPx - margin) return scrollLeft;
  const target = playheadPx - viewportPx * 0.1;
  return Math.min(Math.max(0, target), Math.max(0, contentPx - viewportPx));
}
