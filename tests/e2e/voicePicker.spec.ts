import type { Page } from '@playwright/test';
import { synthesiseLines, wavBytes, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import { LARGE_SCREEN, SCREENS, SMALL_SCREEN, expect, openStudio, test } from './fixtures';

/**
 * Time to voice and Make a character talk with nothing selected, from the timeline bar: the
 * only sound is used and named; with two, the creator picks the voice by its name (mouse, then
 * keyboard). The voice says the "Why Would You…" story's captions (espeak-ng, word by word).
 */
const STORY = [
  'I almost wrote something mean today',
  "It wasn't about them. I felt small",
  'So I paused and asked: why would I?',
  'I asked how they did it instead',
  'Feel it, then choose kind',
];
let voice: CorpusSentence;

test.beforeAll(async () => {
  voice = await synthesiseLines(STORY, { language: 'en', seed: 7 });
});

async function addSound(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add sound at the playhead' }).click();
  await (await chooser).setFiles({ name, mimeType: 'audio/wav', buffer: bytes });
  // Added clips are selected: Done leaves nothing selected, as the creator would have it.
  await expect(page.getByRole('region', { name: 'Time to voice' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Time to voice' })).toHaveCount(0);
}

/** Caption starts on the timeline, from what each block says of itself. */
async function captionStarts(page: Page): Promise<number[]> {
  const labels = await page
    .getByRole('group', { name: 'Captions' })
    .locator('[aria-label^="Caption "]')
    .evaluateAll((blocks) => blocks.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const m = /^Caption (\d+):(\d+\.\d+) to/.exec(label);
    if (!m) throw new Error(`unexpected caption label: ${label}`);
    return Number(m[1]) * 60 + Number(m[2]);
  });
}

/** Opens the timeline bar's Voice menu and picks `item` with the mouse. */
async function voiceMenu(page: Page, item: 'Time to voice…' | 'Make a character talk…'): Promise<void> {
  // Its accessible name also carries its tooltip: "Voice Time captions to a voice…".
  await page.getByRole('button', { name: /^Voice\b/ }).click();
  await page.getByRole('menu', { name: 'Voice' }).getByRole('menuitem', { name: item }).click();
}

// Picking a voice does not depend on the window's size: each test runs at one of the two sizes
// (voice.spec.ts takes the other ones).
test.describe('at 1280x720', () => {
  test.use({ viewport: SMALL_SCREEN });
  const tag = '1280x720';

  test('says what to do when there is no voice or no character', async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    await page.getByRole('button', { name: /Blank project/ }).click();
    await voiceMenu(page, 'Time to voice…');
    await expect(
      page.getByText(
        'There is no voice in this project yet: record one with Record (Shift+R) or add one with “Add sound”, then try again.',
      ),
    ).toBeVisible();
    await voiceMenu(page, 'Make a character talk…');
    await expect(
      page.getByText(/^There is no character with mouth shapes in “.+”: add a person from the Library/),
    ).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/voice-picker-none-${tag}.png` });
  });
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });
  const tag = '1920x1080';

  test('times the captions to a voice picked by name, and makes Leo talk with it', async ({
    page,
    studio,
  }) => {
    test.slow();
    await openStudio(page, studio.server.url);
    await page
      .getByRole('list', { name: 'Story templates' })
      .getByRole('button', { name: /Why Would You/ })
      .click();
    await expect(page.getByLabel('Project title')).toHaveValue('Why Would You…');
    const before = await captionStarts(page);
    expect(before).toHaveLength(5);

    // Nothing selected, one sound: it is used, and the message says which.
    await addSound(page, 'story voice.wav', wavBytes(voice.samples, voice.sampleRate));
    await voiceMenu(page, 'Time to voice…');
    await expect(
      page.getByText('Timed 5 captions to “story voice”, the only sound in the project.'),
    ).toBeVisible();
    const lineStart = (line: number) => voice.words.find((w) => w.line === line)?.start ?? -1;
    const timed = await captionStarts(page);
    expect(timed).toHaveLength(5);
    // Timed to the voice: the first caption starts where the voice does (the emoji the
    // story's captions end with are not said, so later lines are not held to a tolerance here).
    expect(Math.abs((timed[0] ?? -1) - lineStart(0))).toBeLessThan(0.3);
    expect(timed).not.toEqual(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => captionStarts(page)).toEqual(before);

    // Two sounds: it asks which, by name and start time; the voice is picked with the mouse.
    await addSound(page, 'room tone.wav', wavBytes(new Float32Array(3 * 22050), 22050));
    await voiceMenu(page, 'Time to voice…');
    const which = page.getByRole('dialog', { name: 'Which voice?' });
    await expect(which).toBeVisible();
    await expect(which.getByRole('button', { name: /^story voice\s*starts at 0:00\.0$/ })).toBeFocused();
    await expect(which.getByRole('button', { name: /^room tone\s*starts at 0:00\.0$/ })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/voice-picker-${tag}.png` });
    await which.getByText('story voice').click();
    await expect(which).toHaveCount(0);
    await expect(page.getByText('Timed 5 captions to “story voice”.')).toBeVisible();
    expect(await captionStarts(page)).toEqual(timed);

    // Make talk, nothing selected: Leo is the only character of the first scene; the voice
    // is picked with the keyboard (↓ to the second choice, ↑ back, Enter).
    await voiceMenu(page, 'Make a character talk…');
    await expect(which).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(which.getByRole('button', { name: /^room tone/ })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Leo talks with “story voice”: \d+ mouth keyframes\.$/)).toBeVisible();
    const leoRow = page.getByText(/^\d+ mouth keyframes: edit them on the timeline/);
    // Leo's inspector says what was made: select him from the layers with the mouse.
    await page
      .getByRole('button', { name: /^Leo\b/ })
      .first()
      .click();
    await expect(leoRow).toBeVisible();

    // Undo is one step: the mouth keyframes go, the timed captions stay.
    await page.keyboard.press('Control+z');
    await expect(leoRow).toHaveCount(0);
    expect(await captionStarts(page)).toEqual(timed);
  });
});
