import type { Locator } from '@playwright/test';
import { LARGE_SCREEN, SCREEN_SIZES, SCREENS, expect, openStudio, test } from './fixtures';

/**
 * The start screen's #CreateKindness story templates as a person meets them: the six stories
 * with their theme, length and scene count, the theme filter, and a story opened into the studio.
 */

// The list and its filter work the same at any size (the cards are pictured at both below).
test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });

  test('the six stories are listed, filter by theme, and one opens as a project', async ({
    page,
    studio,
  }) => {
    await openStudio(page, studio.server.url);
    const stories = page.getByRole('list', { name: 'Story templates' });
    await expect(stories.getByRole('listitem')).toHaveCount(6);
    await expect(stories.getByRole('button', { name: /Block the Bullies/ })).toContainText('5 scenes · 25 s');
    await page.screenshot({ path: `${SCREENS}/start-stories-1920.png`, fullPage: true });

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
    await page.screenshot({ path: `${SCREENS}/story-walk-away-1920.png` });
  });
});

/** What the card's preview canvases show now (their pixels, as data URLs). */
async function artOf(card: Locator): Promise<string> {
  return (await card
    .locator('canvas')
    .evaluateAll((canvases) =>
      canvases.map((c) => (c as HTMLCanvasElement).toDataURL()).join('|'),
    )) as string;
}

/** How many different colours the card's art has: a plain gradient or an empty canvas has few. */
async function coloursOf(card: Locator): Promise<number> {
  return card.locator('canvas').evaluateAll((canvases) => {
    const seen = new Set<number>();
    for (const c of canvases as HTMLCanvasElement[]) {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      for (let i = 0; i < data.length; i += 4 * 7)
        seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return seen.size;
  });
}

for (const size of SCREEN_SIZES) {
  test.describe(`story cards at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('each card shows its story art and plays the story while hovered or focused', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      const stories = page.getByRole('list', { name: 'Story templates' });
      const card = stories.getByRole('button', { name: /Walk Away/ });
      await card.scrollIntoViewIfNeeded();
      // The poster is the story's own key frame, drawn by the renderer: full of colour, not an icon.
      await expect.poll(() => coloursOf(card)).toBeGreaterThan(40);
      const poster = await artOf(card);

      const box = await card.boundingBox();
      if (box === null) throw new Error('the card is not on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
      await expect.poll(() => artOf(card)).not.toBe(poster);
      await page.screenshot({ path: `${SCREENS}/start-story-playing-${size.width}.png` });
      await page.mouse.move(2, 2);
      await expect.poll(() => artOf(card)).toBe(poster);

      // The keyboard plays it too: filter to the story, then Tab to its card.
      await page
        .getByRole('group', { name: 'Filter by theme' })
        .getByRole('button', { name: 'Walk Away' })
        .click();
      for (let i = 0; i < 12 && !(await card.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(card).toBeFocused();
      await expect.poll(() => artOf(card)).not.toBe(poster);
    });
  });
}
