import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS, expect, openStudio, test } from './fixtures';
import { craftZip } from '../helpers/zipCraft';

/** Picks `name` in the in-app Open dialog (opening the dialog first when it is closed). */
async function openFromWorkspace(page: Page, name: string): Promise<void> {
  const dialog = page.getByTestId('file-dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('start-open').click();
  await dialog.getByRole('button', { name: new RegExp(name.replace('.', '\\.')) }).click();
}

test('a damaged file and a file from a newer version get a clear message, and are left as they were', async ({
  page,
  studio,
}) => {
  const damagedPath = join(studio.workspace, 'damaged.kindness');
  const damaged = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 0x5a)]);
  await writeFile(damagedPath, damaged);

  const newerPath = join(studio.workspace, 'from-the-future.kindness');
  const newerProject = { format: 'kindness-studio', version: 99, title: 'Next year', scenes: [] };
  const newer = craftZip([{ name: 'project.json', data: JSON.stringify(newerProject) }]);
  await writeFile(newerPath, newer);

  await openStudio(page, studio.server.url);

  await openFromWorkspace(page, 'damaged.kindness');
  const notices = page.getByRole('status');
  await expect(notices).toContainText('damaged.kindness');
  await expect(notices).toContainText('is not a Kindness Studio project, or it is damaged');
  // The technical words are not in the message, but one click away.
  await expect(notices).not.toContainText('(');
  await expect(page.getByTestId('notice-detail')).toHaveCount(0);
  await page.getByTestId('notice-details').click();
  await expect(page.getByTestId('notice-detail')).not.toBeEmpty();
  await page.screenshot({ path: `${SCREENS}/damaged-file-details.png` });
  await expect(page.getByRole('heading', { name: 'Kindness Studio' })).toBeVisible(); // still on the start screen

  // The Open dialog stays open after a failure, so another file can be picked at once.
  await expect(page.getByTestId('file-dialog')).toBeVisible();
  await openFromWorkspace(page, 'from-the-future.kindness');
  await expect(notices).toContainText('newer version of Kindness Studio');
  await expect(notices).toContainText('Update Kindness Studio to open it');
  await page.screenshot({ path: `${SCREENS}/newer-file.png` });

  // Nothing was changed on disk.
  expect(await readFile(damagedPath)).toEqual(damaged);
  expect(await readFile(newerPath)).toEqual(newer);
});
