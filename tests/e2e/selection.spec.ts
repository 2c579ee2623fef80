import type { Page } from '@playwright/test';
import { SCREENS, expect, openStudio, previewPixels, startFromTemplate, test } from './fixtures';

/** The item at `index`, failing the test when there is none. */
function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`nothing at ${index}`);
  return item;
}

async function previewBox(page: Page) {
  const box = await page.getByTestId('preview').boundingBox();
  if (!box) throw new Error('no preview');
  return box;
}

async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  modifier?: 'Shift',
) {
  await page.mouse.move(from.x, from.y);
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

/** The preview's colour at a point on the page, as [r, g, b]. */
async function colourAt(page: Page, x: number, y: number): Promise<number[]> {
  const box = await previewBox(page);
  return page
    .locator('[data-testid="preview"] canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, at) => {
        const ratio = canvas.width / canvas.clientWidth;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D context');
        const pixel = context.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data;
        return [pixel[0] ?? 0, pixel[1] ?? 0, pixel[2] ?? 0];
      },
      { x: x - box.x, y: y - box.y },
    );
}

/** How many pixels of the preview are exactly `rgb`. */
async function pixelsOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page
    .locator('[data-testid="preview"] canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement, want) => {
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D context');
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === want[0] && data[i + 1] === want[1] && data[i + 2] === want[2]) count++;
      return count;
    }, rgb);
}

/** Canvas pixels a square of 40x40 page pixels covers (the canvas draws at the device's ratio). */
async function pixelsOfSquare(page: Page): Promise<number> {
  return (40 * (await page.evaluate(() => window.devicePixelRatio))) ** 2;
}

/** Selects one element by clicking it, and reads where the inspector says it is. */
async function positionOf(page: Page, at: { x: number; y: number }) {
  await page.keyboard.press('Escape');
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('element-inspector')).toBeVisible();
  return {
    x: Number(await page.getByTestId('element-x').inputValue()),
    y: Number(await page.getByTestId('element-y').inputValue()),
  };
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
});

/** Draws three squares of the same size at uneven places; returns where they are on the page. */
async function threeSquares(page: Page) {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const spots = [
    { x: cx - 70, y: cy - 150 },
    { x: cx + 10, y: cy - 100 },
    { x: cx + 60, y: cy + 120 },
  ];
  for (const spot of spots) {
    await page.keyboard.press('r');
    await drag(page, { x: spot.x - 20, y: spot.y - 20 }, { x: spot.x + 20, y: spot.y + 20 });
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('layer')).toHaveCount(3);
  return { box, cy, spots };
}

test('shift-click selects two, and a drag moves both as one undo step', async ({ page }) => {
  const { spots } = await threeSquares(page);
  const [a, b, c] = spots as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
  const before = [await positionOf(page, a), await positionOf(page, b), await positionOf(page, c)];

  // Click one, shift-click another: both selected, and a drag moves both.
  await page.keyboard.press('Escape');
  await page.mouse.click(a.x, a.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('selection-count')).toHaveText('2 elements');
  await expect(page.getByTestId('selection-inspector')).toBeVisible();
  await drag(page, a, { x: a.x - 30, y: a.y + 20 });
  await page.screenshot({ path: `${SCREENS}/selection-two.png` });
  const movedA = await positionOf(page, { x: a.x - 30, y: a.y + 20 });
  const movedB = await positionOf(page, { x: b.x - 30, y: b.y + 20 });
  expect(movedA.x).toBeLessThan(at(before, 0).x - 50);
  // The inspector shows whole pixels: the two moves agree to within one.
  expect(Math.abs(movedB.x - at(before, 1).x - (movedA.x - at(before, 0).x))).toBeLessThanOrEqual(1);
  // One undo step puts both back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  expect(await positionOf(page, a)).toEqual(before[0]);
  expect(await positionOf(page, b)).toEqual(before[1]);
});

test('a marquee selects three, which align and distribute, each one undo step', async ({ page }) => {
  const { box, cy, spots } = await threeSquares(page);
  const [a, , c] = [at(spots, 0), at(spots, 1), at(spots, 2)];
  const before = [await positionOf(page, a), await positionOf(page, at(spots, 1)), await positionOf(page, c)];
  // A marquee from empty canvas takes all three.
  await page.keyboard.press('Escape');
  await drag(page, { x: box.x + 8, y: box.y + 8 }, { x: box.x + box.width - 8, y: cy + 160 });
  await expect(page.getByTestId('selection-count')).toHaveText('3 elements');
  await page.screenshot({ path: `${SCREENS}/selection-marquee.png` });

  // Align left edges: the same size, so the same x.
  await page.getByTestId('align-left').click();
  await expect(page.getByTestId('selection-count')).toHaveText('3 elements');
  const leftX = Math.min(...before.map((p) => p.x));
  await page.getByTestId('distribute-vertical').click();
  await page.screenshot({ path: `${SCREENS}/selection-aligned.png` });
  const after = [
    await positionOf(page, { x: box.x + (leftX / 1080) * box.width, y: a.y }),
    await positionOf(page, { x: box.x + (leftX / 1080) * box.width, y: c.y }),
  ];
  expect(after.map((p) => p.x)).toEqual([leftX, leftX]);
  // Distributed: the middle one sits halfway between the outer ones.
  const middle = await positionOf(page, {
    x: box.x + (leftX / 1080) * box.width,
    y: box.y + ((at(after, 0).y + at(after, 1).y) / 2 / 1920) * box.height,
  });
  // The inspector shows whole pixels, so the halfway point agrees to within one.
  expect(Math.abs(middle.y - (at(after, 0).y + at(after, 1).y) / 2)).toBeLessThanOrEqual(1);

  // Undo takes back the distribute, then the align.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect(await positionOf(page, a)).toEqual(before[0]);
  expect(await positionOf(page, c)).toEqual(before[2]);
});

test('Ctrl+A, copy, paste and delete work on the whole selection', async ({ page }) => {
  await threeSquares(page);
  // Ctrl+A, copy and paste: three more; Delete takes them away; undo brings each step back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-count')).toHaveText('3 elements');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('layer')).toHaveCount(6);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('layer')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layer')).toHaveCount(3);
});

test('the layer list selects ranges and locks a selection in one step', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const dy of [-120, 0, 120]) {
    await page.keyboard.press('o');
    await drag(page, { x: cx - 25, y: cy + dy - 25 }, { x: cx + 25, y: cy + dy + 25 });
  }
  await page.keyboard.press('Escape');
  const layers = page.getByTestId('layer');
  await layers.nth(0).getByRole('button', { name: 'Ellipse', exact: true }).click();
  await layers
    .nth(2)
    .getByRole('button', { name: 'Ellipse', exact: true })
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 elements');
  await expect(page.locator('[data-testid="layer"].selected')).toHaveCount(3);
  await page.getByRole('button', { name: 'Lock all' }).click();
  await expect(page.getByRole('button', { name: 'Unlock all' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Lock all' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/selection-layers.png` });
});

test('the eraser cuts a brush stroke in two, as one undo step', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.press('p');
  await drag(page, { x: cx - 100, y: cy }, { x: cx + 100, y: cy });
  const drawn = await colourAt(page, cx, cy);
  expect(drawn[0]).toBeGreaterThan(200); // the white stroke

  await page.keyboard.press('e');
  await expect(page.getByTestId('eraser-size')).toBeVisible();
  await drag(page, { x: cx, y: cy - 40 }, { x: cx, y: cy + 40 });
  await page.screenshot({ path: `${SCREENS}/eraser.png` });
  await expect.poll(async () => (await colourAt(page, cx, cy))[0]).toBeLessThan(100);
  // Both ends are still there, in one element.
  expect((await colourAt(page, cx - 80, cy))[0]).toBeGreaterThan(200);
  expect((await colourAt(page, cx + 80, cy))[0]).toBeGreaterThan(200);
  await expect(page.getByTestId('layer')).toHaveCount(1);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await colourAt(page, cx, cy))[0]).toBeGreaterThan(200);
});

test('pastes a picture and text from the system clipboard', async ({ page }) => {
  const before = await previewPixels(page);
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.fillStyle = '#5fd0ff';
    context.fillRect(0, 0, 1600, 1200);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByTestId('element-inspector')).toContainText('Picture');
  // Centred and fitted in the frame.
  await expect(page.getByTestId('element-x')).toHaveValue('540');
  await expect(page.getByTestId('element-y')).toHaveValue('960');
  await expect.poll(() => previewPixels(page)).not.toBe(before);
  await page.screenshot({ path: `${SCREENS}/pasted-picture.png` });

  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Kindness is free.');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByTestId('element-text')).toHaveValue('Kindness is free.');
  await expect(page.getByTestId('layer')).toHaveCount(2);

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layer')).toHaveCount(0);
  await expect.poll(() => previewPixels(page)).toBe(before);
});

test('the property fields set fill, outline and opacity on one element and on several', async ({ page }) => {
  const { spots } = await threeSquares(page);
  const [a, , c] = spots as [{ x: number; y: number }, unknown, { x: number; y: number }];
  await page.mouse.click(a.x, a.y);
  const one = page.getByTestId('element-inspector');
  await expect(one).toBeVisible();
  await one.getByLabel('Fill colour', { exact: true }).fill('#ff0000');
  await expect.poll(async () => (await colourAt(page, a.x, a.y)).join(',')).toBe('255,0,0');
  await one.getByLabel('Outline width', { exact: true }).fill('12');
  await one.getByLabel('Outline width', { exact: true }).press('Enter');
  await expect(one.getByLabel('Outline width', { exact: true })).toHaveValue('12');
  await one.getByRole('slider').fill('50');
  await expect(one).toContainText('Opacity 50%');

  // Two: the fill differs between them until it is set on all at once.
  await page.keyboard.down('Shift');
  await page.mouse.click(c.x, c.y);
  await page.keyboard.up('Shift');
  const several = page.getByTestId('selection-inspector');
  await expect(several).toContainText('2 elements');
  await expect(several).toContainText('Fill (mixed)');
  await expect(several).toContainText('Opacity 50% (mixed)');
  await page.screenshot({ path: `${SCREENS}/selection-properties-mixed.png` });
  await page.getByTestId('selection-fill').fill('#00ff00');
  await expect(several).not.toContainText('Fill (mixed)');
  await page.getByTestId('selection-opacity').fill('100');
  await expect(several).not.toContainText('(mixed)');
  // The preview shows no red left, and green where the two squares are.
  await expect.poll(() => pixelsOf(page, [255, 0, 0])).toBe(0);
  const green = await pixelsOf(page, [0, 255, 0]);
  await page.keyboard.press('Escape');
  // Square a keeps its wide outline, which covers part of its fill.
  expect(green).toBeGreaterThan(2 * 0.5 * (await pixelsOfSquare(page)));
  await page.screenshot({ path: `${SCREENS}/selection-properties.png` });
});
