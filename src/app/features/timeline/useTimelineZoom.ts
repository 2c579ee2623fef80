import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { usePlayback } from '../../state/playback';
import { useTimelineView } from './stores/timelineView';
import { ZOOM_STEP, clampZoom, followScroll, maxZoom } from './zoomMath';

/**
 * Zoom for the timeline's horizontal scroller: the content element gets `zoom` times wider, so
 * everything positioned in percent of the video stays right. Ctrl/Cmd + wheel zooms around the
 * pointer, the buttons around the playhead, and playback scrolls to keep the playhead in view.
 * `inset` is the room at the lanes' sides in CSS pixels: at the start the names column that
 * stays put (sticky) while the lanes scroll, plus a little space at both ends so a keyframe at
 * the very start or end shows whole. The lanes get the rest of the width.
 */
export function useTimelineZoom(
  scroller: Ref<HTMLElement | null>,
  duration: () => number,
  inset: () => { start: number; end: number } = () => ({ start: 0, end: 0 }),
) {
  const view = useTimelineView();
  const playback = usePlayback();
  /** The scroller's width (kept from a ResizeObserver: reading it would force a layout). */
  const scrollerPx = ref(0);
  /** The width that shows time: the scroller less the names column and the ends' room. */
  const viewportPx = computed(() => Math.max(0, scrollerPx.value - inset().start - inset().end));
  let scrollLeft = 0;

  const limit = computed(() => maxZoom(duration(), playback.fps, viewportPx.value));
  const zoom = computed(() => clampZoom(view.zoom, duration(), playback.fps, viewportPx.value));
  const contentPx = computed(() => viewportPx.value * zoom.value);
  const pxPerSecond = computed(() => (duration() > 0 ? contentPx.value / duration() : 0));

  /** Sets the zoom keeping the moment `anchorTime` at the same place on screen. */
  async function zoomTo(next: number, anchorTime: number): Promise<void> {
    const el = scroller.value;
    const before = pxPerSecond.value;
    const screenX = anchorTime * before - scrollLeft;
    view.zoom = clampZoom(next, duration(), playback.fps, viewportPx.value);
    await nextTick();
    if (el === null) return;
    el.scrollLeft = Math.max(0, anchorTime * pxPerSecond.value - screenX);
    scrollLeft = el.scrollLeft;
  }

  const zoomIn = () => zoomTo(zoom.value * ZOOM_STEP, playback.time);
  const zoomOut = () => zoomTo(zoom.value / ZOOM_STEP, playback.time);
  const fit = () => zoomTo(1, 0);

  function onWheel(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const el = scroller.value;
    if (el === null || pxPerSecond.value <= 0) return;
    const x = event.clientX - el.getBoundingClientRect().left - inset().start;
    const time = (scrollLeft + x) / pxPerSecond.value;
    void zoomTo(event.deltaY < 0 ? zoom.value * ZOOM_STEP : zoom.value / ZOOM_STEP, time);
  }

  function onScroll(): void {
    scrollLeft = scroller.value?.scrollLeft ?? 0;
  }

  // Playing keeps the playhead on screen; nothing to do when the whole video fits.
  watch(
    () => playback.time,
    (time) => {
      const el = scroller.value;
      if (!playback.playing || el === null || zoom.value <= 1) return;
      const next = followScroll(time * pxPerSecond.value, scrollLeft, viewportPx.value, contentPx.value);
      if (next !== scrollLeft) {
        el.scrollLeft = next;
        scrollLeft = next;
      }
    },
  );

  let observer: ResizeObserver | null = null;
  onMounted(() => {
    const el = scroller.value;
    if (el === null) return;
    scrollerPx.value = el.clientWidth;
    observer = new ResizeObserver(() => (scrollerPx.value = el.clientWidth));
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
  });
  onBeforeUnmount(() => {
    observer?.disconnect();
    scroller.value?.removeEventListener('scroll', onScroll);
  });

  return { zoom, limit, pxPerSecond, zoomIn, zoomOut, fit, onWheel };
}
