import type { Locator, Page } from '@playwright/test';
import { SCREENS, expect, openStudio, startFromTemplate, test } from './fixtures';

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** Draws a short brush stroke on the preview, `dx` pixels right of its middle. */
async function stroke(page: Page, dx: number) {
  const preview = await box(page.getByTestId('preview'));
  const x = preview.x + preview.width / 2 + dx;
  const y = preview.y + preview.height / 2;
  await page.mouse.move(x, y - 40);
  await page.mouse.down();
  await page.mouse.move(x + 10, y, { steps: 6 });
  await page.mouse.move(x, y + 40, { steps: 6 });
  await page.mouse.up();
}

/** Pixels tinted red (frames before) and green (frames after) in each canvas inside `container`. */
async function tints(container: Locator): Promise<{ red: number; green: number }[]> {
  return container.evaluate((root) =>
    [...root.querySelectorAll('canvas')].map((canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return { red: 0, green: 0 };
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let red = 0;
      let green = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a < 40) continue;
        if (r > 150 && g < 120 && b < 130) red++;
        if (g > 150 && r < 120 && b < 170) green++;
      }
      return { red, green };
    }),
  );
}

async function nextFrames(page: Page, count: number) {
  await page.getByTestId('timeline-track').focus();
  for (let i = 0; i < count; i++) await page.keyboard.press('ArrowRight');
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
});

test('a drawing layer with three frames and the onion skin', async ({ page }) => {
  await page.getByTestId('add-drawing-layer').click();
  const bar = page.getByTestId('drawing-bar');
  const frameLabel = page.getByTestId('drawing-frame');
  await expect(bar).toBeVisible();
  await expect(frameLabel).toHaveText('frame 1 of 1');
  await expect(page.getByTestId('tool-brush')).toHaveAttribute('aria-pressed', 'true');

  // Frame 1 under the playhead; two video frames later is past its hold: drawing adds frame 2.
  await stroke(page, -90);
  await nextFrames(page, 2);
  await expect(frameLabel).toHaveText(/after frame 1/);
  await stroke(page, 0);
  await expect(frameLabel).toHaveText('frame 2 of 2');
  await nextFrames(page, 2);
  await stroke(page, 90);
  await expect(frameLabel).toHaveText('frame 3 of 3');

  // Back to the middle frame (the , key), onion skin on from the toolbar.
  await page.getByTestId('drawing-prev').click();
  await expect(frameLabel).toHaveText('frame 2 of 3');
  await page.getByTestId('toggle-onion-skin').click();
  await expect(page.getByTestId('toggle-onion-skin')).toHaveAttribute('aria-pressed', 'true');
  const preview = page.getByTestId('preview');
  await expect
    .poll(async () => {
      const all = await tints(preview);
      return all.some((c) => c.red > 30) && all.some((c) => c.green > 30);
    })
    .toBe(true);
  await page.screenshot({ path: `${SCREENS}/drawing-onion-skin.png` });

  // The frame the renderer draws (the export's) and the scene thumbnail carry no tint.
  const [frame] = await tints(preview);
  expect(frame).toEqual({ red: 0, green: 0 });
  const thumbnail = page.getByTestId('scene-card').first();
  await expect.poll(async () => (await tints(thumbnail)).length).toBeGreaterThan(0);
  for (const canvas of await tints(thumbnail)) expect(canvas).toEqual({ red: 0, green: 0 });

  // How many frames show on each side is adjustable (1 to 3), in a popover above the drawing bar.
  await page.getByRole('button', { name: /^Onion skin: 1 · 1/ }).click();
  await page.getByLabel('Frames before').selectOption('2');
  await expect(page.getByLabel('Frames before')).toHaveValue('2');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Onion skin settings' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Onion skin: 2 · 1/ })).toBeFocused();

  // Hold, delete, undo.
  await page.getByTestId('drawing-hold').fill('6');
  await page.getByTestId('drawing-hold').press('Enter');
  await expect(page.getByTestId('drawing-hold')).toHaveValue('6');
  await page.getByTestId('drawing-delete').click();
  await expect(frameLabel).toHaveText(/of 2/);
  await page.keyboard.press('Control+z');
  await expect(frameLabel).toHaveText('frame 2 of 3');

  // The View menu's shortcut turns the onion skin off again.
  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByTestId('toggle-onion-skin')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await tints(preview)).some((c) => c.red > 30)).toBe(false);
});

/** The preview's red channel at a page point (the brush draws white on the dark blank scene). */
async function redAt(page: Page, x: number, y: number): Promise<number> {
  const preview = await box(page.getByTestId('preview'));
  return page
    .locator('[data-testid="preview"] canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, at) => {
        const ratio = canvas.width / canvas.clientWidth;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D context');
        return context.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data[0] ?? 0;
      },
      { x: x - preview.x, y: y - preview.y },
    );
}

async function line(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

test('the eraser erases on the drawing frame under the playhead, one undo step a stroke', async ({
  page,
}) => {
  await page.getByTestId('add-drawing-layer').click();
  const frameLabel = page.getByTestId('drawing-frame');
  const preview = await box(page.getByTestId('preview'));
  const cx = preview.x + preview.width / 2;
  const cy = preview.y + preview.height / 2;

  // Frame 1: a line through the middle; frame 2 (two video frames on): a line below it.
  await line(page, { x: cx - 80, y: cy }, { x: cx + 80, y: cy });
  await nextFrames(page, 2);
  await line(page, { x: cx - 80, y: cy + 60 }, { x: cx + 80, y: cy + 60 });
  await expect(frameLabel).toHaveText('frame 2 of 2');
  await expect.poll(() => redAt(page, cx, cy + 60)).toBeGreaterThan(200);

  // The eraser across both lines cuts only frame 2's, the one on screen.
  await page.keyboard.press('e');
  await expect(page.getByTestId('tool-eraser')).toHaveAttribute('aria-pressed', 'true');
  await line(page, { x: cx, y: cy - 40 }, { x: cx, y: cy + 100 });
  await expect.poll(() => redAt(page, cx, cy + 60)).toBeLessThan(100);
  expect(await redAt(page, cx - 60, cy + 60)).toBeGreaterThan(200);
  expect(await redAt(page, cx + 60, cy + 60)).toBeGreaterThan(200);
  await expect(frameLabel).toHaveText('frame 2 of 2');
  await page.screenshot({ path: `${SCREENS}/drawing-eraser.png` });

  await page.getByTestId('drawing-prev').click();
  await expect(frameLabel).toHaveText('frame 1 of 2');
  await expect.poll(() => redAt(page, cx, cy)).toBeGreaterThan(200);

  // One Ctrl+Z brings the whole erased stroke back.
  await page.getByTestId('drawing-next').click();
  await expect(frameLabel).toHaveText('frame 2 of 2');
  await expect.poll(() => redAt(page, cx, cy + 60)).toBeLessThan(100);
  await page.keyboard.press('Control+z');
  await expect.poll(() => redAt(page, cx, cy + 60)).toBeGreaterThan(200);
  await expect(frameLabel).toHaveText('frame 2 of 2');
});
