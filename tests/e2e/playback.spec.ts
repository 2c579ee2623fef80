import { SCREENS, expect, openStudio, previewPixels, startFromTemplate, test } from './fixtures';

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
});

test('scrubbing the timeline shows each frame in the preview', async ({ page }) => {
  const track = page.getByTestId('timeline-track');
  const box = await track.boundingBox();
  if (!box) throw new Error('no timeline');
  const atStart = await previewPixels(page);

  // Drag the playhead from 0 into the second scene: the preview follows while the pointer moves.
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2, { steps: 5 });
  await expect(page.getByTestId('time')).not.toContainText('0:00.0 /');
  const during = await previewPixels(page);
  expect(during).not.toBe(atStart);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const later = await previewPixels(page);
  expect(later).not.toBe(during);
  await expect(page.getByTestId('time')).toContainText('0:06');
  // The scene under the playhead is selected when scrubbing ends.
  await expect(page.getByTestId('scene-card').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: `${SCREENS}/scrubbed.png` });

  // The keyboard moves one frame at a time.
  await track.focus();
  await page.keyboard.press('ArrowRight');
  expect(await previewPixels(page)).not.toBe(later);
});

test('plays and pauses with Space', async ({ page }) => {
  const time = page.getByTestId('time');
  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await expect(time).not.toContainText('0:00.0 /');
  const before = await previewPixels(page);
  await expect.poll(() => previewPixels(page)).not.toBe(before);

  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
  const stoppedAt = await time.innerText();
  const stoppedPixels = await previewPixels(page);
  await page.waitForTimeout(400);
  expect(await time.innerText()).toBe(stoppedAt);
  expect(await previewPixels(page)).toBe(stoppedPixels);

  // The play button does the same.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play');
});
