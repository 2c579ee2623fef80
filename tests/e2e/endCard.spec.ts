import { createCanvas } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENS, expect, openStudio, previewPixels, startFromTemplate, test } from './fixtures';

/** A small round-faced avatar picture, made here so the test needs no binary fixture. */
function avatarPng(): Buffer {
  const canvas = createCanvas(128, 128);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#5ad1ff';
  ctx.fillRect(0, 0, 128, 128);
  ctx.fillStyle = '#ffd166';
  ctx.beginPath();
  ctx.arc(64, 64, 40, 0, Math.PI * 2);
  ctx.fill();
  return canvas.toBuffer('image/png');
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
});

test('builds an end card for the UK: region, resources with checked-on dates, message, handle, avatar', async ({
  page,
}) => {
  await startFromTemplate(page, 'blank');
  await page.getByTestId('endcard-open').click();
  const inspector = page.getByTestId('endcard-inspector');
  await expect(inspector).toBeVisible();
  await page.getByTestId('endcard-enabled').check();
  await expect(page.getByTestId('endcard-block')).toBeVisible();

  await page.getByTestId('endcard-region').selectOption('UK');
  const resources = page.getByTestId('endcard-resources');
  await expect(resources).toContainText('Childline');
  await expect(resources).toContainText('0800 1111');
  await expect(resources).toContainText('TikTok Safety Center');
  await expect(resources).not.toContainText('988');
  await expect(page.getByTestId('resource-checked').first()).toContainText(/Checked on \d{4}-\d{2}-\d{2}/);
  await expect(inspector).toContainText('If you are in immediate danger, call your local emergency number.');

  await page.getByTestId('endcard-message').fill('You are not alone. Talk to someone you trust.');
  await page.getByTestId('endcard-handle').fill('kindcrew');
  await page.getByTestId('endcard-avatar-file').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: avatarPng(),
  });
  await expect(page.getByTestId('endcard-avatar-remove')).toBeVisible();
  await page.getByTestId('endcard-template-night').click();
  await expect(page.getByTestId('endcard-readable')).toBeVisible();
  // Measured on the card as drawn (the pixels behind each text), not only from its colours.
  await expect(page.getByTestId('endcard-readable')).toHaveAttribute('data-measured', 'rendered');
  await expect(page.getByTestId('endcard-open')).toContainText('United Kingdom · 2 resources');
  await page.screenshot({ path: `${SCREENS}/endcard-editor.png` });

  // The canvas shows the card: changing the template changes the picture.
  const night = await previewPixels(page);
  await page.getByTestId('endcard-template-paper').click();
  await expect.poll(() => previewPixels(page)).not.toBe(night);
  await page.screenshot({ path: `${SCREENS}/endcard-paper.png` });

  // A message so long the card must shrink its text below a readable size: a live warning.
  const message = page.getByTestId('endcard-message');
  await message.fill('Words stay with people long after the video ends. '.repeat(6).trim());
  await expect(page.getByTestId('endcard-issues')).toContainText('shrink below a size people can read');
  await expect(page.getByTestId('endcard-issues')).toHaveAttribute('data-measured', 'rendered');
  await page.screenshot({ path: `${SCREENS}/endcard-too-small.png` });
  await message.fill('You are not alone. Talk to someone you trust.');
  await expect(page.getByTestId('endcard-readable')).toBeVisible();

  // Untick a resource; undo brings it back.
  await page.getByRole('checkbox', { name: 'Show TikTok Safety Center on the card' }).uncheck();
  await expect(page.getByTestId('endcard-open')).toContainText('1 resource');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('endcard-open')).toContainText('2 resources');
});

test('adds a checked resource of your own, kept after a restart beside the shipped ones', async ({
  page,
  studio,
}) => {
  await startFromTemplate(page, 'blank');
  await page.getByTestId('endcard-open').click();
  await page.getByTestId('endcard-enabled').check();
  await page.getByTestId('endcard-region').selectOption('UK');
  await page.getByTestId('safety-add').click();
  await page.getByTestId('safety-name').fill('School wellbeing team');
  await page.getByTestId('safety-contact').fill('Ask at reception');
  await page.getByTestId('safety-save').click();
  // No source yet: refused with a plain reason.
  await expect(page.getByTestId('safety-form')).toContainText('say where you checked these details');
  await page.getByTestId('safety-source').fill('Our school newsletter');
  await page.getByTestId('safety-save').click();
  await expect(page.getByTestId('safety-form')).toHaveCount(0);
  const resources = page.getByTestId('endcard-resources');
  await expect(resources).toContainText('School wellbeing team');
  await expect(resources).toContainText('added by you');
  await page.getByRole('checkbox', { name: 'Show School wellbeing team on the card' }).check();
  await page.screenshot({ path: `${SCREENS}/endcard-own-resource.png` });

  const stored = JSON.parse(await readFile(join(studio.dataDir, 'safety-directory.json'), 'utf8'));
  expect(stored.entries).toHaveLength(1);

  // Correct a shipped entry: the card follows, the shipped details can be restored.
  const childline = page.getByTestId('endcard-resources').locator('li', { hasText: 'Childline' });
  await childline.getByRole('button', { name: 'Correct' }).click();
  await page.getByTestId('safety-contact').fill('0800 1111 · childline.org.uk · 1-2-1 chat');
  await page.getByTestId('safety-source').fill('https://www.childline.org.uk, contact page');
  await page.getByTestId('safety-save').click();
  await expect(childline).toContainText('corrected by you');
  await expect(childline.getByRole('checkbox')).toBeChecked();
  await childline.getByRole('button', { name: 'Restore shipped' }).click();
  await expect(childline).toContainText('shipped with the studio');
  await expect(childline.getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('endcard-resources')).not.toContainText('1-2-1 chat');

  // Leave the page first, so its backup of unsaved work is not cut off by the restart.
  await page.goto('about:blank');
  await studio.restart();
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
  await page.getByTestId('endcard-open').click();
  await page.getByTestId('endcard-enabled').check();
  await page.getByTestId('endcard-region').selectOption('UK');
  await expect(page.getByTestId('endcard-resources')).toContainText('School wellbeing team');
  await expect(page.getByTestId('endcard-resources')).toContainText('Childline');
});
