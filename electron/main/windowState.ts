import { mkdir, readFile } from 'node:fs/promises';
import { PRIVATE_MODE, writeFileAtomic } from '../../src/node/files';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Where and how big the studio window was, kept in the app's data folder between runs. */
export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/** A screen's usable area (Electron's `display.workArea`). */
export interface ScreenArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };
/** The studio needs room for storyboard, canvas and timeline. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** How much of the window must be on some screen for its remembered place to be used. */
const MIN_VISIBLE_PX = 100;

function visibleOn(state: WindowState, area: ScreenArea): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const overlapX = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
  const overlapY = Math.min(state.y + state.height, area.y + area.height) - Math.max(state.y, area.y);
  return overlapX >= MIN_VISIBLE_PX && overlapY >= MIN_VISIBLE_PX;
}

/**
 * Keeps a remembered window usable on today's screens: a place on a screen that is gone is
 * forgotten (the window opens centred) and a size larger than every screen is shrunk.
 */
export function fitToScreens(state: WindowState, screens: readonly ScreenArea[]): WindowState {
  if (screens.length === 0) return state;
  const widest = Math.max(...screens.map((screen) => screen.width));
  const tallest = Math.max(...screens.map((screen) => screen.height));
  const sized: WindowState = {
    ...state,
    width: Math.max(Math.min(state.width, widest), Math.min(MIN_WINDOW_SIZE.width, widest)),
    height: Math.max(Math.min(state.height, tallest), Math.min(MIN_WINDOW_SIZE.height, tallest)),
  };
  if (screens.some((screen) => visibleOn(sized, screen))) return sized;
  const { x: _x, y: _y, ...centred } = sized;
  return centred;
}

/** The remembered window state; a missing, unreadable or damaged file gives the defaults. */
export async function loadWindowState(file: string, screens: readonly ScreenArea[]): Promise<WindowState> {
  let stored: WindowState = DEFAULT_WINDOW_STATE;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) stored = parsed.data;
  } catch {
    // Missing or not JSON: start with the defaults; the next save writes a good file.
  }
  return fitToScreens(stored, screens);
}

/** Through the one writer (src/node/files), so a crash mid-write cannot leave a torn file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const checked = WindowStateSchema.parse(state);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`, {
    replace: 'always',
    mode: PRIVATE_MODE,
  });
}
