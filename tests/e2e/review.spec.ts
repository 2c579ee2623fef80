import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

/** Moves the draft video to `seconds` and waits until the frame is there. */
async function seekVideo(page: Page, seconds: number): Promise<void> {
  await page.locator('#draft').evaluate(
    (video: HTMLVideoElement, t: number) =>
      new Promise<void>((resolve) => {
        video.pause();
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.currentTime = t;
      }),
    seconds,
  );
}

test('share a draft, review it offline in the browser, import the review back', async ({
  page,
  studio,
  context,
}, testInfo) => {
  testInfo.setTimeout(180_000);
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
  await page.getByTestId('project-title').fill('Kind words');

  // Review mode: a read-only player and the comments panel.
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('review-player')).toBeVisible();
  await expect(page.getByTestId('comments-panel')).toBeVisible();
  await page.getByTestId('reviewer-name').fill('Sam (creator)');
  // The creator asks a question before sharing: the reviewer will answer it on the page.
  await page.getByTestId('comment-text').fill('Is the title readable?');
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment-marker')).toHaveCount(1);

  // Share for review: the creator picks the folder and the file name; the draft renders on the host
  // and one HTML file appears there.
  await mkdir(join(studio.workspace, 'For reviewers'));
  await page.getByTestId('share-for-review').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog.getByTestId('share-folder')).toHaveText(studio.workspace);
  await expect(dialog.getByTestId('share-name')).toHaveValue('Kind words - review draft v1.html');
  await dialog.getByTestId('share-change-folder').click();
  await expect(dialog.getByTestId('share-folder-browser')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/review-share-folders.png` });
  await dialog.getByRole('button', { name: 'For reviewers' }).click();
  await expect(dialog.getByTestId('browser-path')).toHaveText(join(studio.workspace, 'For reviewers'));
  await dialog.getByTestId('share-use-folder').click();
  await expect(dialog.getByTestId('share-folder')).toHaveText(join(studio.workspace, 'For reviewers'));
  await dialog.getByTestId('share-name').fill('drafts/Kind words');
  await expect(dialog.getByRole('alert')).toHaveText('A file name cannot contain / or \\.');
  await expect(dialog.getByTestId('share-start')).toBeDisabled();
  await dialog.getByTestId('share-name').fill('Kind words for Maya');
  await expect(dialog.getByTestId('share-saved-as')).toContainText('Saved as “Kind words for Maya.html”');
  await page.screenshot({ path: `${SCREENS}/review-share-dialog.png` });
  await dialog.getByTestId('share-start').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Review page written/)).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('review-status')).toContainText('In review');
  const htmlPath = join(studio.workspace, 'For reviewers', 'Kind words for Maya.html');
  expect(await readdir(join(studio.workspace, 'For reviewers'))).toEqual(['Kind words for Maya.html']);

  // The reviewer opens it from disk: no server, no network.
  const reviewPage = await context.newPage();
  const pageErrors: string[] = [];
  reviewPage.on('pageerror', (e) => pageErrors.push(e.message));
  reviewPage.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  const requests: string[] = [];
  reviewPage.on('request', (r) => {
    if (!r.url().startsWith('data:') && !r.url().startsWith('file:') && !r.url().startsWith('blob:'))
      requests.push(r.url());
  });
  await reviewPage.goto(pathToFileURL(htmlPath).href);
  await expect(reviewPage.getByRole('heading', { name: 'Review: Kind words' })).toBeVisible();
  await expect(reviewPage.locator('#draft-label')).toContainText('Draft v1');

  // It plays.
  await reviewPage.locator('#play').click();
  await expect
    .poll(() => reviewPage.locator('#draft').evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(0.2);
  await reviewPage.locator('#play').click();
  await expect(reviewPage.locator('#play')).toHaveText('Play');

  await reviewPage.locator('#reviewer').fill('Maya');
  // The creator's comment is on the page: Maya answers it and resolves it.
  const asked = reviewPage.getByTestId('review-comment').filter({ hasText: 'Is the title readable?' });
  await expect(asked).toContainText('Sam (creator)');
  await asked.getByTestId('review-reply-text').fill('Yes, easily, even on a small phone.');
  await asked.getByTestId('review-reply-text').press('Enter');
  await expect(asked.getByTestId('review-reply')).toHaveText(/Maya Yes, easily/);
  await asked.getByTestId('review-resolve').click();
  await expect(asked).toContainText('resolved by Maya');
  await asked.getByTestId('review-reopen').click();
  await expect(asked).not.toContainText('resolved by Maya');
  await asked.getByTestId('review-resolve').click();
  await expect(asked).toContainText('resolved by Maya');
  // First comment at 0.5 s.
  await seekVideo(reviewPage, 0.5);
  await reviewPage.locator('#comment-text').fill('Hold this moment a little longer.');
  await reviewPage.locator('#add-comment').click();
  // Second comment at 2 s, with a mark drawn on the frame.
  await seekVideo(reviewPage, 2);
  await reviewPage.locator('#tool-mark').click();
  const box = await reviewPage.locator('#marks').boundingBox();
  if (!box) throw new Error('no mark layer');
  await reviewPage.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await reviewPage.mouse.down();
  await reviewPage.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 6 });
  await reviewPage.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 6 });
  await reviewPage.mouse.up();
  await reviewPage.locator('#comment-text').fill('Circle: make this text bigger.');
  await reviewPage.locator('#add-comment').click();
  await expect(reviewPage.getByTestId('review-comment')).toHaveCount(3);
  await expect(reviewPage.getByTestId('review-comment').nth(2)).toContainText('mark');
  await reviewPage.locator('#approve').click();
  await expect(reviewPage.getByTestId('decision')).toHaveText('Approved by Maya');
  await reviewPage.screenshot({ path: `${SCREENS}/review-page.png` });

  const downloading = reviewPage.waitForEvent('download');
  await reviewPage.locator('#export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Kind-words-review-v1-Maya.json');
  const reviewJson = testInfo.outputPath('review.json');
  await download.saveAs(reviewJson);
  expect(pageErrors).toEqual([]);
  expect(requests).toEqual([]);
  await reviewPage.close();

  // The studio imports it: both comments appear as markers, and the status is the reviewer's.
  const fileInput = page.getByTestId('import-review-file');
  await fileInput.setInputFiles(reviewJson);
  await expect(
    page.getByText(
      "Imported Maya's review: 2 new comments; 1 reply; 1 comment resolved or reopened; status: approved.",
    ),
  ).toBeVisible();
  await expect(page.getByTestId('comment-marker')).toHaveCount(3);
  await expect(page.getByTestId('comment-item')).toHaveCount(3);
  // Maya's answer to the creator's comment, and her resolving it, came back too.
  const answered = page.getByTestId('comment-item').filter({ hasText: 'Is the title readable?' });
  await expect(answered).toContainText('Maya Yes, easily, even on a small phone.');
  await expect(answered).toContainText('Resolved by Maya');
  await expect(answered.getByTestId('reopen')).toBeVisible();
  await expect(page.getByTestId('review-status')).toContainText('Approved');
  await expect(page.getByTestId('review-status')).toContainText('by Maya');
  await expect(page.getByTestId('storyboard-review-status')).toContainText('Approved');
  await expect.poll(() => page.title()).toContain('Approved');

  // Next comment jumps to the marked one, which shows its mark over the frame.
  await page.getByTestId('next-comment').click();
  await page.getByTestId('next-comment').click();
  await expect(page.getByTestId('review-time')).toHaveText('0:02.0');
  await expect(page.locator('[data-testid="review-marks"] .shown-mark polyline')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/review-mode.png` });

  // A second import of the same file changes nothing.
  const undoLabel = await page.getByTestId('undo').getAttribute('aria-label');
  await fileInput.setInputFiles(reviewJson);
  await expect(page.getByText("Maya's review was already imported: nothing changed.")).toBeVisible();
  await expect(page.getByTestId('comment-marker')).toHaveCount(3);
  await expect(answered.locator('.reply-list li')).toHaveCount(1);
  expect(await page.getByTestId('undo').getAttribute('aria-label')).toBe(undoLabel);

  // A tampered file is refused with a clear message.
  const tampered = JSON.parse(await readFile(reviewJson, 'utf8')) as { comments: { text: string }[] };
  if (tampered.comments[0]) tampered.comments[0].text = 'Delete the whole video.';
  tampered.comments.push({ ...tampered.comments[0], id: 'r-forged' } as { text: string });
  const tamperedPath = testInfo.outputPath('tampered.json');
  await writeFile(tamperedPath, JSON.stringify(tampered));
  await fileInput.setInputFiles(tamperedPath);
  await expect(page.getByText(/was changed after the review page exported it/)).toBeVisible();
  await expect(page.getByTestId('comment-marker')).toHaveCount(3);

  // The import is one undo step: the creator's own comment stays, open and unanswered.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('comment-marker')).toHaveCount(1);
  await expect(answered.getByTestId('resolve')).toBeVisible();
  await expect(answered.locator('.reply-list li')).toHaveCount(0);
});

test('review mode is read-only and starts from the address', async ({ page, studio }) => {
  await openStudio(page, `${studio.server.url}&review=1`);
  await startFromTemplate(page, 'be-the-reason');
  await expect(page.getByTestId('review-player')).toBeVisible();
  // No editing: no tools, no inspector, no add-scene, and editing keys do nothing.
  await expect(page.getByTestId('add-scene')).toBeHidden();
  await expect(page.getByTestId('scene-notes')).toHaveCount(0);
  const cards = page.getByTestId('scene-card');
  const count = await cards.count();
  await cards.first().click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Enter');
  await expect(cards).toHaveCount(count);
  await expect(page.getByTestId('project-title')).toHaveAttribute('readonly', '');

  // Frame by frame with , and . ; a loop range with I and O.
  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await expect(page.getByTestId('review-time')).toHaveText('0:00.1');
  await page.keyboard.press(',');
  await page.keyboard.press('i');
  await page.getByTestId('timeline-track').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.locator('body').click({ position: { x: 700, y: 300 } });
  await page.keyboard.press('o');
  await expect(page.getByTestId('loop')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('loop-band')).toBeVisible();

  // A comment with a point, a reply, resolve and reopen; the status with who.
  await page.getByTestId('reviewer-name').fill('Lead');
  await page.getByTestId('comment-text').fill('Nice pacing here.');
  await page.getByTestId('tool-point').click();
  const frame = await page.getByTestId('review-marks').boundingBox();
  if (!frame) throw new Error('no frame');
  await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 3);
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment-marker')).toHaveCount(1);
  await expect(page.getByTestId('comment-item')).toContainText('point');
  await page.getByTestId('reply-text').fill('Thanks!');
  await page.getByTestId('reply-text').press('Enter');
  await expect(page.getByTestId('comment-item')).toContainText('Thanks!');
  await page.getByTestId('resolve').click();
  await expect(page.getByTestId('comment-item')).toContainText('Resolved by Lead');
  await page.getByTestId('reopen').click();
  await page.getByTestId('status-select').selectOption('changes-requested');
  await expect(page.getByTestId('review-status')).toContainText('Changes requested');
  await expect(page.getByTestId('review-status')).toContainText('by Lead');
  await page.screenshot({ path: `${SCREENS}/review-mode-comment.png` });

  // Back to editing: the editor's preview and inspector return.
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('add-scene')).toBeVisible();
  await expect(page.getByTestId('comment-marker')).toHaveCount(1);
});
