import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { projectDuration } from '../../core/timeline';
import { useDocument } from './document';

/**
 * Something that plays along with the picture (the sound): told where playback starts and when
 * it stops. While it has a clock of its own (`time()` not null), the picture follows that clock.
 */
export interface PlaybackFollower {
  start(time: number): void;
  stop(): void;
  time(): number | null;
}

/**
 * The playhead and playback. Playback follows the wall clock through requestAnimationFrame and
 * moves the playhead on whole frames of the project's rate; the preview draws whatever frame
 * the playhead is on, with the same evaluate() and renderer as the export.
 */
export const usePlayback = defineStore('playback', () => {
  const documentStore = useDocument();
  /** Seconds on the project timeline. */
  const time = ref(0);
  const playing = ref(false);
  /** Frames the preview drew while playing (for the playback benchmark). */
  const framesShown = ref(0);
  /** Draws of the preview so far (plain counter: a reactive one would cost every frame). */
  let previewDraws = 0;

  const duration = computed(() => (documentStore.project ? projectDuration(documentStore.project) : 0));
  const fps = computed(() => documentStore.project?.video.fps ?? 30);

  let frameRequest = 0;
  let follower: PlaybackFollower | null = null;
  let clockStart = 0;
  let timeAtStart = 0;

  function snap(t: number): number {
    const max = Math.max(0, duration.value - 1 / fps.value);
    const clamped = Math.min(Math.max(0, t), max);
    return Math.floor(clamped * fps.value + 1e-6) / fps.value;
  }

  function tick(now: number): void {
    if (!playing.value) return;
    const t = follower?.time() ?? timeAtStart + (now - clockStart) / 1000;
    if (t >= duration.value) {
      time.value = snap(duration.value);
      pause();
      return;
    }
    const next = snap(t);
    // Forward only: when the sound clock takes over a moment after play, the picture waits for it.
    if (next > time.value) {
      time.value = next;
      framesShown.value++;
    }
    frameRequest = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing.value || duration.value <= 0) return;
    // At the end, play starts again from the beginning.
    if (time.value >= snap(duration.value)) time.value = 0;
    playing.value = true;
    clockStart = performance.now();
    timeAtStart = time.value;
    follower?.start(time.value);
    frameRequest = requestAnimationFrame(tick);
  }

  function pause(): void {
    if (!playing.value) return;
    playing.value = false;
    cancelAnimationFrame(frameRequest);
    follower?.stop();
  }

  function toggle(): void {
    if (playing.value) pause();
    else play();
  }

  /** Moves the playhead (scrubbing keeps playing from the new place). */
  function seek(t: number): void {
    time.value = snap(t);
    if (playing.value) {
      clockStart = performance.now();
      timeAtStart = time.value;
      follower?.start(time.value);
    }
  }

  /** Lets the sound play along (one follower; null detaches it). */
  function follow(next: PlaybackFollower | null): void {
    follower?.stop();
    follower = next;
    if (next !== null && playing.value) next.start(time.value);
  }

  function step(frames: number): void {
    seek(time.value + frames / fps.value + 1e-6);
  }

  /** The preview calls this after each draw. */
  function noteDraw(): void {
    previewDraws++;
  }

  /**
   * The playback benchmark: plays frame after frame as fast as the preview can draw them
   * (no frame-rate cap), through the same playhead, evaluate and renderer as playback, for
   * `seconds` of wall time. Resolves with the number of frames the preview drew.
   */
  async function freeRun(seconds: number): Promise<{ frames: number; seconds: number }> {
    pause();
    if (duration.value <= 0) return { frames: 0, seconds: 0 };
    playing.value = true;
    const drawsBefore = previewDraws;
    const started = performance.now();
    const until = started + seconds * 1000;
    try {
      while (performance.now() < until && playing.value) {
        const next = snap(time.value + 1 / fps.value + 1e-6);
        time.value = next === time.value ? 0 : next;
        // A task boundary: Vue's watchers (and so the draw) run in the microtasks before it.
        await nextTask();
      }
    } finally {
      playing.value = false;
    }
    return { frames: previewDraws - drawsBefore, seconds: (performance.now() - started) / 1000 };
  }

  return {
    time,
    playing,
    duration,
    fps,
    framesShown,
    play,
    pause,
    toggle,
    seek,
    step,
    follow,
    noteDraw,
    freeRun,
  };
});

/** Resolves in a new task without the 4 ms clamp nested timers get. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
