import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToScreens,
  loadWindowState,
  saveWindowState,
  type ScreenArea,
} from '../../../electron/main/windowState';

const laptop: ScreenArea = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-window-'));
  file = join(dir, 'window-state.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('remembered window size and place', () => {
  it('opens where it was closed', async () => {
    const state = { x: 100, y: 80, width: 1300, height: 850, maximized: true };
    await saveWindowState(file, state);
    expect(await loadWindowState(file, [laptop])).toEqual(state);
  });

  it('starts with the defaults when nothing was saved yet', async () => {
    expect(await loadWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('starts with the defaults when the file is damaged, and the next save repairs it', async () => {
    for (const damaged of ['{"width": 12', 'null', '[]', '{"width":"wide","height":900}', '\u0000\u0001']) {
      await writeFile(file, damaged);
      expect(await loadWindowState(file, [laptop]), damaged).toEqual(DEFAULT_WINDOW_STATE);
    }
    await saveWindowState(file, { x: 10, y: 10, width: 1200, height: 800, maximized: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ width: 1200, height: 800 });
  });

  it('opens centred when its screen is gone', async () => {
    await saveWindowState(file, { x: 3000, y: 100, width: 1200, height: 800, maximized: false });
    const state = await loadWindowState(file, [laptop]);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
    expect(state).toMatchObject({ width: 1200, height: 800 });
  });

  it('keeps its place on a second screen that is still there', () => {
    const right: ScreenArea = { x: 1920, y: 0, width: 2560, height: 1440 };
    const state = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToScreens(state, [laptop, right])).toEqual(state);
  });

  it('shrinks to fit a smaller screen', () => {
    const small: ScreenArea = { x: 0, y: 0, width: 1280, height: 720 };
    const state = fitToScreens({ x: 0, y: 0, width: 2500, height: 1400, maximized: false }, [small]);
    expect(state).toMatchObject({ width: 1280, height: 720 });
  });
});
