import type { Locator, Page } from '@playwright/test';
import { toneWav } from '../helpers/sounds';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

/**
 * The studio's workspace as a creator meets it on a small and a large screen: room for the art,
 * panels that resize by mouse and keyboard and are remembered, focus mode, bars that never cover
 * the frame, every easing reachable, and a sound clip that moves where it is grabbed.
 */
// The shared machine is slow at times: room for the whole walk-through (no timing is asserted).
test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not visible');
  return box;
}

/** Adds a sound through the "Add sound" button's file picker, as a person does. */
async function addSound(page: Page, name: string, seconds: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Add sound/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'audio/wav', buffer: toneWav(seconds) });
  await expect(page.getByRole('button', { name: new RegExp(`^${name.replace('.wav', '')}:`) })).toBeVisible();
}

/** Picks the phone in the first scene of "Be the Reason" with the mouse. */
async function clickThePhone(page: Page): Promise<void> {
  const frame = await boxOf(page.locator('[data-testid="preview"] canvas').first());
  await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height * 0.4);
}

/** Whether the point at the middle of `locator` shows that very element (nothing covers it). */
async function reachable(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test.beforeEach(async ({ page, studio }) => {
      await openStudio(page, studio.server.url);
      await startFromTemplate(page, 'be-the-reason');
    });

    test('with two sounds the keyframe rows are in view and the preview keeps half the window', async ({
      page,
    }) => {
      await addSound(page, 'gentle piano.wav', 4);
      await addSound(page, 'soft rain.wav', 3);
      await clickThePhone(page);
      const rows = page.getByTestId('element-rows');
      await expect(rows).toBeVisible();
      const rowsBox = await boxOf(rows);
      const lanes = await boxOf(page.getByTestId('timeline-scroll'));
      // The rows start inside the timeline's view, with room for more than one row.
      expect(rowsBox.y).toBeLessThan(size.height);
      const visible =
        Math.min(rowsBox.y + rowsBox.height, lanes.y + lanes.height) - Math.max(rowsBox.y, lanes.y);
      expect(visible, 'height of the keyframe rows in view').toBeGreaterThanOrEqual(2 * 26);
      const preview = await boxOf(page.getByRole('region', { name: 'Preview' }));
      expect(preview.height).toBeGreaterThanOrEqual(size.height / 2);
      await page.screenshot({ path: `${SCREENS}/workspace-two-sounds-${size.width}.png` });
    });

    test('the align bar sits below the frame, never over it', async ({ page }) => {
      await clickThePhone(page);
      const bar = page.getByRole('toolbar', { name: 'Align and distribute' });
      await expect(bar).toBeVisible();
      const frame = await boxOf(page.locator('[data-testid="preview"] canvas').first());
      const barBox = await boxOf(bar);
      expect(barBox.y).toBeGreaterThanOrEqual(frame.y + frame.height);
    });

    test('every easing in the menu can be reached and picked', async ({ page }) => {
      await clickThePhone(page);
      const mark = page.getByRole('button', { name: /^Keyframe at/ }).first();
      await expect(mark).toBeVisible();
      const at = await boxOf(mark);
      await page.mouse.dblclick(at.x + at.width / 2, at.y + at.height / 2);
      const menu = page.getByRole('menu', { name: 'Easing' });
      await expect(menu).toBeVisible();
      const options = menu.getByRole('menuitemradio');
      await expect(options).toHaveCount(20);
      for (let i = 0; i < 20; i++) {
        const option = options.nth(i);
        expect(await reachable(option), `${await option.innerText()} can be clicked`).toBe(true);
      }
      await page.screenshot({ path: `${SCREENS}/workspace-easing-menu-${size.width}.png` });
      const cubic = menu.getByRole('menuitemradio', { name: 'In-out Cubic' });
      const box = await boxOf(cubic);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(menu).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^Keyframe at.*In-out Cubic/ }).first()).toBeVisible();
    });

    test('panels resize by keyboard and by mouse, and the sizes are remembered', async ({ page }) => {
      const handle = page.getByRole('separator', { name: 'Storyboard width' });
      const before = Number(await handle.getAttribute('aria-valuenow'));
      const storyboard = page.getByRole('complementary', { name: 'Storyboard' });
      const widthBefore = (await boxOf(storyboard)).width;
      await handle.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(handle).toHaveAttribute('aria-valuenow', String(before + 20));
      expect((await boxOf(storyboard)).width).toBeCloseTo(widthBefore + 20, 0);

      // The timeline's handle, dragged up by 40 pixels, makes the timeline taller.
      const timelineHandle = page.getByRole('separator', { name: 'Timeline height' });
      const timeline = page.getByRole('region', { name: 'Timeline' });
      const tallBefore = (await boxOf(timeline)).height;
      const grip = await boxOf(timelineHandle);
      await page.mouse.move(grip.x + grip.width / 3, grip.y + grip.height / 2);
      await page.mouse.down();
      await page.mouse.move(grip.x + grip.width / 3, grip.y + grip.height / 2 - 20, { steps: 4 });
      await page.mouse.move(grip.x + grip.width / 3, grip.y + grip.height / 2 - 40, { steps: 4 });
      await page.mouse.up();
      const tallAfter = (await boxOf(timeline)).height;
      expect(tallAfter).toBeGreaterThan(tallBefore + 30);

      // Back after a reload: the layout belongs to this browser, not to the project.
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Kindness Studio' })).toBeVisible();
      await startFromTemplate(page, 'be-the-reason');
      await expect(page.getByRole('separator', { name: 'Storyboard width' })).toHaveAttribute(
        'aria-valuenow',
        String(before + 20),
      );
      expect((await boxOf(page.getByRole('region', { name: 'Timeline' }))).height).toBeCloseTo(tallAfter, 0);
    });

    test('focus mode hides the side panels and gives the frame the room', async ({ page }) => {
      const frameBefore = await boxOf(page.getByRole('region', { name: 'Preview' }));
      await page.keyboard.press('Backslash');
      await expect(page.getByRole('complementary', { name: 'Storyboard' })).toHaveCount(0);
      const frameAfter = await boxOf(page.getByRole('region', { name: 'Preview' }));
      expect(frameAfter.width).toBeGreaterThan(frameBefore.width + 400);
      await page.screenshot({ path: `${SCREENS}/workspace-focus-${size.width}.png` });
      const toggle = page.getByRole('button', { name: 'Focus mode' });
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await toggle.click();
      await expect(page.getByRole('complementary', { name: 'Storyboard' })).toBeVisible();
    });

    test('a sound clip grabbed near its start moves instead of trimming', async ({ page }) => {
      await addSound(page, 'gentle piano.wav', 4);
      const clip = page.getByRole('button', { name: /^gentle piano:/ });
      const describe = async () => (await clip.getAttribute('aria-label')) ?? '';
      const times = (label: string) =>
        [...label.matchAll(/(\d+):(\d+\.\d)/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      const [start, end] = times(await describe());
      // The clip's name is in sight: the trim handle at its start is a thin strip left of it.
      const name = await boxOf(clip.getByText('gentle piano', { exact: true }));
      const trim = await boxOf(clip.getByTestId('audio-trim-start'));
      expect(trim.x + trim.width, 'the trim handle ends before the name').toBeLessThanOrEqual(name.x + 1);
      expect(trim.height, 'the trim handle is no taller than the clip').toBeLessThanOrEqual(
        (await boxOf(clip)).height,
      );
      const box = await boxOf(clip);
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 70, box.y + box.height / 2, { steps: 5 });
      await page.mouse.move(box.x + 100, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const [movedStart, movedEnd] = times(await describe());
      expect(movedStart).toBeGreaterThan((start ?? 0) + 0.1);
      // Moved, not trimmed: the same length.
      expect((movedEnd ?? 0) - (movedStart ?? 0)).toBeCloseTo((end ?? 0) - (start ?? 0), 1);
    });
  });
}
