import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ffprobe } from '../integration/helpers/media';
import { SMALL_SCREEN, expect, openStudio, test } from './fixtures';
import { saveWithKeyboard } from './person';

/**
 * Issue 11: "every file of a batch gets (2)". A creator ticks several outputs at once in an empty
 * folder; each output must be saved under its own plain name, with its captions and post text
 * beside it, and nothing numbered, left over or half-written. When one output's name is taken,
 * only that output gets a number (it used to give every output of the batch one). Then the same
 * after a save, when the name comes from the project. Made the way a person makes it: the mouse,
 * keys typed one by one, and what the screen says.
 */
test.use({ viewport: SMALL_SCREEN });

/** The files a finished video output leaves: the video and its sidecars, under one name. */
function videoFiles(stem: string): string[] {
  return ['.mp4', '.srt', '.vtt', '.txt', '.cover.png'].map((extension) => `${stem}${extension}`);
}

/** Types over what the focused field holds, as a person replaces a name. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** Ticks exactly the outputs named, by their labels in the dialog. */
async function choose(page: Page, wanted: readonly string[]): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  for (const label of ['TikTok', 'Instagram Reels', 'YouTube Shorts', 'Review draft', 'Animated GIF']) {
    const box = dialog.getByRole('checkbox', { name: new RegExp(`^${label}`) });
    if (wanted.includes(label)) await box.check();
    else await box.uncheck();
  }
}

/** Starts the export with the dialog's button and waits until every output is saved. */
async function exportAndWait(page: Page, count: number): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: `Export ${count} files` }).click();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible({ timeout: 300_000 });
  await expect(dialog.getByText(/^Saved (and checked|, with warnings)$/)).toHaveCount(count);
}

test('a batch of TikTok, Reels, Shorts and a GIF keeps each output its own plain name', async ({
  page,
  studio,
}) => {
  test.setTimeout(420_000);
  await openStudio(page, studio.server.url);
  await page.getByRole('button', { name: /^Blank project/ }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Project title' }).click();
  await retype(page, 'Kind words');
  await page.keyboard.press('Enter');

  // A caption (so .srt and .vtt are written) and post text (so .txt is).
  await page.getByRole('button', { name: 'Go to start' }).click();
  await page.keyboard.press('c');
  await page.keyboard.type('Say one kind thing today');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Post text' }).click();
  const post = page.getByRole('dialog', { name: 'Post text' });
  await post.getByRole('textbox', { name: 'Caption' }).click();
  await page.keyboard.type('One kind comment can change a whole day.');
  await post.getByRole('button', { name: 'Done' }).click();
  await expect(post).toHaveCount(0);
  expect(await readdir(studio.workspace)).toEqual([]);

  // ---- Four outputs at once into the empty folder, under a typed name ----
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await choose(page, ['TikTok', 'Instagram Reels', 'YouTube Shorts', 'Animated GIF']);
  await dialog.getByRole('textbox', { name: 'File name' }).click();
  await retype(page, 'kind');
  await expect(dialog).toContainText(
    'Saved as “kind-tiktok.mp4”, “kind-reels.mp4”, “kind-shorts.mp4”, “kind.gif”',
  );
  await exportAndWait(page, 4);

  // The dialog names each saved file as it is on disk.
  const outputs = dialog.getByRole('list', { name: 'Outputs' });
  for (const name of ['kind-tiktok.mp4', 'kind-reels.mp4', 'kind-shorts.mp4', 'kind.gif']) {
    await expect(outputs.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(outputs).not.toContainText('(2)');

  // Exactly these files: no number, no temporary or reservation file, the sidecars beside each video.
  const first = [
    ...videoFiles('kind-tiktok'),
    ...videoFiles('kind-reels'),
    ...videoFiles('kind-shorts'),
    'kind.gif',
  ];
  expect((await readdir(studio.workspace)).sort()).toEqual([...first].sort());
  for (const stem of ['kind-tiktok', 'kind-reels', 'kind-shorts']) {
    const video = await ffprobe(join(studio.workspace, `${stem}.mp4`));
    expect(video.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1080, height: 1920 });
    expect(await readFile(join(studio.workspace, `${stem}.srt`), 'utf8')).toContain(
      'Say one kind thing today',
    );
    expect(await readFile(join(studio.workspace, `${stem}.txt`), 'utf8')).toContain('One kind comment');
  }
  const gif = await ffprobe(join(studio.workspace, 'kind.gif'));
  expect(gif.streams[0]).toMatchObject({ codec_name: 'gif', width: 540, height: 960 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  // ---- TikTok again with a new output: only the name that is taken gets a number ----
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  const another = dialog.getByRole('button', { name: 'Export again' });
  if (await another.isVisible()) await another.click();
  await choose(page, ['TikTok', 'Review draft']);
  await dialog.getByRole('textbox', { name: 'File name' }).click();
  await retype(page, 'kind');
  await exportAndWait(page, 2);
  for (const name of ['kind-tiktok (2).mp4', 'kind-draft.mp4']) {
    await expect(
      dialog.getByRole('list', { name: 'Outputs' }).getByText(name, { exact: true }),
    ).toBeVisible();
  }
  first.push(...videoFiles('kind-tiktok (2)'), ...videoFiles('kind-draft'));
  expect((await readdir(studio.workspace)).sort()).toEqual([...first].sort());
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  // ---- Saved: the next batch takes the project's name, and still no number ----
  await saveWithKeyboard(page);

  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  const again = dialog.getByRole('button', { name: 'Export again' });
  if (await again.isVisible()) await again.click();
  await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveValue('Kind words');
  await choose(page, ['TikTok', 'Instagram Reels', 'YouTube Shorts', 'Review draft', 'Animated GIF']);
  await exportAndWait(page, 5);
  await expect(dialog.getByRole('list', { name: 'Outputs' })).not.toContainText('(2)');

  const second = [
    ...videoFiles('Kind words-tiktok'),
    ...videoFiles('Kind words-reels'),
    ...videoFiles('Kind words-shorts'),
    ...videoFiles('Kind words-draft'),
    'Kind words.gif',
  ];
  expect((await readdir(studio.workspace)).sort()).toEqual(
    [...first, ...second, 'Kind words.kindness'].sort(),
  );
});
