import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

/**
 * The studio's panel sizes and focus mode: how this creator likes the workspace, kept in the
 * browser's storage (never in the project file, which holds only the story).
 */
export type PanelName = 'storyboard' | 'inspector' | 'timeline';

export interface PanelLimits {
  min: number;
  max: number;
  initial: number;
}

/** Widths (storyboard, inspector) and the timeline's height, in CSS pixels. */
export const PANEL_LIMITS: Record<PanelName, PanelLimits> = {
  storyboard: { min: 180, max: 420, initial: 264 },
  inspector: { min: 240, max: 480, initial: 300 },
  timeline: { min: 120, max: 600, initial: 220 },
};

const STORAGE_KEY = 'kindness-studio-workspace';

interface Saved {
  sizes: Partial<Record<PanelName, number>>;
  focus: boolean;
}

function clampSize(panel: PanelName, value: number): number {
  const { min, max } = PANEL_LIMITS[panel];
  return Math.round(Math.min(max, Math.max(min, value)));
}

function readSaved(storage: Storage | null): Saved {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return { sizes: {}, focus: false };
    const record = parsed as { sizes?: unknown; focus?: unknown };
    const sizes: Partial<Record<PanelName, number>> = {};
    const given = typeof record.sizes === 'object' && record.sizes !== null ? record.sizes : {};
    for (const panel of Object.keys(PANEL_LIMITS) as PanelName[]) {
      const value = (given as Record<string, unknown>)[panel];
      if (typeof value === 'number' && Number.isFinite(value)) sizes[panel] = clampSize(panel, value);
    }
    return { sizes, focus: record.focus === true };
  } catch {
    // Storage switched off or an unreadable entry: start from the usual layout.
    return { sizes: {}, focus: false };
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** A timeline of about a quarter of the window: room for the lanes, the rest for the art. */
function initialTimelineHeight(): number {
  const height = typeof window === 'undefined' ? 720 : window.innerHeight;
  return Math.round(Math.min(300, Math.max(220, height * 0.25)));
}

export const useWorkspace = defineStore('workspace', () => {
  const storage = browserStorage();
  const saved = readSaved(storage);
  const sizes = ref<Record<PanelName, number>>({
    storyboard: saved.sizes.storyboard ?? PANEL_LIMITS.storyboard.initial,
    inspector: saved.sizes.inspector ?? PANEL_LIMITS.inspector.initial,
    timeline: saved.sizes.timeline ?? initialTimelineHeight(),
  });
  /** Focus mode hides the storyboard and the inspector, so the art gets the room. */
  const focus = ref(saved.focus);

  function resize(panel: PanelName, value: number): void {
    sizes.value = { ...sizes.value, [panel]: clampSize(panel, value) };
  }

  function reset(panel: PanelName): void {
    resize(panel, panel === 'timeline' ? initialTimelineHeight() : PANEL_LIMITS[panel].initial);
  }

  function toggleFocus(): void {
    focus.value = !focus.value;
  }

  watch(
    [sizes, focus],
    () => {
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify({ sizes: sizes.value, focus: focus.value }));
      } catch {
        // A full or blocked storage only means the layout is not remembered next time.
      }
    },
    { deep: true },
  );

  return { sizes, focus, resize, reset, toggleFocus };
});
