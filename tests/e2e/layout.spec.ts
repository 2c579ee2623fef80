import type { Page } from '@playwright/test';
import { toneWav } from '../helpers/sounds';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(page: Page, testId: string): Promise<Box> {
  const b = await page.getByTestId(testId).first().boundingBox();
  if (b === null) throw new Error(`${testId} is not visible`);
  return b;
}

/** The lanes stack top to bottom in the track's flow, each fully inside the timeline. */
async function expectLanesStacked(page: Page, ids: string[]): Promise<void> {
  const scroll = await box(page, 'timeline-scroll');
  let bottom = scroll.y;
  for (const id of ids) {
    const b = await box(page, id);
    expect(b.y, `${id} starts below the lane above it`).toBeGreaterThanOrEqual(bottom - 0.5);
    expect(b.height, `${id} has a height`).toBeGreaterThan(10);
    bottom = b.y + b.height;
  }
  // The lanes may need more room than the timeline's height: then they scroll up and down in it.
  const content = await page
    .getByTestId('timeline-scroll')
    .evaluate((el: HTMLElement) => el.scrollHeight - el.scrollTop);
  expect(bottom, 'the last lane ends inside the timeline').toBeLessThanOrEqual(scroll.y + content + 2.5);
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
});

test('every timeline lane is visible, stacked and on one time scale at every zoom', async ({ page }) => {
  await page.screenshot({ path: `${SCREENS}/layout-studio.png` });

  // The template's first caption, selected.
  await page.getByTestId('caption-block').nth(1).click();
  await expect(page.getByTestId('caption-block').nth(1)).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: `${SCREENS}/layout-caption-selected.png` });

  // A sound.
  await page.getByTestId('sound-file-input').setInputFiles({
    name: 'gentle piano.wav',
    mimeType: 'audio/wav',
    buffer: toneWav(4),
  });
  await expect(page.getByTestId('audio-clip')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/layout-sound.png` });
  await expectLanesStacked(page, ['scene-block', 'caption-row', 'audio-lanes']);

  // Keyframe rows open, zoomed in.
  const toggle = page.getByTestId('toggle-element-rows');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(page.getByTestId('element-rows')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByTestId('timeline-zoom-in').click();
  await page.screenshot({ path: `${SCREENS}/layout-rows-zoomed.png` });
  // Zoomed in, the timeline scrolls sideways and its scrollbar is inside the panel.
  const scroller = page.getByTestId('timeline-scroll');
  const bars = await scroller.evaluate((el: HTMLElement) => ({
    wider: el.scrollWidth > el.clientWidth,
    bar: el.offsetHeight - el.clientHeight,
  }));
  console.log('scrollbar', JSON.stringify(bars));
  expect(bars.wider).toBe(true);
  await expectLanesStacked(page, ['scene-block', 'caption-row', 'audio-lanes', 'element-rows']);

  // Same time scale: each lane places a time at the same x as the ruler does.
  const track = await box(page, 'timeline-track');
  const duration = Number(await page.getByRole('slider', { name: 'Playhead' }).getAttribute('aria-valuemax'));
  const xOf = (seconds: number) => track.x + (seconds / duration) * track.width;
  const label = (await page.getByTestId('audio-clip').getAttribute('aria-label')) ?? '';
  const match = /: (\d+):(\d+\.\d) to/.exec(label);
  const soundStart = Number(match?.[1]) * 60 + Number(match?.[2]);
  expect(Math.abs((await box(page, 'audio-clip')).x - xOf(soundStart))).toBeLessThan(3);
  expect(Math.abs((await box(page, 'scene-block')).x - xOf(0))).toBeLessThan(3);
  const second = page.getByTestId('scene-block').nth(1);
  const secondBox = await second.boundingBox();
  expect(Math.abs((secondBox?.x ?? 0) - xOf(4))).toBeLessThan(3);
});

test('screens of review mode, end card, post text and export', async ({ page }) => {
  await page.getByTestId('review-toggle').click();
  await expect(page.getByTestId('comments-panel')).toBeVisible();
  await page.getByTestId('reviewer-name').fill('Lead');
  await page.getByTestId('comment-text').fill('Nice pacing here.');
  await page.getByTestId('add-comment').click();
  await expect(page.getByTestId('comment-marker')).toHaveCount(1);
  // The player's bar runs across the top of the player, above the frame (not squeezed into a
  // column beside it, as the editor's tools are).
  const bar = await page.getByRole('toolbar', { name: 'Player' }).boundingBox();
  const frame = await page.getByTestId('preview').boundingBox();
  const player = await page.getByRole('region', { name: 'Review player' }).boundingBox();
  if (!bar || !frame || !player) throw new Error('the review player is not on screen');
  expect(bar.y + bar.height).toBeLessThanOrEqual(frame.y);
  expect(bar.width).toBeGreaterThan(player.width * 0.9);
  await page.screenshot({ path: `${SCREENS}/layout-review.png` });
  await page.getByTestId('review-toggle').click();

  await page.getByTestId('endcard-open').click();
  await expect(page.getByTestId('endcard-inspector')).toBeVisible();
  await page.getByTestId('endcard-enabled').check();
  await expect(page.getByTestId('endcard-block')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/layout-endcard.png` });

  await page.getByTestId('post-open').click();
  await expect(page.getByTestId('post-dialog')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/layout-post.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('post-dialog')).toBeHidden();

  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/layout-export.png` });
});
