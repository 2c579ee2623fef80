import type { Page } from '@playwright/test';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

/** The playhead in seconds, as the timeline announces it (one decimal). */
async function playhead(page: Page): Promise<number> {
  return Number(await page.getByRole('slider', { name: 'Playhead' }).getAttribute('aria-valuenow'));
}

/** Clicks the timeline track at a fraction of its width, below the ruler (on the scene blocks). */
async function clickTrack(
  page: Page,
  fraction: number,
  lane: 'scenes' | 'captions' = 'scenes',
): Promise<void> {
  const target =
    lane === 'scenes' ? page.getByTestId('scene-block').first() : page.getByTestId('caption-row');
  const row = await target.boundingBox();
  const track = await page.getByTestId('timeline-track').boundingBox();
  if (!row || !track) throw new Error('no timeline');
  await page.mouse.click(track.x + track.width * fraction, row.y + row.height / 2);
}

/** Moves the playhead to a whole second with the timeline's keys (exact, unlike a click). */
async function seekTo(page: Page, seconds: number): Promise<void> {
  const track = page.getByTestId('timeline-track');
  await track.focus();
  await track.press('Home');
  for (let i = 0; i < seconds; i++) await track.press('Shift+ArrowRight');
}

/** Focus somewhere neutral, so single-key shortcuts reach the studio. */
async function focusStudio(page: Page): Promise<void> {
  await page.getByTestId('review-time').click();
}

test('review player: play, pause, scrub, loop, full screen, safe zones; the timeline only watches', async ({
  page,
  studio,
}) => {
  await openStudio(page, `${studio.server.url}&review=1`);
  await startFromTemplate(page, 'be-the-reason');
  await expect(page.getByTestId('review-player')).toBeVisible();

  // The timeline is read-only: no caption or sound tools; a caption cannot be moved or edited.
  await expect(page.getByTestId('add-caption')).toHaveCount(0);
  await expect(page.getByTestId('import-subtitles')).toHaveCount(0);
  const cue = page.getByTestId('caption-block').first();
  const cueLabel = await cue.getAttribute('aria-label');
  const cueBox = await cue.boundingBox();
  if (!cueBox) throw new Error('no caption');
  await page.mouse.move(cueBox.x + cueBox.width / 2, cueBox.y + cueBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(cueBox.x + cueBox.width / 2 + 120, cueBox.y + cueBox.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.mouse.dblclick(cueBox.x + cueBox.width / 2, cueBox.y + cueBox.height / 2);
  await expect(page.getByTestId('caption-inline-edit')).toHaveCount(0);
  await expect(cue).toHaveAttribute('aria-label', cueLabel ?? '');
  await expect(page.getByTestId('undo')).toBeDisabled();

  // Scrub: a click on the track (even on a caption) moves the playhead there.
  await clickTrack(page, 0.5);
  await expect.poll(() => playhead(page)).toBeCloseTo(10, 0);
  await clickTrack(page, 0.25, 'captions');
  await expect.poll(() => playhead(page)).toBeCloseTo(5, 0);

  // Play and pause.
  await page.getByTestId('review-play').click();
  await expect.poll(() => playhead(page)).toBeGreaterThan(5.3);
  await page.getByTestId('review-play').click();
  await expect(page.getByTestId('review-play')).toHaveAttribute('aria-label', 'Play');
  const paused = await playhead(page);
  await page.getByTestId('step-forward').click();
  await expect.poll(() => playhead(page)).toBeGreaterThanOrEqual(paused);

  // Loop 1 s to 2 s: playing wraps back to the start of the range and never leaves it.
  await seekTo(page, 1);
  await page.keyboard.press('i');
  await seekTo(page, 2);
  await page.keyboard.press('o');
  await expect(page.getByTestId('loop')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('review-play').click();
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        seen.push(await playhead(page));
        // Wrapped: a later reading is earlier than one before it.
        return seen.some((t, i) => i > 0 && t < (seen[i - 1] ?? 0) - 0.2);
      },
      { intervals: [50] },
    )
    .toBe(true);
  await page.getByTestId('review-play').click();
  expect(seen.every((t) => t >= 0.9 && t <= 2.1)).toBe(true);
  await page.keyboard.press('l');
  await expect(page.getByTestId('loop')).toHaveAttribute('aria-pressed', 'false');

  // The platforms' safe zones over the frame.
  await page.getByTestId('review-safe-zones').click();
  await expect(page.getByTestId('review-player').getByTestId('safe-zones')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/review-player-safe-zones.png` });
  await page.getByTestId('review-safe-zones').click();
  await expect(page.getByTestId('review-player').getByTestId('safe-zones')).toHaveCount(0);

  // Full screen: the player fills the screen (F or the button), and leaves it again.
  await focusStudio(page);
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null))
    .toBe('review-player');
  await page.getByTestId('fullscreen').click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

  // The post text can be read and copied, not changed.
  await page.getByTestId('post-open').click();
  await expect(page.getByTestId('post-caption')).toBeDisabled();
  await expect(page.getByTestId('post-tag-input')).toBeDisabled();
  await expect(page.getByTestId('post-dialog')).toContainText('Read only while reviewing.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('post-dialog')).toHaveCount(0);
});

test('review comments: a mark, a point, markers, next and previous, status with who and when', async ({
  page,
  studio,
}) => {
  await openStudio(page, `${studio.server.url}&review=1`);
  await startFromTemplate(page, 'be-the-reason');
  await page.getByTestId('reviewer-name').fill('Lead');

  // A comment with a mark drawn on the frame at 2 s.
  await seekTo(page, 2);
  await expect(page.getByTestId('review-time')).toHaveText('0:02.0');
  await page.getByTestId('tool-mark').click();
  const frame = await page.getByTestId('review-marks').boundingBox();
  if (!frame) throw new Error('no frame');
  await page.mouse.move(frame.x + frame.width * 0.3, frame.y + frame.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width * 0.6, frame.y + frame.height * 0.4, { steps: 6 });
  await page.mouse.move(frame.x + frame.width * 0.5, frame.y + frame.height * 0.6, { steps: 6 });
  await page.mouse.up();
  await page.getByTestId('comment-text').fill('Circle this: too small to read.');
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment-item')).toContainText('mark');
  await expect(page.locator('[data-testid="review-marks"] .shown-mark polyline')).toHaveCount(1);
  await expect(page.locator('[data-testid="review-marks"] .pending-mark polyline')).toHaveCount(0);

  // A comment with a point at 10 s.
  await seekTo(page, 10);
  await expect(page.getByTestId('review-time')).toHaveText('0:10.0');
  await page.getByTestId('tool-point').click();
  await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await page.getByTestId('comment-text').fill('Lovely moment.');
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment-marker')).toHaveCount(2);

  // Previous and next comment, with the buttons and [ ].
  await seekTo(page, 15);
  await page.getByTestId('previous-comment').click();
  await expect(page.getByTestId('review-time')).toHaveText('0:10.0');
  await focusStudio(page);
  await page.keyboard.press('[');
  await expect(page.getByTestId('review-time')).toHaveText('0:02.0');
  await expect(page.locator('.comment-item.focused')).toContainText('Circle this');
  await page.keyboard.press(']');
  await expect(page.getByTestId('review-time')).toHaveText('0:10.0');
  await expect(page.locator('.comment-item.focused')).toContainText('Lovely moment');

  // A marker on the timeline jumps to its comment.
  await page.getByTestId('comment-marker').first().click();
  await expect(page.getByTestId('review-time')).toHaveText('0:02.0');
  await expect(page.locator('.comment-item.focused')).toContainText('Circle this');

  // Resolve hides it when resolved comments are hidden; reopen brings it back.
  await page.getByTestId('resolve').first().click();
  await expect(page.getByTestId('comment-item').first()).toContainText('Resolved by Lead');
  await page.getByLabel('show resolved').uncheck();
  await expect(page.getByTestId('comment-item')).toHaveCount(1);
  await page.getByLabel('show resolved').check();
  await page.getByTestId('reopen').click();
  await expect(page.getByTestId('resolve')).toHaveCount(2);

  // The status, with who and when, in the top bar, the storyboard and the window title.
  await page.getByTestId('status-select').selectOption('approved');
  const when = /by Lead, [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}/;
  await expect(page.getByTestId('review-status')).toContainText('Approved');
  await expect(page.getByTestId('review-status')).toContainText(when);
  await expect(page.getByTestId('storyboard-review-status')).toContainText(when);
  await expect.poll(() => page.title()).toMatch(/Be the Reason · Approved by Lead, .*\d:\d{2}/);
  await page.screenshot({ path: `${SCREENS}/review-status.png` });
});
