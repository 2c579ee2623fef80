import type { Locator, Page } from '@playwright/test';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function drawShape(page: Page, key: string, dx: number) {
  const preview = await box(page.getByTestId('preview'));
  const cx = preview.x + preview.width / 2 + dx;
  const cy = preview.y + preview.height / 2;
  await page.keyboard.press(key);
  await drag(page, { x: cx - 30, y: cy - 30 }, { x: cx + 30, y: cy + 30 });
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
});

test('every element of the scene has a keyframe row', async ({ page }) => {
  await drawShape(page, 'r', -60);
  await drawShape(page, 'o', 60);
  const rows = page.getByTestId('element-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Ellipse');
  await expect(rows.nth(1)).toContainText('Rectangle');

  // Clicking a row's name selects its element.
  await rows.nth(1).getByTestId('element-row-name').click();
  await expect(page.getByTestId('element-inspector')).toContainText('Rectangle');

  // A keyframe on each, at the start; then one more on the ellipse one second later.
  await rows.nth(0).getByTestId('element-row-add-key').click();
  await rows.nth(1).getByTestId('element-row-add-key').click();
  const track = page.getByTestId('timeline-track');
  await track.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await rows.nth(0).getByTestId('element-row-add-key').click();
  const ellipseMarks = page.getByTestId('element-lane').nth(0).getByTestId('keyframe-mark');
  const rectMarks = page.getByTestId('element-lane').nth(1).getByTestId('keyframe-mark');
  await expect(ellipseMarks).toHaveCount(2);
  await expect(rectMarks).toHaveCount(1);

  // Drag the ellipse's second keyframe later: only the ellipse's keyframes move.
  const mark = await box(ellipseMarks.nth(1));
  const trackBox = await box(track);
  const secondPx = trackBox.width / 3; // the blank scene lasts 3 s
  await drag(
    page,
    { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 },
    { x: mark.x + mark.width / 2 + secondPx, y: mark.y + mark.height / 2 },
  );
  await expect(ellipseMarks.nth(1)).toHaveAttribute('aria-label', /Keyframe at 0:02\.\d\d/);
  await expect(rectMarks).toHaveCount(1);
  await expect(rectMarks.first()).toHaveAttribute('aria-label', /Keyframe at 0:00\.00/);
  await page.screenshot({ path: `${SCREENS}/timeline-rows.png` });

  // Undo puts the keyframe back; the rows can be folded away.
  await page.keyboard.press('Control+z');
  await expect(ellipseMarks.nth(1)).toHaveAttribute('aria-label', /Keyframe at 0:01\.0\d/);
  await page.getByTestId('toggle-element-rows').click();
  await expect(page.getByTestId('element-row')).toHaveCount(0);
});

test('zooming the timeline keeps the playhead and scene blocks aligned', async ({ page }) => {
  await page.getByTestId('add-scene').click();
  await expect(page.getByTestId('scene-block')).toHaveCount(2);
  const track = page.getByTestId('timeline-track');
  await track.focus();
  // Put the playhead exactly at the start of the second scene.
  await page.getByTestId('scene-card').nth(1).click();
  const playhead = page.getByTestId('playhead');
  const second = page.getByTestId('scene-block').nth(1);

  async function aligned(): Promise<number> {
    const head = await box(playhead);
    const block = await box(second);
    return Math.abs(head.x + head.width / 2 - block.x);
  }
  expect(await aligned()).toBeLessThan(3);
  const fitWidth = (await box(track)).width;

  for (let i = 0; i < 3; i++) await page.getByTestId('timeline-zoom-in').click();
  await expect.poll(async () => (await box(track)).width).toBeGreaterThan(fitWidth * 3);
  // The playhead stays on screen and still sits on the block's edge.
  const scroller = await box(page.getByTestId('timeline-scroll'));
  const head = await box(playhead);
  expect(head.x).toBeGreaterThanOrEqual(scroller.x);
  expect(head.x).toBeLessThanOrEqual(scroller.x + scroller.width);
  // The playhead learns its track's new width from a ResizeObserver, a frame after the layout.
  await expect.poll(aligned).toBeLessThan(3);
  // Zoomed in, the ruler counts frames.
  await expect(
    page
      .getByTestId('ruler-tick')
      .filter({ hasText: /^\d+f$/ })
      .first(),
  ).toBeAttached();
  await page.screenshot({ path: `${SCREENS}/timeline-zoomed.png` });

  // Ctrl + wheel zooms out; Fit shows the whole video again.
  await page.mouse.move(scroller.x + 100, scroller.y + 30);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 120);
  await page.keyboard.up('Control');
  await page.getByTestId('timeline-zoom-fit').click();
  await expect.poll(async () => Math.round((await box(track)).width)).toBe(Math.round(fitWidth));
  await expect.poll(aligned).toBeLessThan(3);
});

test('keyframe rows start after the names, line up with the ruler and follow what is open', async ({
  page,
}) => {
  await drawShape(page, 'r', 0);
  const row = page.getByTestId('element-row').first();
  const lane = page.getByTestId('element-lane').first();
  // Keyframes at 0 s and at 1 s.
  await row.getByTestId('element-row-add-key').click();
  await page.getByTestId('timeline-track').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await row.getByTestId('element-row-add-key').click();
  const marks = lane.getByTestId('keyframe-mark');
  await expect(marks).toHaveCount(2);

  const centre = async (locator: Locator) => {
    const b = await box(locator);
    return b.x + b.width / 2;
  };
  const tick = (label: string) =>
    page.getByTestId('ruler-tick').filter({ hasText: new RegExp(`^${label}$`) });
  async function linedUp() {
    const names = await box(page.getByTestId('element-row-name').first());
    const first = await box(marks.first());
    // Nothing of the first keyframe is under the names column.
    expect(first.x).toBeGreaterThan(names.x + names.width);
    const zero = await box(page.getByTestId('ruler-tick').first());
    expect(Math.abs((await centre(marks.first())) - zero.x)).toBeLessThan(3);
    expect(Math.abs(zero.x - (await box(page.getByTestId('scene-block').first())).x)).toBeLessThan(3);
    const one = await box(tick('1s').first());
    expect(Math.abs((await centre(marks.nth(1))) - one.x)).toBeLessThan(3);
  }
  await linedUp();
  await page.screenshot({ path: `${SCREENS}/timeline-rows-fit.png` });

  // The keyframe at 0 s takes a click (nothing covers it): the playhead goes to it.
  const track = page.getByRole('slider', { name: 'Playhead' });
  await expect(track).toHaveAttribute('aria-valuenow', '1');
  await marks.first().click();
  await expect(track).toHaveAttribute('aria-valuenow', '0');

  // Zoomed in, the same.
  for (let i = 0; i < 2; i++) await page.getByTestId('timeline-zoom-in').click();
  await expect(page.getByTestId('timeline-zoom-fit')).not.toHaveText('Fit');
  await linedUp();
  await page.screenshot({ path: `${SCREENS}/timeline-rows-zoomed.png` });
  await page.getByTestId('timeline-zoom-fit').click();

  // With the end card open the rows say so, instead of showing the scene's elements.
  await page.getByTestId('endcard-open').click();
  await expect(page.getByTestId('end-card-rows')).toBeVisible();
  await expect(page.getByTestId('element-row')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/timeline-rows-end-card.png` });
  await page.getByTestId('scene-card').first().click();
  await expect(page.getByTestId('end-card-rows')).toHaveCount(0);
  await expect(page.getByTestId('element-row')).toHaveCount(1);
});
