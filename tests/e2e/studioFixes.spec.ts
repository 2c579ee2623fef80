import type { Locator } from '@playwright/test';
import { toneWav } from '../helpers/sounds';
import {
  HOST_DOWN,
  LARGE_SCREEN,
  SCREENS,
  SMALL_SCREEN,
  expect,
  openStudio,
  startFromTemplate,
  test,
} from './fixtures';
import { frameOnPage } from './person';

/** Smaller things a creator ran into in the studio (issue 11), each checked as they met it. */
// The shared machine is slow at times: room for the whole walk-through (no timing is asserted).
test.describe.configure({ timeout: 180_000 });

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not visible');
  return box;
}

// These fixes do not depend on the window's size: each test runs at one of the two sizes.
test.describe('at 1280x720', () => {
  test.use({ viewport: SMALL_SCREEN });

  test('the storyboard marks the scene under the playhead while it moves', async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    const slider = page.getByRole('slider', { name: 'Playhead' });
    await slider.focus();
    // Nine seconds on (Shift+→ is one second): the third scene, "Choose kindness", is on screen.
    for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByRole('option', { name: /Choose kindness/ })).toHaveAttribute(
      'aria-current',
      'time',
    );
    await expect(page.getByRole('option', { name: /One comment/ })).not.toHaveAttribute(
      'aria-current',
      'time',
    );
    await page.screenshot({ path: `${SCREENS}/storyboard-playhead-1280.png` });

    // Played from the start, the mark follows the picture, not the selected card: a click on the
    // first card selects it, Play runs on into the second scene ("A real person", from 4 s).
    const first = page.getByRole('option', { name: /One comment/ });
    const firstBox = await boxOf(first);
    await page.mouse.click(firstBox.x + firstBox.width / 3, firstBox.y + firstBox.height / 2);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number(await slider.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(4.5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const second = page.getByRole('option', { name: /A real person/ });
    await expect(second).toHaveAttribute('aria-current', 'time');
    await expect(first).not.toHaveAttribute('aria-current', 'time');
    // The mark is seen, not only announced: the marked card's number looks unlike the others'.
    const numberLook = (card: Locator) =>
      card.locator('.scene-number').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await numberLook(second)).not.toBe(await numberLook(first));
    expect(await numberLook(second)).not.toBe(
      await numberLook(page.getByRole('option', { name: /Choose kindness/ })),
    );
    await page.screenshot({ path: `${SCREENS}/storyboard-playhead-playing-1280.png` });
  });

  test('the post text preview scrolls inside the dialog, above its footer', async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    await page.getByRole('button', { name: 'Post text' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post text' });
    await expect(dialog).toBeVisible();
    const footer = await boxOf(dialog.getByRole('button', { name: 'Done' }));
    // A wheel over the body scrolls it inside the dialog: the preview (its last part) comes
    // up whole, above the footer's buttons, never under them or past the dialog.
    const caption = await boxOf(dialog.getByRole('textbox', { name: 'Caption' }));
    await page.mouse.move(caption.x + caption.width / 2, caption.y + caption.height / 2);
    await page.mouse.wheel(0, 3000);
    await expect(dialog.getByText('As it will be posted')).toBeInViewport();
    const preview = await boxOf(dialog.getByTestId('post-preview'));
    expect(preview.y + preview.height).toBeLessThanOrEqual(footer.y);
    const shown = await boxOf(dialog);
    expect(preview.y).toBeGreaterThanOrEqual(shown.y);
    await page.screenshot({ path: `${SCREENS}/post-text-1280.png` });
  });
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });

  test('the sound inspector gives way to the scene card or caption clicked next', async ({
    page,
    studio,
  }) => {
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Add sound/ }).click();
    await (await chooser).setFiles({ name: 'gentle piano.wav', mimeType: 'audio/wav', buffer: toneWav(4) });
    const soundName = page.getByRole('textbox', { name: 'Name' });
    await expect(page.getByRole('heading', { name: 'Sound' })).toBeVisible();
    // A caption on the timeline: the caption inspector shows.
    const caption = page.getByRole('button', { name: /One comment can sink/ }).first();
    const at = await boxOf(caption);
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    await expect(page.getByRole('heading', { name: 'Caption' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sound' })).toHaveCount(0);
    // The sound again, then a scene card: the scene's inspector.
    const clip = page.getByRole('button', { name: /^gentle piano:/ });
    const clipBox = await boxOf(clip);
    await page.mouse.click(clipBox.x + clipBox.width / 2, clipBox.y + clipBox.height / 2);
    await expect(page.getByRole('heading', { name: 'Sound' })).toBeVisible();
    await expect(soundName).toHaveValue('gentle piano');
    const card = await boxOf(page.getByRole('option', { name: /A real person/ }));
    await page.mouse.click(card.x + card.width / 3, card.y + card.height / 2);
    await expect(page.getByRole('heading', { name: 'Sound' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Scene name' })).toHaveValue('A real person');
    // The sound again, then a press on the frame: the sound inspector gives way there too.
    await page.mouse.click(clipBox.x + clipBox.width / 2, clipBox.y + clipBox.height / 2);
    await expect(page.getByRole('heading', { name: 'Sound' })).toBeVisible();
    const centre = (await frameOnPage(page)).at(540, 960);
    await page.mouse.click(centre.x, centre.y);
    await expect(page.getByRole('heading', { name: 'Sound' })).toHaveCount(0);
  });

  test('keyframe times read as on the clock', async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    await startFromTemplate(page, 'be-the-reason');
    // The second scene starts at 4 s: its first keyframe reads 0:04 or later, not 0:00.
    const card = await boxOf(page.getByRole('option', { name: /A real person/ }));
    await page.mouse.click(card.x + card.width / 3, card.y + card.height / 2);
    const first = page.getByRole('button', { name: /^Keyframe at/ }).first();
    await expect(first).toBeVisible();
    const label = (await first.getAttribute('aria-label')) ?? '';
    const match = /Keyframe at (\d+):(\d+\.\d+)/.exec(label);
    expect(Number(match?.[1]) * 60 + Number(match?.[2])).toBeGreaterThanOrEqual(4);
    // The tip a person sees on hover leads with the same clock time (the scene's own time after).
    const at = await boxOf(first);
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    const clock = `${match?.[1]}:${match?.[2]}`;
    await expect
      .poll(() => first.evaluate((el) => getComputedStyle(el, '::after').content))
      .toContain(`"${clock} (scene`);
  });
});

test('Discard of unsaved work asks first', async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
  const name = page.getByRole('textbox', { name: 'Scene name' });
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (new)');
  await expect(page.getByText(/backed up/)).toBeVisible();
  const restarted = await studio.restart();
  page.on('dialog', (dialog) => void dialog.accept()); // "leave with unsaved changes?"
  await openStudio(page, restarted.url);
  const recovery = page.getByRole('listitem').filter({ hasText: 'Be the Reason' });
  await recovery.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('alert')).toHaveText('Throw these edits away for good?');
  await recovery.getByRole('button', { name: 'Keep them' }).click();
  await expect(recovery.getByRole('button', { name: 'Recover' })).toBeVisible();
  await recovery.getByRole('button', { name: 'Discard' }).click();
  await recovery.getByRole('button', { name: 'Discard for good' }).click();
  await expect(page.getByRole('heading', { name: 'Unsaved work' })).toHaveCount(0);
});

test(
  'after the host restarts, reloading the page finds the studio again',
  { tag: HOST_DOWN },
  async ({ page, studio }) => {
    await openStudio(page, studio.server.url);
    const before = new URL(page.url());
    // The creator's page had finished loading (fonts included) before the host went down: a load
    // cut off by the kill itself would be logged as an error that is not the studio's.
    await page.waitForLoadState('networkidle');
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await studio.restart();
    // The page as the creator left it: reloaded, it still reaches the host.
    await page.reload();
    expect(new URL(page.url()).origin).toBe(before.origin);
    await expect(page.getByRole('heading', { name: 'Kindness Studio' })).toBeVisible();
    await startFromTemplate(page, 'be-the-reason');
  },
);
