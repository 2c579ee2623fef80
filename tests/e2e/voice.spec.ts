import type { Page } from '@playwright/test';
import { synthesiseLines, wavBytes, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import { LARGE_SCREEN, SCREENS, SMALL_SCREEN, expect, openStudio, previewPixels, test } from './fixtures';

/**
 * Time to voice and Make this character talk, as a creator does them: a voice recorded
 * elsewhere (here synthesised word by word with espeak-ng, so its word times are known) added
 * with "Add sound", the script typed key by key, the captions timed to it; then Leo of the
 * "Why Would You…" story made to talk, the playhead moved to hear and see it, and undo.
 */
const LINES = ['Be brave, my friend.', 'Maybe people will help him.'];
const FPS = 30;
let voice: CorpusSentence;

test.beforeAll(async () => {
  voice = await synthesiseLines(LINES, { language: 'en', seed: 3 });
});

/** Where the preview's frame (1080 x 1920) is on the page. */
async function frameOnPage(page: Page) {
  const box = await page.locator('[data-testid="preview"] canvas').first().boundingBox();
  if (!box) throw new Error('the preview has no canvas');
  const scale = box.width / 1080;
  return (x: number, y: number) => ({ x: box.x + x * scale, y: box.y + y * scale });
}

/**
 * Moves the playhead to a frame with the keyboard on the timeline's ruler: Home, or on from
 * the frame it is at, a frame per →.
 */
let atFrame = 0;
async function goToFrame(page: Page, frame: number): Promise<void> {
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  await playhead.focus();
  if (frame < atFrame || atFrame === 0) {
    await page.keyboard.press('Home');
    atFrame = 0;
  }
  for (; atFrame < frame; atFrame++) await page.keyboard.press('ArrowRight');
  await expect(playhead).toHaveAttribute('aria-valuenow', String(Math.round((frame / FPS) * 10) / 10));
}

/** The captions on the timeline, from what each block says of itself. */
async function timedCaptions(page: Page): Promise<{ start: number; end: number; text: string }[]> {
  const labels = await page
    .getByRole('group', { name: 'Captions' })
    .locator('[aria-label^="Caption "]')
    .evaluateAll((blocks) => blocks.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const m = /^Caption (\d+):(\d+\.\d+) to (\d+):(\d+\.\d+): (.*?)( \(has readability warnings\))?$/.exec(
      label,
    );
    if (!m) throw new Error(`unexpected caption label: ${label}`);
    return {
      start: Number(m[1]) * 60 + Number(m[2]),
      end: Number(m[3]) * 60 + Number(m[4]),
      text: m[5] ?? '',
    };
  });
}

// Timing a voice does not depend on the window's size: the alignment runs at 1280x720, the
// no-speech message at 1920x1080 (voicePicker.spec.ts takes the other sizes).
test.describe('at 1280x720', () => {
  test.use({ viewport: SMALL_SCREEN });
  const tag = '1280x720';

  test('times a typed script to a voice, makes Leo talk with it, and undoes both', async ({
    page,
    studio,
  }) => {
    test.slow();
    atFrame = 0;
    await openStudio(page, studio.server.url);
    await page
      .getByRole('list', { name: 'Story templates' })
      .getByRole('button', { name: /Why Would You/ })
      .click();
    await expect(page.getByLabel('Project title')).toHaveValue('Why Would You…');
    const before = await timedCaptions(page);

    // Add the voice at the playhead (0:00).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add sound at the playhead' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'my voice.wav',
      mimeType: 'audio/wav',
      buffer: wavBytes(voice.samples, voice.sampleRate),
    });
    const timeToVoice = page.getByRole('region', { name: 'Time to voice' });
    await expect(timeToVoice).toBeVisible();

    // Nothing typed yet: it says what is missing.
    await timeToVoice.getByRole('button', { name: 'Time to voice' }).click();
    await expect(timeToVoice.getByRole('alert')).toHaveText(
      'The script is empty: type or paste the words that are said, one caption per line.',
    );

    // Type the script, a caption per line.
    await timeToVoice.getByRole('textbox', { name: 'Script' }).click();
    await page.keyboard.type(LINES[0] as string);
    await page.keyboard.press('Enter');
    await page.keyboard.type(LINES[1] as string);
    await expect(timeToVoice).toContainText('2 captions');
    await timeToVoice.getByRole('button', { name: 'Time to voice' }).click();
    await expect(page.getByText('Timed 2 captions to “my voice”.')).toBeVisible();

    // The two captions sit where the voice says them.
    const timed = await timedCaptions(page);
    expect(timed.map((c) => c.text)).toEqual(LINES);
    const firstWord = voice.words[0] as { start: number };
    const secondLine = voice.words.find((w) => w.line === 1) as { start: number };
    expect(Math.abs((timed[0]?.start ?? 0) - firstWord.start)).toBeLessThan(0.2);
    expect(Math.abs((timed[1]?.start ?? 0) - secondLine.start)).toBeLessThan(0.2);
    await page.screenshot({ path: `${SCREENS}/voice-timed-${tag}.png` });

    // Pick Leo on the canvas (scene 1, standing left) and make him talk with the voice.
    const at = await frameOnPage(page);
    await goToFrame(page, 0);
    const leo = at(260, 1000);
    await page.mouse.click(leo.x, leo.y);
    const talking = page.getByRole('region', { name: 'Talking' });
    await expect(talking).toBeVisible();
    await expect(talking.getByLabel('Voice')).toHaveValue(/.+/);
    await talking.getByRole('button', { name: 'Make this character talk' }).click();
    await expect(page.getByText(/^Leo talks with “my voice”: \d+ mouth keyframes\.$/)).toBeVisible();
    await expect(talking).toContainText('mouth keyframes: edit them on the timeline');
    await page.screenshot({ path: `${SCREENS}/voice-talking-${tag}.png` });

    // Scrub: in silence the mouth rests, while he speaks it moves (frames differ from a moment before).
    const silent = 2; // 0.07 s: before the voice starts at 0.4 s
    const speaking = [14, 16, 18, 20, 22, 24, 26, 28, 30]; // 0.47 to 1 s: "Be brave"
    await goToFrame(page, silent);
    const silentTalking = await previewPixels(page);
    const talkingFrames: string[] = [];
    for (const f of speaking) {
      await goToFrame(page, f);
      talkingFrames.push(await previewPixels(page));
    }
    expect(new Set(talkingFrames).size).toBeGreaterThanOrEqual(3);

    // Undo takes the mouth back to how it was, in one step; the captions stay timed.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('region', { name: 'Talking' })).not.toContainText('mouth keyframes');
    await goToFrame(page, silent);
    expect(await previewPixels(page)).toBe(silentTalking);
    const stillFrames: string[] = [];
    for (const f of speaking) {
      await goToFrame(page, f);
      stillFrames.push(await previewPixels(page));
    }
    expect(stillFrames.filter((p, i) => p !== talkingFrames[i]).length).toBeGreaterThanOrEqual(3);
    expect((await timedCaptions(page)).map((c) => c.text)).toEqual(LINES);

    // And once more: the captions are as the story had them.
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await timedCaptions(page)).map((c) => c.text))
      .toEqual(before.map((c) => c.text));
    await page.screenshot({ path: `${SCREENS}/voice-undone-${tag}.png` });
  });
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });
  const tag = '1920x1080';

  test('says so when the sound has no speech in it', async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    await page.getByRole('button', { name: /Blank project/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add sound at the playhead' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'room tone.wav',
      mimeType: 'audio/wav',
      buffer: wavBytes(new Float32Array(3 * 22050), 22050),
    });
    const timeToVoice = page.getByRole('region', { name: 'Time to voice' });
    await timeToVoice.getByRole('textbox', { name: 'Script' }).click();
    await page.keyboard.type('Hello, friend.');
    await timeToVoice.getByRole('button', { name: 'Time to voice' }).click();
    await expect(timeToVoice.getByRole('alert')).toHaveText(
      'No speech was found in this sound. Choose the clip with the voice in it (music or silence cannot be timed).',
    );
    await expect(
      page.getByRole('group', { name: 'Captions' }).locator('[aria-label^="Caption "]'),
    ).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/voice-no-speech-${tag}.png` });
  });
});
