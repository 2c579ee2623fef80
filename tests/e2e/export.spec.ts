import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ffprobe } from '../integration/helpers/media';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

test('exports a draft and a GIF from the dialog, cancels Reels, keeps editing meanwhile', async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
  // A few more seconds, so the export is still running when Reels is cancelled.
  await page.getByTestId('add-scene').click();
  await page.getByTestId('project-title').fill('Kind words');
  // A caption with more words than anyone can read in its time: the export says so again.
  await page.getByTestId('add-caption').click();
  await page
    .getByTestId('caption-inline-edit')
    .fill('Kind words travel further than you think, so send one to someone who needs it today, please');
  await page.keyboard.press('Enter');

  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-folder')).toHaveText(studio.workspace);
  await expect(page.getByTestId('export-name')).toHaveValue('Kind words');
  await page.getByTestId('export-choice-tiktok').uncheck();
  await page.getByTestId('export-choice-reels').check();
  await page.getByTestId('export-choice-draft').check();
  await page.getByTestId('export-choice-gif').check();
  await page.getByTestId('export-name').fill('kind');
  await page.screenshot({ path: `${SCREENS}/export-dialog.png` });
  await page.getByTestId('export-start').click();

  // Reels is cancelled while the export runs; the others carry on.
  const reels = page.getByTestId('export-output-reels');
  await expect(reels).toBeVisible();
  await page.getByTestId('export-cancel-reels').click();
  await expect(reels).toHaveAttribute('data-state', 'cancelled');
  await expect(reels).toContainText('nothing was saved');
  await page.screenshot({ path: `${SCREENS}/export-running.png` });

  // The dialog can be put away: editing goes on, the top bar shows the export.
  const running = await page.getByTestId('export-cancel-all').isVisible();
  if (running) {
    await page.getByTestId('export-hide').click();
    await expect(dialog).toBeHidden();
    await page.getByTestId('project-title').fill('Kind words, edited');
    await expect(page.getByTestId('project-title')).toHaveValue('Kind words, edited');
    await page.getByTestId('export').click();
    await expect(dialog).toBeVisible();
  }

  await expect(page.getByTestId('export-output-draft')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('export-output-gif')).toHaveAttribute('data-state', 'done', {
    timeout: 180_000,
  });
  await expect(page.getByTestId('export-close')).toBeVisible();
  for (const id of ['draft', 'gif']) {
    const report = page.getByTestId(`export-report-${id}`);
    await report.locator('summary').click();
    await expect(report.locator('li.fail')).toHaveCount(0);
    await expect(report.locator('li.warn')).toHaveCount(0);
    await expect(report.locator('summary')).toContainText(/Checks: (\d+) of \1 passed/);
    await expect(page.getByTestId(`export-output-${id}`)).toContainText('Saved, with warnings');
    await expect(page.getByTestId(`export-output-${id}`)).toContainText(
      /Caption at 0:0\d\.\d \(“Kind words travel.*characters per second/,
    );
  }
  await page.getByTestId('export-show-folder').click();
  await expect(page.getByTestId('export-path')).toContainText(studio.workspace);
  await page.screenshot({ path: `${SCREENS}/export-finished.png` });

  const files = await readdir(studio.workspace);
  expect(files.sort()).toEqual(expect.arrayContaining(['kind-draft.mp4', 'kind.gif']));
  expect(files.filter((f) => f.includes('reels') || f.endsWith('.part'))).toEqual([]);
  const gif = await ffprobe(join(studio.workspace, 'kind.gif'));
  expect(gif.streams[0]).toMatchObject({ codec_name: 'gif', width: 540, height: 960 });
  const draft = await ffprobe(join(studio.workspace, 'kind-draft.mp4'));
  expect(draft.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 540, height: 960 });

  await page.getByTestId('export-close').click();
  await expect(dialog).toBeHidden();
});
