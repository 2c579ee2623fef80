import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toneWav } from '../helpers/sounds';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

/** How many pixels of the first clip's waveform are drawn. */
function waveformInk(page: Page): Promise<number> {
  return page
    .getByTestId('audio-waveform')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const g = canvas.getContext('2d');
      if (g === null) return 0;
      const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) ink++;
      return ink;
    });
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
});

test('adds a sound, edits it on the timeline and hears it with the preview', async ({ page }) => {
  // A long walk through the whole feature: on two busy shared cores it needs more than the default time.
  test.slow();
  await page.getByTestId('sound-file-input').setInputFiles({
    name: 'gentle piano.wav',
    mimeType: 'audio/wav',
    buffer: toneWav(4),
  });
  const clip = page.getByTestId('audio-clip');
  await expect(clip).toHaveCount(1);
  await expect(clip).toHaveAttribute('aria-label', 'gentle piano: 0:00.0 to 0:04.0, volume 100%');
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(200);
  // The new clip is selected: its inspector shows.
  await expect(page.getByTestId('audio-inspector')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/audio-added.png` });

  // Drag the clip to the right: it starts later, whole frames only.
  const track = await page.getByTestId('timeline-track').boundingBox();
  const box = await clip.boundingBox();
  if (!track || !box) throw new Error('no timeline');
  const pxPerSecond = box.width / 4;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + pxPerSecond, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(clip).toHaveAttribute('aria-label', /^gentle piano: 0:01\.0 to 0:05\.0/);

  // Drag its right edge left by a second: it ends a second sooner.
  const moved = await clip.boundingBox();
  if (!moved) throw new Error('no clip');
  const end = { x: moved.x + moved.width - 3, y: moved.y + moved.height / 2 };
  await page.mouse.move(end.x, end.y);
  await page.mouse.down();
  await page.mouse.move(end.x - pxPerSecond, end.y, { steps: 6 });
  await page.mouse.up();
  await expect(clip).toHaveAttribute('aria-label', /^gentle piano: 0:01\.0 to 0:04\.0/);
  await expect(page.getByTestId('audio-span')).toContainText('Plays 0:01.0 – 0:04.0');

  // Volume and fades in the inspector.
  await page.getByTestId('audio-volume').fill('50');
  await page.getByTestId('audio-volume').press('Enter');
  await page.getByTestId('audio-fade-out').fill('1');
  await page.getByTestId('audio-fade-out').press('Enter');
  await expect(clip).toHaveAttribute('aria-label', /volume 50%$/);
  await page.screenshot({ path: `${SCREENS}/audio-edited.png` });

  // Play: the page's sound graph runs and the playback clock moves with it.
  const lanes = page.getByTestId('audio-lanes');
  await page.getByTestId('play').click();
  await expect(lanes).toHaveAttribute('data-audio-state', 'running');
  await expect(lanes).not.toHaveAttribute('data-audio-scheduled', '0');
  await expect(page.getByTestId('time')).not.toContainText('0:00.0 /');
  const during = await page.getByTestId('time').innerText();
  await expect.poll(() => page.getByTestId('time').innerText()).not.toBe(during);
  await page.screenshot({ path: `${SCREENS}/audio-playing.png` });
  await page.getByTestId('play').click();
  await expect(lanes).toHaveAttribute('data-audio-state', 'idle');

  // Undo steps back through the edits: fade, volume, trim, move, then the sound itself.
  await page.locator('body').click({ position: { x: 700, y: 120 } });
  const undo = () => page.keyboard.press('Control+z');
  await undo();
  await undo();
  await expect(clip).toHaveAttribute('aria-label', /volume 100%$/);
  await undo();
  await expect(clip).toHaveAttribute('aria-label', /^gentle piano: 0:01\.0 to 0:05\.0/);
  await undo();
  await expect(clip).toHaveAttribute('aria-label', /^gentle piano: 0:00\.0 to 0:04\.0/);
  await undo();
  await expect(clip).toHaveCount(0);
});

test('removes, mutes and nudges a sound from the keyboard', async ({ page }) => {
  await page.getByTestId('sound-file-input').setInputFiles({
    name: 'voice.wav',
    mimeType: 'audio/wav',
    buffer: toneWav(2),
  });
  const clip = page.getByTestId('audio-clip');
  await expect(clip).toHaveCount(1);
  // Drag the fade-out handle half a second into the clip.
  const box = await clip.boundingBox();
  const handle = await page.getByTestId('audio-fade-out-handle').boundingBox();
  if (!box || !handle) throw new Error('no clip');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - box.width / 4, handle.y + handle.height / 2, {
    steps: 5,
  });
  await page.mouse.up();
  await expect(page.getByTestId('audio-fade-out')).toHaveValue('0.5');
  await page.screenshot({ path: `${SCREENS}/audio-fade.png` });

  await page.getByTestId('audio-mute').check();
  await expect(clip).toHaveAttribute('aria-label', /muted$/);
  await clip.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(clip).toHaveAttribute('aria-label', /^voice: 0:01\.0/);
  await page.keyboard.press('Delete');
  await expect(clip).toHaveCount(0);
  await expect(page.getByTestId('audio-inspector')).toHaveCount(0);
});

test('takes a sound dropped on the timeline and refuses a file that is not one', async ({ page }) => {
  const wav = toneWav(1).toString('base64');
  const drop = await page.evaluateHandle((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.wav', { type: 'audio/wav' }));
    return transfer;
  }, wav);
  await page.getByTestId('timeline-track').dispatchEvent('dragover', { dataTransfer: drop });
  await page.getByTestId('timeline-track').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByTestId('audio-clip')).toHaveAttribute('aria-label', /^dropped: 0:00\.0 to 0:01\.0/);

  await page.getByTestId('sound-file-input').setInputFiles({
    name: 'notes.mp3',
    mimeType: 'audio/mpeg',
    buffer: Buffer.from('These are my notes about the song, not the song.'),
  });
  await expect(page.getByText('"notes.mp3" is not a sound file the studio can use')).toBeVisible();
  await expect(page.getByTestId('audio-clip')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/audio-refused.png` });
});

test("plays an M4A (AAC) sound, through the host's WAV version when the browser cannot decode it", async ({
  page,
}) => {
  // Made with the system ffmpeg at test time: 6 s of AAC in an MP4 container.
  const dir = mkdtempSync(join(tmpdir(), 'kindness-m4a-'));
  const file = join(dir, 'voice-over.m4a');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=500:duration=6',
    '-c:a',
    'aac',
    file,
  ]);
  const m4a = readFileSync(file);
  rmSync(dir, { recursive: true, force: true });
  await page.getByTestId('sound-file-input').setInputFiles({
    name: 'voice-over.m4a',
    mimeType: 'audio/x-m4a',
    buffer: m4a,
  });
  const clip = page.getByTestId('audio-clip');
  await expect(clip).toHaveAttribute('aria-label', /^voice-over: 0:00\.0 to 0:06\.0/);
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(100);
  await page.getByTestId('play').click();
  const lanes = page.getByTestId('audio-lanes');
  await expect(lanes).toHaveAttribute('data-audio-state', 'running');
  await expect(lanes).toHaveAttribute('data-audio-scheduled', '1');
  await page.getByTestId('play').click();
});
