import type { Pinia } from 'pinia';
import { usePlayback } from './state/playback';

export interface StudioBench {
  /** Draws frame after frame, uncapped, for `seconds`; see `usePlayback().freeRun`. */
  freeRun(seconds: number): Promise<{ frames: number; seconds: number }>;
}

declare global {
  interface Window {
    /** The studio benchmark's handle (tests/e2e/bench.spec.ts); it only drives the playhead. */
    kindnessBench?: StudioBench;
  }
}

/** Lets the browser benchmark drive the preview through the same path as playback. */
export function installBenchHook(pinia: Pinia): void {
  window.kindnessBench = { freeRun: (seconds) => usePlayback(pinia).freeRun(seconds) };
}
