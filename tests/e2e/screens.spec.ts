import type { Page } from '@playwright/test';
import { toneWav } from '../helpers/sounds';
import { expect, openStudio, startFromTemplate, test } from './fixtures';

/**
 * A tour of the main screens at both sizes, for people to look at: run it before and after a
 * change to the styles and compare the pictures (SCREENS_DIR picks where they go).
 */
const DIR = process.env.SCREENS_DIR ?? 'test-results/screens/tour';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function shot(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 0 };
  // Let transitions and thumbnails settle before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${DIR}/${width}-${name}.png` });
}

for (const size of SIZES) {
  test(`the main screens at ${size.width}x${size.height}`, async ({ page, studio }, testInfo) => {
    testInfo.setTimeout(180_000);
    await page.setViewportSize(size);
    await openStudio(page, studio.server.url);
    await shot(page, '01-start');
    await startFromTemplate(page, 'be-the-reason');
    await shot(page, '02-studio');

    await page.getByTestId('sound-file-input').setInputFiles({
      name: 'gentle piano.wav',
      mimeType: 'audio/wav',
      buffer: toneWav(4),
    });
    await page.getByTestId('sound-file-input').setInputFiles({
      name: 'soft rain.wav',
      mimeType: 'audio/wav',
      buffer: toneWav(3),
    });
    await expect(page.getByTestId('audio-clip')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await shot(page, '03-two-sounds');
    const rows = page.getByTestId('toggle-element-rows');
    if ((await rows.getAttribute('aria-pressed')) !== 'true') await rows.click();
    await shot(page, '04-keyframe-rows');

    await page.getByTestId('caption-block').first().click();
    await shot(page, '05-caption-inspector');

    await page
      .getByRole('button', { name: /end card/i })
      .first()
      .click();
    await shot(page, '06-end-card');

    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await shot(page, '07-export');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Post text' }).click();
    await shot(page, '08-post-text');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByTestId('review-player')).toBeVisible();
    await shot(page, '09-review');
  });
}
