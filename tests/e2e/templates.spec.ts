import { expect, openStudio, SCREENS, test } from './fixtures';

/**
 * The start screen's #CreateKindness story templates as a person meets them: the six stories
 * with their theme, length and scene count, the theme filter, and a story opened into the studio.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('the six stories are listed, filter by theme, and one opens as a project', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      const stories = page.getByRole('list', { name: 'Story templates' });
      await expect(stories.getByRole('listitem')).toHaveCount(6);
      await expect(stories.getByRole('button', { name: /Block the Bullies/ })).toContainText(
        '5 scenes · 25 s',
      );
      await page.screenshot({ path: `${SCREENS}/start-stories-${size.width}.png`, fullPage: true });

      const filter = page.getByRole('group', { name: 'Filter by theme' });
      await filter.getByRole('button', { name: 'Power of Words' }).click();
      await expect(filter.getByRole('button', { name: 'Power of Words' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(stories.getByRole('listitem')).toHaveCount(1);
      await filter.getByRole('button', { name: 'All themes' }).click();
      await expect(stories.getByRole('listitem')).toHaveCount(6);

      await stories.getByRole('button', { name: /Walk Away/ }).click();
      await expect(page.getByLabel('Project title')).toHaveValue('Walk Away');
      await expect(page.getByRole('listbox', { name: 'Storyboard' })).toContainText('This is me');
      await page.screenshot({ path: `${SCREENS}/story-walk-away-${size.width}.png` });
    });
  });
}
