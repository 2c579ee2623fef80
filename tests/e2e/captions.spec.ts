import type { Locator, Page } from '@playwright/test';
import { SCREENS, expect, openStudio, previewPixels, startFromTemplate, test } from './fixtures';

async function centre(locator: Locator): Promise<{ x: number; y: number; width: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

const seconds = async (input: Locator) => Number(await input.inputValue());

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
});

test('adds a caption at the playhead, types it in place, retimes and moves it, and undoes', async ({
  page,
}) => {
  const blank = await previewPixels(page);
  await expect(page.getByTestId('caption-row')).toContainText('press C');

  // C adds a caption at the playhead and opens it for typing on the track.
  await page.getByTestId('timeline-track').focus();
  await page.keyboard.press('c');
  const block = page.getByTestId('caption-block');
  await expect(block).toHaveCount(1);
  const inPlace = page.getByTestId('caption-inline-edit');
  await expect(inPlace).toBeFocused();
  await inPlace.fill('Be kind');
  await page.keyboard.press('Enter');
  await expect(inPlace).toHaveCount(0);
  await expect(block).toContainText('Be kind');
  await expect(page.getByTestId('caption-text')).toHaveValue('Be kind');
  // The preview shows the caption (the playhead is inside it).
  await expect.poll(() => previewPixels(page)).not.toBe(blank);

  const start = page.getByTestId('caption-start');
  const end = page.getByTestId('caption-end');
  expect(await seconds(start)).toBe(0);
  expect(await seconds(end)).toBe(2);

  // Drag the end edge to the right: a longer caption, ending on a whole frame.
  const edge = await centre(block.getByTestId('caption-edge-end'));
  const track = await centre(page.getByTestId('timeline-track'));
  await drag(page, edge, { x: edge.x + track.width * 0.1, y: edge.y });
  const newEnd = await seconds(end);
  expect(newEnd).toBeGreaterThan(2.2);
  expect(Math.abs(newEnd * 30 - Math.round(newEnd * 30))).toBeLessThan(1e-6);

  // Drag the body: it moves and keeps its length.
  const length = newEnd - (await seconds(start));
  const body = await centre(block);
  await drag(page, body, { x: body.x + track.width * 0.05, y: body.y });
  expect(await seconds(start)).toBeGreaterThan(0);
  expect((await seconds(end)) - (await seconds(start))).toBeCloseTo(length, 3);
  await page.screenshot({ path: `${SCREENS}/captions-track.png` });

  // Each drag is one undo step.
  await page.keyboard.press('Control+z');
  expect(await seconds(start)).toBe(0);
  await page.keyboard.press('Control+z');
  expect(await seconds(end)).toBe(2);
});

test('shows a readability warning on a caption that goes by too fast and fixes it in one click', async ({
  page,
}) => {
  await page.getByTestId('add-caption').click();
  const inPlace = page.getByTestId('caption-inline-edit');
  await inPlace.fill('Kindness is a choice you make today');
  await page.keyboard.press('Enter');

  const block = page.getByTestId('caption-block');
  await expect(block.getByTestId('caption-badge')).toBeVisible();
  const issues = page.getByTestId('caption-issues');
  await expect(issues).toContainText('characters per second');
  await page.screenshot({ path: `${SCREENS}/captions-warning.png` });

  await page.getByTestId('caption-fix-too-fast').click();
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();
  await expect(block.getByTestId('caption-badge')).toHaveCount(0);
  expect(Number(await page.getByTestId('caption-end').inputValue())).toBeGreaterThan(2);

  // The children's profile reads slower: the same caption is too fast again.
  await page.getByTestId('caption-audience').selectOption('children');
  await expect(block.getByTestId('caption-badge')).toBeVisible();
  await page.getByTestId('caption-fix-too-fast').click();
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();

  // White text with only a soft shadow on a light picture: the contrast measured on the rendered
  // frame is too low (the classic thick outline would be a halo, readable anywhere: issue 14).
  await page.getByLabel('Style of this caption').selectOption('Soft shadow');
  await block.focus();
  await page.keyboard.press('Escape');
  await page.getByLabel('Background colour').fill('#fff6dc');
  await block.click();
  await expect(page.getByTestId('caption-fix-low-contrast')).toBeVisible();
  await expect(issues).toContainText(':1');
  await expect(block.getByTestId('caption-badge')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/captions-contrast.png` });
  await page.getByTestId('caption-fix-low-contrast').click();
  await expect(page.getByTestId('caption-style')).toHaveValue('box');
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();
  await expect(block.getByTestId('caption-badge')).toHaveCount(0);
});

test('warns when a caption placed by hand leaves the chosen platform safe zone, and moves it back in one click', async ({
  page,
}) => {
  await page.getByTestId('add-caption').click();
  await page.getByTestId('caption-inline-edit').fill('Be kind');
  await page.keyboard.press('Enter');
  const block = page.getByTestId('caption-block');
  const issues = page.getByTestId('caption-issues');
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();

  // Placed by hand at 60% of the height it is still clear on every platform.
  await page.getByTestId('caption-position').selectOption('hand');
  const height = page.getByTestId('caption-height');
  await height.fill('60');
  await height.press('Enter');
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();

  // At 72% it sits where Reels and Shorts draw their own caption and buttons.
  await height.fill('72');
  await height.press('Enter');
  await expect(issues).toContainText('below the safe zone on every platform');
  await expect(block.getByTestId('caption-badge')).toBeVisible();

  // The check follows the platform chosen for the safe-zone overlay.
  await page.getByTestId('toggle-safe-zones').click();
  await page.getByLabel('Safe zones for').selectOption('reels');
  await expect(issues).toContainText('below the safe zone on Instagram Reels');
  await page.screenshot({ path: `${SCREENS}/captions-safe-zone.png` });

  await page.getByTestId('caption-fix-outside-safe-zone').click();
  await expect(page.getByTestId('caption-position')).toHaveValue('bottom');
  await expect(page.getByTestId('caption-reads-well')).toBeVisible();
  await expect(block.getByTestId('caption-badge')).toHaveCount(0);
  // One undo step puts it back where it was placed.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('caption-position')).toHaveValue('hand');
  await expect(block.getByTestId('caption-badge')).toBeVisible();
});

test('splits a caption at the playhead, merges it back and deletes it', async ({ page }) => {
  await page.getByTestId('add-caption').click();
  await page.getByTestId('caption-inline-edit').fill('Say something kind today');
  await page.keyboard.press('Enter');
  // Playhead to 1 s (30 frames), then split.
  const track = page.getByTestId('timeline-track');
  await track.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.getByTestId('caption-block').first().click();
  await page.getByTestId('caption-split').click();
  const blocks = page.getByTestId('caption-block');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0)).toContainText('Say something');
  await expect(blocks.nth(1)).toContainText('kind today');

  await blocks.nth(0).click();
  await page.getByTestId('caption-merge').click();
  await expect(blocks).toHaveCount(1);
  await expect(page.getByTestId('caption-text')).toHaveValue('Say something kind today');

  await blocks.first().focus();
  await page.keyboard.press('Delete');
  await expect(blocks).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(blocks).toHaveCount(1);
});

test('imports an SRT file, showing what it skipped, replaces the captions with one undo step, and exports WebVTT', async ({
  page,
  studio,
}) => {
  // One caption of our own first, so the import asks whether to replace or add.
  await page.getByTestId('add-caption').click();
  await page.getByTestId('caption-inline-edit').fill('Mine');
  await page.keyboard.press('Enter');

  const srt = [
    '1',
    '00:00:00,200 --> 00:00:01,400',
    'Words can hurt.',
    '',
    '2',
    '00:00:01,500 --> 00:00:01,000',
    'Backwards',
    '',
    '3',
    '00:00:01,600 --> 00:00:02,900',
    'كن لطيفًا 💛',
    '',
  ].join('\n');
  await page.getByTestId('subtitle-file').setInputFiles({
    name: 'kind.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from(srt),
  });
  const panel = page.getByTestId('subtitle-import');
  await expect(panel).toContainText('2 captions in “kind.srt”');
  await expect(page.getByTestId('subtitle-warnings')).toContainText('Line 6');
  await expect(page.getByTestId('subtitle-warnings')).toContainText('ends');
  await page.screenshot({ path: `${SCREENS}/captions-import.png` });
  await page.getByTestId('subtitle-replace').click();

  const blocks = page.getByTestId('caption-block');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0)).toContainText('Words can hurt.');
  await expect(blocks.nth(1)).toContainText('كن لطيفًا');
  await page.keyboard.press('Control+z');
  await expect(blocks).toHaveCount(1);
  await expect(blocks.nth(0)).toContainText('Mine');
  await page.keyboard.press('Control+Shift+z');
  await expect(blocks).toHaveCount(2);

  // Added to the captions there, a file whose cues would overlap them moves later, together,
  // and the studio says so (before, two captions drew over each other without a word).
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import…/ }).click();
  await (
    await chooser
  ).setFiles({
    name: 'more.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from('1\n00:00:00,500 --> 00:00:01,500\nSit with us\n'),
  });
  await page.getByRole('button', { name: 'Add to my captions' }).click();
  await expect(page.getByText(/They overlapped yours, so they were moved 2\.4 s later/)).toBeVisible();
  await expect(blocks).toHaveCount(3);
  await expect(blocks.nth(2)).toContainText('Sit with us');
  await page.keyboard.press('Control+z');
  await expect(blocks).toHaveCount(2);

  // A file with no cues is refused with a plain message, and nothing changes.
  await page.getByTestId('subtitle-file').setInputFiles({
    name: 'notes.srt',
    mimeType: 'text/plain',
    buffer: Buffer.from('just some notes\n'),
  });
  await expect(page.getByText('“notes.srt” was not imported')).toBeVisible();
  await expect(blocks).toHaveCount(2);

  // Export: a WebVTT file next to the project (the workspace for an unsaved one).
  await page.getByTestId('export-subtitles').click();
  await page.getByTestId('export-vtt').click();
  await expect(page.getByText('Saved the captions as')).toBeVisible();
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const vtt = await readFile(join(studio.workspace, 'Untitled.vtt'), 'utf8');
  expect(vtt).toContain('WEBVTT');
  expect(vtt).toContain('00:00:00.200 --> 00:00:01.400\nWords can hurt.');
});

type Rgba = readonly [number, number, number, number];

/** Pixels on the preview's canvases that pass `kind`: white caption ink or colour. */
async function ink(page: Page, kind: 'white' | 'colour'): Promise<number> {
  return page
    .getByTestId('preview')
    .first()
    .evaluate((root, which) => {
      const counts = ([r, g, b, a]: Rgba) =>
        which === 'white'
          ? a > 200 && r > 230 && g > 230 && b > 230
          : a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 100;
      let count = 0;
      for (const canvas of root.querySelectorAll('canvas')) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4) {
          if (counts([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0])) count++;
        }
      }
      return count;
    }, kind);
}

const whiteInk = (page: Page) => ink(page, 'white');

test('draws Arabic and Japanese captions with the shipped Noto fonts', async ({ page }) => {
  const before = await whiteInk(page);
  await page.getByTestId('add-caption').click();
  await page.getByTestId('caption-inline-edit').fill('كن لطيفا やさしさ');
  await page.keyboard.press('Enter');
  // The Arabic and Japanese subset files arrive on demand, and the glyphs show in the preview.
  await expect
    .poll(() =>
      page.evaluate(() =>
        ['600 32px "Noto Sans Arabic"', '600 32px "Noto Sans JP"'].map((font, i) =>
          document.fonts.check(font, i === 0 ? 'كن' : 'やさしさ'),
        ),
      ),
    )
    .toEqual([true, true]);
  await expect.poll(() => whiteInk(page)).toBeGreaterThan(before + 300);
  await page
    .getByTestId('preview')
    .first()
    .screenshot({ path: `${SCREENS}/captions-scripts.png` });
});

test('curly quotes and dashes fetch no Arabic, Japanese or Chinese font file; Arabic does', async ({
  page,
}) => {
  const scriptFiles: string[] = [];
  page.on('request', (request) => {
    if (/noto-sans-(arabic|jp|sc)/.test(request.url())) scriptFiles.push(request.url());
  });
  // Typed as a person would: C adds a caption at the playhead and its text takes the keys.
  await page.keyboard.press('c');
  await page.keyboard.type('It’s “kind” — really…');
  await page.keyboard.press('Enter');
  await expect(page.getByText('It’s “kind” — really…').first()).toBeVisible();
  // The Latin faces have these characters: no script face is asked for them.
  await page.evaluate(() => document.fonts.ready);
  expect(scriptFiles).toEqual([]);

  await page.keyboard.press('c');
  await page.keyboard.type('كن لطيفا');
  await page.keyboard.press('Enter');
  await expect.poll(() => scriptFiles.some((url) => url.includes('noto-sans-arabic'))).toBe(true);
});

test('draws emoji in colour in the preview, as the export does', async ({ page }) => {
  const before = await ink(page, 'colour');
  await page.getByTestId('add-caption').click();
  await page.getByTestId('caption-inline-edit').fill('Be kind 💛🙂🌈');
  await page.keyboard.press('Enter');
  // Yellow, orange and rainbow pixels: the glyphs are drawn from a colour font, not as outlines.
  await expect.poll(() => ink(page, 'colour')).toBeGreaterThan(before + 300);
  await page
    .getByTestId('preview')
    .first()
    .screenshot({ path: `${SCREENS}/captions-emoji.png` });
});
