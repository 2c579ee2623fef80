import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKindnessFile } from '../../src/host/node/projectFile';
import { readAssetBytes } from '../../src/node/assets';
import { chromiumWith } from './browser';
import {
  LARGE_SCREEN,
  SMALL_SCREEN,
  expect,
  openStudio,
  startFromTemplate,
  test,
  type Studio,
} from './fixtures';

/**
 * Record voice, end to end, with a WAV file as the microphone: Chromium's fake capture device
 * plays a sentence spoken by espeak-ng (made here, at test time) in a loop. Only this file
 * launches Chromium with those flags; the error cases start browsers of their own without them.
 */
const voiceDir = mkdtempSync(join(tmpdir(), 'kindness-mic-'));
const VOICE = join(voiceDir, 'voice.wav');
execFileSync('espeak-ng', ['-s', '150', '-w', VOICE, 'Be kind to everyone you meet. Kindness is free.']);
const FAKE_MIC = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-audio-capture=${VOICE}`,
];
test.use({ launchOptions: chromiumWith(FAKE_MIC) });

const SHOTS = 'test-results/recording';
mkdirSync(SHOTS, { recursive: true });

const playhead = (page: Page) => page.getByRole('slider', { name: 'Playhead' });

/** Puts the playhead on `seconds` (whole seconds): a click on the ruler, Home, then Shift+Right. */
async function playheadTo(page: Page, seconds: number): Promise<void> {
  const ruler = await playhead(page).boundingBox();
  if (!ruler) throw new Error('no ruler');
  await page.mouse.click(ruler.x + 20, ruler.y + ruler.height / 2);
  await page.keyboard.press('Home');
  for (let i = 0; i < seconds; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead(page)).toHaveAttribute('aria-valuetext', new RegExp(`^0:0${seconds}\\.0 of`));
}

/** Peak and RMS level (0..1) of a 16-bit PCM WAV file's samples. */
function wavLevels(bytes: Buffer): { seconds: number; peak: number; rms: number } {
  let at = 12;
  let rate = 0;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      expect(bytes.readUInt16LE(at + 8), 'PCM').toBe(1);
      expect(bytes.readUInt16LE(at + 22), '16-bit').toBe(16);
      rate = bytes.readUInt32LE(at + 12);
    }
    if (id === 'data') {
      const count = size / 2;
      let peak = 0;
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const s = bytes.readInt16LE(at + 8 + i * 2) / 32768;
        peak = Math.max(peak, Math.abs(s));
        sum += s * s;
      }
      return { seconds: count / rate, peak, rms: Math.sqrt(sum / count) };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** How many pixels of a clip's waveform are drawn. */
function waveformInk(page: Page, clipName: RegExp): Promise<number> {
  return page
    .getByRole('button', { name: clipName })
    .getByTestId('audio-waveform')
    .evaluate((canvas: HTMLCanvasElement) => {
      const g = canvas.getContext('2d');
      if (g === null) return 0;
      const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) ink++;
      return ink;
    });
}

/** Records from the playhead until `seconds` of take are on the clock, then stops with `key`. */
async function recordTake(
  page: Page,
  seconds: number,
  key: 'Space' | 'Escape',
  shot?: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Record voice', exact: true }).click();
  // The count-in, shown and announced, with the meter already live.
  // (Each number shows for a second: on a loaded machine the check may first see 2 or 1.)
  await expect(page.getByText(/Get ready: recording starts in [123]/)).toBeVisible();
  await expect(page.getByText(/^Recording in [123]$/)).toBeAttached();
  const meter = page.getByRole('meter', { name: 'Microphone level' });
  await expect(meter).toBeVisible();
  await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThan(20);
  if (shot) await page.screenshot({ path: `${SHOTS}/${shot}-count-in.png` });
  await expect(page.getByText('Recording. Press Space or Esc to stop.')).toBeAttached({ timeout: 10_000 });
  const card = page.getByRole('group', { name: 'Recording' });
  await expect(card).toContainText('Recording');
  await expect
    .poll(async () => parseFloat((await card.innerText()).match(/0:(\d+\.\d)/)?.[1] ?? '0'), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(seconds);
  if (shot) await page.screenshot({ path: `${SHOTS}/${shot}-recording.png` });
  await page.keyboard.press(key);
  await expect(card).toBeHidden();
}

// Recording does not depend on the window's size: each flow runs once, at one of the two sizes,
// and what it leaves on screen is also pictured at the other.
test.describe('at 1280x720', () => {
  test.use({ viewport: SMALL_SCREEN });

  test('while recording a marked range, the timeline bar keeps every label on one line', async ({
    page,
    studio,
  }) => {
    await openStudio(page, studio.server.url);
    await page.getByRole('button', { name: /^Blank project/ }).click();
    await page.getByRole('button', { name: 'In', exact: true }).click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Out', exact: true }).click();
    await page.getByRole('button', { name: /^Record voice/ }).click();
    await expect(page.getByRole('button', { name: 'Stop recording', exact: true })).toBeVisible();
    // Stop recording and the range's buttons take room: no label or time breaks onto a second
    // line (the caption button keeps its icon only, its name in its tooltip).
    for (const text of ['Add caption at playhead', 'Keyframe rows', '/ 0:03.0']) {
      const shown = page.getByText(text, { exact: true });
      if ((await shown.count()) === 0) continue;
      const lines = await shown.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, text).toBe(1);
    }
    await page.screenshot({ path: `${SHOTS}/recording-bar-1280.png` });
    await page.getByRole('button', { name: 'Stop recording', exact: true }).click();
  });

  test('records a voice-over at the playhead, keeps it in the project and opens it again', async ({
    page,
    studio,
  }) => {
    test.slow();
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    await playheadTo(page, 1);

    await recordTake(page, 2, 'Space', 'take-1280');
    // A new clip, starting where the take started, with a waveform that is not flat.
    const clip = page.getByRole('button', { name: /^Voice 1: 0:01\.0 to (?!0:0[0-2]\.)/ });
    await expect(clip).toBeVisible();
    await expect.poll(() => waveformInk(page, /^Voice 1:/)).toBeGreaterThan(100);
    await page.screenshot({ path: `${SHOTS}/clip-1280.png` });
    await page.setViewportSize(LARGE_SCREEN);
    await expect(clip).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/clip-1920.png` });
    await page.setViewportSize(SMALL_SCREEN);

    // One undo step takes the take away, redo brings it back.
    await page.keyboard.press('Control+z');
    await expect(clip).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(clip).toBeVisible();

    // Save, open again: the sound is in the file.
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.type('My voice');
    await page.keyboard.press('Enter');
    await expect(page.getByText('All changes saved')).toBeVisible();
    const saved = join(studio.workspace, 'My voice.kindness');
    await page.reload();
    await page.getByRole('button', { name: /My voice\.kindness/ }).click();
    await expect(page.getByRole('button', { name: /^Voice 1: 0:01\.0 to / })).toBeVisible();
    await expect.poll(() => waveformInk(page, /^Voice 1:/)).toBeGreaterThan(100);

    // The stored recording holds the voice: not silence.
    const file = await readKindnessFile(saved);
    if (!file.ok) throw new Error(file.error.message);
    const project = JSON.parse(file.projectJson) as { audio: { assetId: string; name: string }[] };
    const voice = project.audio.find((t) => t.name === 'Voice 1');
    const bytes = voice && file.assets.get(voice.assetId);
    if (!bytes) throw new Error('the recording is not in the file');
    const levels = wavLevels(await readAssetBytes(bytes));
    expect(levels.seconds).toBeGreaterThan(1.5);
    expect(levels.peak).toBeGreaterThan(0.1);
    expect(levels.rms).toBeGreaterThan(0.01);
  });
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });

  test('records over a range and replaces only that part of the clip', async ({ page, studio }) => {
    test.slow();
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    await playheadTo(page, 0);
    await recordTake(page, 3, 'Escape');
    await expect(page.getByRole('button', { name: /^Voice 1: 0:00\.0 to (?!0:0[0-2]\.)/ })).toBeVisible();

    // Mark 1 s to 2 s with the In and Out buttons; the range shows on the lanes.
    await playheadTo(page, 1);
    await page.getByRole('button', { name: 'In', exact: true }).click();
    await playheadTo(page, 2);
    await page.getByRole('button', { name: 'Out', exact: true }).click();
    await expect(page.getByText('Record over 0:01.0–0:02.0')).toBeVisible();
    await page.getByRole('button', { name: /^Voice 1:/ }).click();
    await page.getByRole('button', { name: 'Record over range', exact: true }).click();
    await expect(page.getByText(/^Recording in [123]$/)).toBeAttached();
    await page.screenshot({ path: `${SHOTS}/punch-in-count-1920.png` });
    // It stops by itself at the end of the range.
    await expect(page.getByRole('button', { name: /^Voice 2: 0:01\.0 to 0:02\.0/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: /^Voice 1: 0:00\.0 to 0:01\.0/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Voice 1: 0:02\.0 to / })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Voice \d:/ })).toHaveCount(3);
    await page.screenshot({ path: `${SHOTS}/punch-in-1920.png` });
    await page.setViewportSize(SMALL_SCREEN);
    await expect(page.getByRole('button', { name: /^Voice \d:/ })).toHaveCount(3);
    await page.screenshot({ path: `${SHOTS}/punch-in-1280.png` });

    // One undo step: the clip is whole again.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('button', { name: /^Voice \d:/ })).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Voice 1: 0:00\.0 to (?!0:0[0-2]\.)/ })).toBeVisible();
  });
});

interface Case {
  name: string;
  size: { width: number; height: number };
  flags: string[];
  busy?: boolean;
  message: RegExp;
}

test('says so when there is no microphone, when it is refused and when it is busy', async ({
  playwright,
  studio,
}) => {
  // Three browsers of its own, one after the other, each case at one of the two sizes.
  test.slow();
  const cases: Case[] = [
    // No capture device at all (this machine has no sound card; the fake one is not on).
    {
      name: 'none',
      size: SMALL_SCREEN,
      flags: ['--use-fake-ui-for-media-stream'],
      message: /^No microphone found/,
    },
    // A microphone, but no answer to the permission prompt: Chromium refuses.
    {
      name: 'refused',
      size: LARGE_SCREEN,
      flags: ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${VOICE}`],
      message: /^The studio was not allowed to use the microphone/,
    },
    // Another app holds it: the browser reports NotReadableError.
    { name: 'busy', size: SMALL_SCREEN, flags: FAKE_MIC, busy: true, message: /^The microphone is busy/ },
  ];
  for (const c of cases) {
    const browser = await playwright.chromium.launch(chromiumWith(c.flags));
    try {
      await checkMessage(browser, studio, c);
    } finally {
      await browser.close();
    }
  }
});

async function checkMessage(browser: Browser, studio: Studio, c: Case): Promise<void> {
  const page = await browser.newPage({ viewport: c.size });
  if (c.busy) {
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Could not start audio source', 'NotReadableError'));
    });
  }
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
  await page.getByRole('button', { name: 'Record voice', exact: true }).click();
  const message = page.getByText(c.message);
  await expect(message).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/no-mic-${c.name}-${c.size.width}.png` });
  // The studio carries on: no take card, and the button works again.
  await expect(page.getByRole('group', { name: 'Recording' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record voice', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.close();
}
