import type { Page } from '@playwright/test';
import { SCREENS, expect, openStudio, previewPixels, startFromTemplate, test } from './fixtures';

async function previewBox(page: Page) {
  const box = await page.getByTestId('preview').boundingBox();
  if (!box) throw new Error('no preview');
  return box;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
});

test('draws a rectangle and a text, moves and turns them', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const empty = await previewPixels(page);

  // Rectangle: R, then drag out its size.
  await page.keyboard.press('r');
  await drag(page, { x: cx - 80, y: cy - 140 }, { x: cx + 80, y: cy - 40 });
  const inspector = page.getByTestId('element-inspector');
  await expect(inspector).toContainText('Rectangle');
  const withRect = await previewPixels(page);
  expect(withRect).not.toBe(empty);

  // Turn it by its rotation handle (28 px above the top edge), to the right of the shape.
  await drag(page, { x: cx, y: cy - 140 - 28 }, { x: cx + 160, y: cy - 90 });
  await expect(page.getByTestId('element-rotation')).toHaveValue('90');

  // Move it by dragging its body.
  const xBefore = Number(await page.getByTestId('element-x').inputValue());
  await drag(page, { x: cx, y: cy - 90 }, { x: cx - 60, y: cy - 90 });
  const xAfter = Number(await page.getByTestId('element-x').inputValue());
  expect(xAfter).toBeLessThan(xBefore - 100); // 60 CSS pixels are ~200 frame pixels

  // Text: T, click, type over it.
  await page.getByTestId('tool-text').click();
  await page.mouse.click(cx, cy + 120);
  await expect(inspector).toContainText('Text');
  // A new text opens in place, empty: what is typed is its text.
  const inPlace = page.getByRole('textbox', { name: 'Text on the canvas' });
  await expect(inPlace).toBeFocused();
  await page.keyboard.type('Be kind today');
  await page.screenshot({ path: `${SCREENS}/text-in-place.png` });
  await page.keyboard.press('Escape');
  await expect(inPlace).toHaveCount(0);
  await expect(page.getByTestId('element-text')).toHaveValue('Be kind today');
  await page.getByTestId('element-rotation').fill('-8');
  await page.getByTestId('element-rotation').press('Enter');
  await expect(page.getByTestId('element-rotation')).toHaveValue('-8');
  const textX = Number(await page.getByTestId('element-x').inputValue());
  await drag(page, { x: cx, y: cy + 120 }, { x: cx + 30, y: cy + 150 });
  expect(Number(await page.getByTestId('element-x').inputValue())).toBeGreaterThan(textX + 50);
  await page.screenshot({ path: `${SCREENS}/canvas-editing.png` });

  // Every step is undoable: back to the empty canvas.
  for (let i = 0; i < 12 && (await page.getByTestId('undo').isEnabled()); i++)
    await page.keyboard.press('Control+z');
  await page.keyboard.press('Escape');
  await expect.poll(() => previewPixels(page)).toBe(empty);
});

test('two keyframes animate an element, and scrubbing shows the motion', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.press('o');
  await drag(page, { x: cx - 50, y: cy - 50 }, { x: cx + 50, y: cy + 50 });
  await expect(page.getByTestId('element-inspector')).toContainText('Ellipse');

  await page.getByTestId('add-keyframe').click();
  // Two seconds later, move it: the moved position becomes the second keyframe.
  const track = page.getByTestId('timeline-track');
  await track.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('time')).toContainText('0:02.0');
  await page.getByTestId('element-y').fill('400');
  await page.getByTestId('element-y').press('Enter');
  await expect(page.getByTestId('keyframe-mark')).toHaveCount(2);

  const seen = new Set<string>();
  for (const frames of [0, 15, 30, 45, 60]) {
    await track.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < frames / 15; i++) {
      for (let f = 0; f < 15; f++) await page.keyboard.press('ArrowRight');
    }
    seen.add(await previewPixels(page));
  }
  // Five moments of the motion, five different pictures.
  expect(seen.size).toBe(5);

  // The easing menu shows each curve; pick one for the first keyframe.
  const marks = page.getByTestId('keyframe-mark');
  await marks.first().dblclick();
  await expect(page.getByTestId('easing-menu')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/keyframes.png` });
  await page.getByRole('menuitemradio', { name: 'Out Bounce', exact: true }).click();
  await expect(marks.first()).toHaveAttribute('aria-label', /Out Bounce/);

  // Drag the second keyframe earlier; Delete removes one; undo brings it back.
  const second = await marks.nth(1).boundingBox();
  if (!second) throw new Error('no keyframe mark');
  await drag(
    page,
    { x: second.x + second.width / 2, y: second.y + second.height / 2 },
    { x: second.x - 120, y: second.y + second.height / 2 },
  );
  await expect(marks.nth(1)).toHaveAttribute('aria-label', /Keyframe at 0:01\.\d\d,/);
  await marks.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(marks).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(marks).toHaveCount(2);
});

test('shows where each platform covers the video', async ({ page }) => {
  await expect(page.getByTestId('safe-zones')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+g');
  const zones = page.getByTestId('safe-zones');
  await expect(zones).toContainText('Clear on every platform');
  const preview = await previewBox(page);
  const overlay = await zones.boundingBox();
  // The overlay lies exactly over the frame.
  expect(Math.abs((overlay?.x ?? 0) - preview.x)).toBeLessThan(1.5);
  expect(Math.abs((overlay?.y ?? 0) - preview.y)).toBeLessThan(1.5);
  await page.getByLabel('Safe zones for').selectOption('shorts');
  await expect(zones).toContainText('Clear on YouTube Shorts');
  await page.screenshot({ path: `${SCREENS}/safe-zones.png` });
  await page.getByTestId('toggle-safe-zones').click();
  await expect(zones).toHaveCount(0);
});

test('drags a picture in, and it is saved inside the project file', async ({ page, studio }) => {
  const before = await previewPixels(page);
  const preview = await previewBox(page);
  // A picture made in the page, dropped on the preview as a file from the desktop would be.
  const transfer = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.fillStyle = '#ff5fa2';
    context.fillRect(0, 0, 400, 300);
    context.fillStyle = '#ffe066';
    context.beginPath();
    context.arc(200, 150, 100, 0, Math.PI * 2);
    context.fill();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    const data = new DataTransfer();
    data.items.add(new File([blob], 'sunny.png', { type: 'image/png' }));
    return data;
  });
  const at = { clientX: preview.x + preview.width / 2, clientY: preview.y + preview.height / 3 };
  await page.getByTestId('preview').dispatchEvent('dragover', { dataTransfer: transfer, ...at });
  await page.getByTestId('preview').dispatchEvent('drop', { dataTransfer: transfer, ...at });
  await expect(page.getByTestId('element-inspector')).toContainText('Picture');
  await expect.poll(() => previewPixels(page)).not.toBe(before);
  await page.keyboard.press('Escape');
  const withPicture = await previewPixels(page);
  await page.screenshot({ path: `${SCREENS}/picture-dropped.png` });

  // Saved and opened again, the picture comes back from inside the .kindness file.
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-name').fill('picture.kindness');
  await page.getByTestId('save-confirm').click();
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
  await page.getByTestId('home').click();
  await page.getByRole('button', { name: /picture\.kindness/ }).click();
  await expect(page.getByTestId('scene-card')).toHaveCount(1);
  await expect.poll(() => previewPixels(page)).toBe(withPicture);
  expect(studio.workspace).toBeTruthy();
});

test('orders, hides and locks elements from the layer list', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.press('r');
  await drag(page, { x: cx - 60, y: cy - 60 }, { x: cx + 60, y: cy + 60 });
  await page.keyboard.press('o');
  await drag(page, { x: cx - 30, y: cy - 30 }, { x: cx + 90, y: cy + 90 });
  await page.keyboard.press('Escape');
  const layers = page.getByTestId('layer');
  await expect(layers).toHaveText(['Ellipse', 'Rectangle']);

  // Send the ellipse behind the rectangle.
  await layers.first().getByRole('button', { name: 'Ellipse', exact: true }).focus();
  const stacked = await previewPixels(page);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(layers).toHaveText(['Rectangle', 'Ellipse']);
  expect(await previewPixels(page)).not.toBe(stacked);

  // Hidden, it is not drawn; shown again, it is.
  const shown = await previewPixels(page);
  await page.getByRole('button', { name: 'Hide Rectangle' }).click();
  await expect.poll(() => previewPixels(page)).not.toBe(shown);
  await page.getByRole('button', { name: 'Show Rectangle' }).click();
  await expect.poll(() => previewPixels(page)).toBe(shown);

  // Locked, a drag on it does not move it.
  await page.getByRole('button', { name: 'Lock Rectangle' }).click();
  await drag(page, { x: cx - 50, y: cy - 50 }, { x: cx - 120, y: cy - 120 });
  expect(await previewPixels(page)).toBe(shown);
  await page.screenshot({ path: `${SCREENS}/layers.png` });
});

test('zooms in to work on details and back to fit the window', async ({ page }) => {
  const fitted = await previewBox(page);
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(page.getByTestId('zoom-fit')).toHaveText('156%');
  await expect.poll(async () => (await previewBox(page)).width).toBeGreaterThan(fitted.width * 1.5);
  // Drawing still lands where the pointer is, zoomed in.
  const box = await previewBox(page);
  const visible = await page.locator('.preview-scroll').boundingBox();
  if (!visible) throw new Error('no preview area');
  const x = visible.x + visible.width / 2;
  const y = visible.y + visible.height / 2;
  await page.keyboard.press('r');
  await drag(page, { x: x - 40, y: y - 40 }, { x: x + 40, y: y + 40 });
  const frameX = Number(await page.getByTestId('element-x').inputValue());
  expect(Math.abs(frameX - ((x - box.x) / box.width) * 1080)).toBeLessThan(4);
  await page.screenshot({ path: `${SCREENS}/zoomed.png` });
  await page.getByTestId('zoom-fit').click();
  await expect.poll(async () => Math.round((await previewBox(page)).width)).toBe(Math.round(fitted.width));
});

test('draws a star, an arrow and a speech bubble', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.press('s');
  await drag(page, { x: cx - 100, y: cy - 220 }, { x: cx - 10, y: cy - 130 });
  await expect(page.getByTestId('element-inspector')).toContainText('Star');
  await page.keyboard.press('l');
  await drag(page, { x: cx - 90, y: cy + 40 }, { x: cx + 60, y: cy - 40 });
  await expect(page.getByTestId('element-inspector')).toContainText('Line');
  await page.keyboard.press('b');
  await drag(page, { x: cx - 20, y: cy + 100 }, { x: cx + 120, y: cy + 170 });
  await expect(page.getByTestId('element-inspector')).toContainText('Speech bubble');
  await page.getByTestId('element-text').fill('You are not alone.');
  await page.getByRole('button', { name: 'Back to the scene' }).click();
  await expect(page.getByTestId('layer')).toHaveText(['You are not alone.', 'Arrow', 'Star']);
  await page.screenshot({ path: `${SCREENS}/shapes.png` });
});

test('snaps a dragged element to the centre of the frame', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.press('r');
  await drag(page, { x: cx - 110, y: cy - 50 }, { x: cx - 30, y: cy + 50 });
  await expect(page.getByTestId('element-x')).not.toHaveValue('540');
  // Let go 3 screen pixels from the centre line: it lands exactly on it.
  await page.mouse.move(cx - 70, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 40, cy + 30, { steps: 4 });
  await page.mouse.move(cx + 3, cy + 47, { steps: 4 });
  await page.screenshot({ path: `${SCREENS}/snapping.png` });
  await page.mouse.up();
  await expect(page.getByTestId('element-x')).toHaveValue('540');

  // The keyboard nudges it too: 1 pixel, 10 with Shift; one undo step per key press.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('element-x')).toHaveValue('551');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('element-x')).toHaveValue('541');
});

test('draws with the brush, one element per stroke', async ({ page }) => {
  const box = await previewBox(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const empty = await previewPixels(page);
  await page.keyboard.press('p');
  // A heart-ish squiggle, then a second stroke.
  await page.mouse.move(cx - 80, cy);
  await page.mouse.down();
  for (let i = 0; i <= 24; i++) {
    const a = (i / 24) * Math.PI * 2;
    await page.mouse.move(cx + Math.sin(a) * 80, cy - Math.cos(a) * 60 + Math.sin(a * 2) * 20);
  }
  await page.mouse.up();
  await drag(page, { x: cx - 60, y: cy + 120 }, { x: cx + 60, y: cy + 130 });
  await expect.poll(() => previewPixels(page)).not.toBe(empty);
  await page.screenshot({ path: `${SCREENS}/brush.png` });
  await page.keyboard.press('v');
  await expect(page.getByTestId('layer')).toHaveText(['Brush stroke', 'Brush stroke']);
});
