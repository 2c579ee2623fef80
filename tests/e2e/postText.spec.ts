import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

test.beforeEach(async ({ page, studio, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStudio(page, studio.server.url);
});

test('writes post text over a platform limit, sees the warning, fixes it and copies it', async ({ page }) => {
  // Many small edits on two shared cores: give the whole story room, not any single step.
  test.slow();
  await startFromTemplate(page, 'blank');
  await page.getByTestId('post-open').click();
  const dialog = page.getByTestId('post-dialog');
  await expect(dialog).toBeVisible();

  await page
    .getByTestId('post-caption')
    .fill('Be the reason someone smiles today. One kind comment can change a whole day.');
  // The suggested hashtags are one click away.
  await page.getByTestId('post-suggest-CreateKindness').click();
  await page.getByTestId('post-suggest-kindness').click();
  await expect(page.getByTestId('post-suggest-kindness')).toHaveCount(0);
  for (const tag of ['BeKind', '#StopBullying', 'Smile', 'Friends']) {
    await page.getByTestId('post-tag-input').fill(tag);
    await page.getByTestId('post-tag-input').press('Enter');
  }
  await expect(page.getByTestId('post-hashtags')).toContainText('#StopBullying');

  // Six hashtags: over Reels' five. Over 100 characters: over a Shorts title.
  const reels = page.getByTestId('post-check-reels');
  await expect(reels).toContainText('6 / 5 hashtags');
  await expect(reels).toContainText('The post has 6 hashtags; Instagram Reels allows at most 5');
  const shorts = page.getByTestId('post-check-shorts');
  await expect(shorts).toContainText('YouTube Shorts shows at most 100');
  await expect(page.getByTestId('post-check-tiktok')).not.toContainText('at most');
  await page.screenshot({ path: `${SCREENS}/post-text-over.png` });

  // A hashtag that cannot be one gets a plain reason.
  await page.getByTestId('post-tag-input').fill('be kind!');
  await page.getByTestId('post-tag-input').press('Enter');
  await expect(dialog).toContainText('cannot be a hashtag');
  await page.getByTestId('post-tag-input').fill('');

  // Fix it: drop a hashtag, shorten the caption.
  await page.getByRole('button', { name: 'Remove #Friends' }).click();
  await expect(reels).toContainText('5 / 5 hashtags');
  await expect(reels).not.toContainText('allows at most');
  await page.getByTestId('post-caption').fill('Be the reason someone smiles 💛');
  await expect(shorts).not.toContainText('shows at most');
  await page.screenshot({ path: `${SCREENS}/post-text-fixed.png` });

  const expected =
    'Be the reason someone smiles 💛\n\n#CreateKindness #kindness #BeKind #StopBullying #Smile';
  await expect(page.getByTestId('post-preview')).toHaveText(expected);
  await page.getByTestId('post-copy').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // Stored in the project: undo takes the last edit back.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('undo').click();
  await page.getByTestId('post-open').click();
  await expect(page.getByTestId('post-caption')).toHaveValue(/One kind comment/);
});
