import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Page } from '@playwright/test';
import { LIBRARY, itemPreviewFrame } from '../../src/core/library';
import { installKonvaNodeBackend } from '../../src/render/backends/node';
import { createRenderer } from '../../src/render/renderer';
import { LARGE_SCREEN, SCREENS, expect, openStudio, previewPixels, test } from './fixtures';

/**
 * The library panel as a person uses it (issue 12, part 3): opened by its tab, searched by
 * typing, an item clicked in and another dragged to a point of the canvas, a character's
 * expression changed in the inspector and undone with the keyboard, a selection saved to My
 * library and found again in a new project. Run at the two window sizes creators use most.
 */

const FRAME_WIDTH = 1080;

/** Where the frame is on the page, and how many CSS pixels one frame pixel is. */
async function frameOnPage(page: Page) {
  const canvas = page.locator('[data-testid="preview"] canvas').first();
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the preview has no canvas');
  const scale = box.width / FRAME_WIDTH;
  return {
    box,
    scale,
    /** A frame point on the page. */
    at: (x: number, y: number) => ({ x: box.x + x * scale, y: box.y + y * scale }),
  };
}

async function inspected(page: Page, label: string): Promise<number> {
  return Number(await page.getByLabel(label, { exact: true }).inputValue());
}

async function clickFrame(page: Page, x: number, y: number): Promise<void> {
  const frame = await frameOnPage(page);
  const point = frame.at(x, y);
  await page.mouse.click(point.x, point.y);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });
    const tag = `${size.width}x${size.height}`;

    test('search, click and drag items in, change an expression, undo, and save to My library', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      const before = await frameOnPage(page);

      // Opened by its visible tab, beside the storyboard: the frame keeps its size.
      await page.getByRole('tab', { name: 'Library' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Library' });
      await expect(panel.getByRole('heading', { name: /Characters/ })).toBeVisible();
      const after = await frameOnPage(page);
      expect(after.box.width).toBeCloseTo(before.box.width, 0);
      expect(after.box.height).toBeCloseTo(before.box.height, 0);
      // Every tile shows its drawn art.
      await expect(panel.getByRole('button', { name: 'Maya', exact: true }).locator('img')).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/library-open-${tag}.png` });

      // Typed key by key, the search narrows across sections; nonsense says nothing matches.
      await panel.getByRole('searchbox', { name: 'Search the library' }).click();
      await page.keyboard.type('sad');
      await expect(panel.getByRole('button', { name: 'Crying face' })).toBeVisible();
      await expect(panel.getByRole('button', { name: 'Grey cloud' })).toBeVisible();
      await expect(panel.getByRole('button', { name: 'Maya', exact: true })).toHaveCount(0);
      await page.keyboard.type('xq');
      await expect(
        panel.getByText('Nothing in the library matches “sadxq”.', { exact: false }),
      ).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/library-no-match-${tag}.png` });
      for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
      await expect(panel.getByRole('button', { name: 'Maya', exact: true })).toBeVisible();

      // Clicked: Maya stands in the middle of the frame, selected.
      await panel.getByRole('button', { name: 'Maya', exact: true }).click();
      const inspector = page.getByTestId('element-inspector');
      await expect(inspector.getByLabel('Expression')).toHaveValue('happy');
      await page.keyboard.press('Escape');
      await expect(inspector).toHaveCount(0);
      // Picked again by a click on her body, in the middle of the frame.
      await clickFrame(page, 540, 1000);
      await expect(inspector.getByLabel('Expression')).toBeVisible();
      expect(await inspected(page, 'X')).toBe(540);
      expect(await inspected(page, 'Y')).toBe(960);

      // Dragged: the sun lands where it is let go, upper left of the frame.
      const sun = panel
        .getByRole('region', { name: /^Props/ })
        .getByRole('button', { name: 'Sun', exact: true });
      await sun.scrollIntoViewIfNeeded();
      const from = await sun.boundingBox();
      if (!from) throw new Error('no sun tile');
      const target = (await frameOnPage(page)).at(280, 420);
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.x, target.y, { steps: 12 });
      await page.mouse.up();
      await expect.poll(() => inspected(page, 'X')).not.toBe(540);
      const frame = await frameOnPage(page);
      // Within one screen pixel of the drop point (in frame pixels).
      expect(Math.abs((await inspected(page, 'X')) - 280)).toBeLessThanOrEqual(1 / frame.scale + 1);
      expect(Math.abs((await inspected(page, 'Y')) - 420)).toBeLessThanOrEqual(1 / frame.scale + 1);
      await page.keyboard.press('Escape');
      await clickFrame(page, 280, 420);
      await expect(inspector.getByLabel('X', { exact: true })).toBeVisible();
      await expect(inspector.getByLabel('Expression')).toHaveCount(0);
      await page.screenshot({ path: `${SCREENS}/library-inserted-${tag}.png` });

      // Maya's expression, changed in the inspector, changes the canvas; Ctrl+Z takes it back.
      await clickFrame(page, 540, 1000);
      const happy = await previewPixels(page);
      await inspector.getByLabel('Expression').selectOption({ label: 'Sad' });
      await expect(inspector.getByLabel('Expression')).toHaveValue('sad');
      await expect.poll(() => previewPixels(page)).not.toBe(happy);
      await page.screenshot({ path: `${SCREENS}/library-sad-${tag}.png` });
      await page.getByRole('region', { name: 'Preview' }).click({ position: { x: 8, y: 8 } });
      await clickFrame(page, 540, 1000);
      await page.keyboard.press('Control+z');
      await expect(inspector.getByLabel('Expression')).toHaveValue('happy');
      await expect.poll(() => previewPixels(page)).toBe(happy);

      // The selection saved as a prop, under a typed name.
      const mine = panel.getByRole('region', { name: /My library/ });
      await mine.scrollIntoViewIfNeeded();
      await mine.getByRole('button', { name: 'Save as prop' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save as prop' });
      await expect(dialog.getByLabel('Name')).toBeFocused();
      await page.keyboard.type('Maya waving');
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(mine.getByRole('button', { name: 'Maya waving', exact: true })).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/library-saved-${tag}.png` });

      // In a new project, it is in My library, found by search, and inserts like the others.
      await page.getByRole('button', { name: 'Start screen' }).click();
      await page.getByRole('button', { name: /Blank project/ }).click();
      await page.getByRole('tab', { name: 'Library' }).click();
      await panel.getByRole('searchbox', { name: 'Search the library' }).click();
      await page.keyboard.type('waving');
      await expect(
        panel
          .getByRole('region', { name: /My library/ })
          .getByRole('button', { name: 'Maya waving', exact: true }),
      ).toBeVisible();
      await panel.getByRole('button', { name: 'Maya waving', exact: true }).click();
      await expect(inspector.getByLabel('Expression')).toHaveValue('happy');
      await page.screenshot({ path: `${SCREENS}/library-new-project-${tag}.png` });

      // Removed (after saying so), it leaves My library.
      await panel.getByRole('button', { name: 'Remove Maya waving from My library' }).click();
      await page
        .getByRole('dialog', { name: 'Remove from My library?' })
        .getByRole('button', { name: 'Remove' })
        .click();
      await expect(panel.getByRole('button', { name: 'Maya waving', exact: true })).toHaveCount(0);
    });
  });
}

// Keyframing an expression does not depend on the window's size: it runs at 1920x1080 only.
test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });
  const tag = '1920x1080';

  test('keyframes an expression: sad from 2 s, happy before it, scrubbed both ways, undone', async ({
    page,
    studio,
  }) => {
    await openStudio(page, studio.server.url);
    await page.getByRole('button', { name: /Blank project/ }).click();
    await expect(page.getByRole('slider', { name: 'Playhead' })).toBeVisible();

    // Ctrl+Shift+L shows the library with the keyboard in its search field.
    await page.keyboard.press('Control+Shift+L');
    const panel = page.getByRole('tabpanel', { name: 'Library' });
    await expect(panel.getByRole('searchbox', { name: 'Search the library' })).toBeFocused();
    await page.keyboard.type('maya');
    await expect(panel.getByRole('button', { name: 'Maya', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/library-panel-${tag}.png` });
    await panel.getByRole('button', { name: 'Maya', exact: true }).click();

    // She is "Maya", a character, in the inspector's title and in the layer list.
    const inspector = page.getByTestId('element-inspector');
    await expect(inspector.getByTitle('Maya (Character)')).toHaveText(/^\s*Maya\s*Character\s*$/);
    await expect(
      page.getByRole('list', { name: 'Layers' }).getByRole('button', { name: 'Maya Character' }),
    ).toBeVisible();
    const expression = inspector.getByLabel('Expression');
    await expect(expression).toHaveValue('happy');

    // Where the ruler says 1 s and 2 s: a person reads the seconds off it.
    const playhead = page.getByRole('slider', { name: 'Playhead' });
    const one = await playhead.getByText('1s', { exact: true }).boundingBox();
    const two = await playhead.getByText('2s', { exact: true }).boundingBox();
    const ruler = await playhead.boundingBox();
    if (!one || !two || !ruler) throw new Error('no ruler');
    const xAt = (seconds: number) => one.x + (seconds - 1) * (two.x - one.x);
    const y = ruler.y + ruler.height / 2;
    const timeNow = async () => Number(await playhead.getAttribute('aria-valuenow'));

    // The playhead to 2 s, a keyframe there, and Sad chosen: she turns sad from 2 s on.
    await page.mouse.click(xAt(2) + 1, y);
    await expect.poll(timeNow).toBeCloseTo(2, 0);
    const happyPixels = await previewPixels(page);
    await inspector.getByRole('button', { name: /^Add keyframe at/ }).click();
    await expect(inspector.getByText(/A change here is keyframed at 0:02/)).toBeVisible();
    await expression.selectOption({ label: 'Sad' });
    await expect(expression).toHaveValue('sad');
    await expect.poll(() => previewPixels(page)).not.toBe(happyPixels);
    const sadPixels = await previewPixels(page);
    await page.screenshot({ path: `${SCREENS}/library-character-inspector-${tag}.png` });

    // Scrubbed back and forth along the ruler: happy before 2 s, sad after, each time.
    async function scrubTo(seconds: number): Promise<void> {
      const box = await playhead.boundingBox();
      if (!box) throw new Error('no ruler');
      await page.mouse.move(box.x + box.width / 2, y);
      await page.mouse.down();
      await page.mouse.move(xAt(seconds), y, { steps: 8 });
      await page.mouse.up();
      await expect.poll(timeNow).toBeCloseTo(seconds, 0);
    }
    for (const [seconds, face, pixels] of [
      [0.5, 'happy', happyPixels],
      [2.6, 'sad', sadPixels],
      [1.2, 'happy', happyPixels],
      [2.4, 'sad', sadPixels],
    ] as const) {
      await scrubTo(seconds);
      await expect(expression, `at ${seconds} s`).toHaveValue(face);
      await expect.poll(() => previewPixels(page), { message: `the canvas at ${seconds} s` }).toBe(pixels);
    }

    // Ctrl+Z takes the expression's keyframe away: happy after 2 s too.
    await page.keyboard.press('Control+z');
    await expect(expression).toHaveValue('happy');
    await expect.poll(() => previewPixels(page)).toBe(happyPixels);
    await expect(inspector.getByText(/A change here is keyframed/)).toBeVisible();
    await expect(inspector.getByText(/^\s*1 keyframe ·/)).toBeVisible();

    // The palette offers saving her (she is selected), and Show Library with its keys.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await page.keyboard.type('show lib');
    await expect(palette.getByRole('option', { name: /Show Library/ })).toContainText('Ctrl+Shift+L');
    for (let i = 0; i < 'show lib'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('save selection as char');
    await page.keyboard.press('Enter');
    const save = page.getByRole('dialog', { name: 'Save as character' });
    await expect(save.getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(save).toHaveCount(0);
  });
});

test('a picture saved to My library comes into a new project and shows there', async ({ page, studio }) => {
  // The creator's photo: a plain red square, picked with "Add a picture".
  const photo = createCanvas(240, 240);
  const context = photo.getContext('2d');
  context.fillStyle = '#e01010';
  context.fillRect(0, 0, 240, 240);
  const file = join(test.info().outputDir, 'red-photo.png');
  await mkdir(test.info().outputDir, { recursive: true });
  await writeFile(file, photo.toBuffer('image/png'));

  await openStudio(page, studio.server.url);
  await page.getByRole('button', { name: /Blank project/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add a picture' }).click();
  await (await chooser).setFiles(file);
  const inspector = page.getByTestId('element-inspector');
  await expect(inspector).toContainText('Picture');

  // Saved as a prop from the library panel, while the picture is selected.
  await page.keyboard.press('Control+Shift+L');
  const panel = page.getByRole('tabpanel', { name: 'Library' });
  const mine = panel.getByRole('region', { name: /My library/ });
  await mine.scrollIntoViewIfNeeded();
  await mine.getByRole('button', { name: 'Save as prop' }).click();
  await expect(page.getByRole('dialog', { name: 'Save as prop' }).getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Red photo');
  await page.keyboard.press('Enter');
  const tile = mine.getByRole('button', { name: 'Red photo', exact: true });
  await expect(tile).toBeVisible();
  // Its tile shows the photo itself (read back from the library folder), not a placeholder.
  const tileMiddle = async () => {
    const src = await tile.locator('img').getAttribute('src');
    if (!src) return [];
    const pixels = await pngPixels(src, 176);
    const at = (88 * 176 + 88) * 4;
    return [pixels[at], pixels[at + 1], pixels[at + 2]];
  };
  await expect.poll(tileMiddle).toEqual([224, 16, 16]);
  await page.screenshot({ path: `${SCREENS}/library-picture-saved.png` });

  // A new project: the saved item inserts with its picture, drawn in the middle of the frame.
  await page.getByRole('button', { name: 'Start screen' }).click();
  await page.getByRole('button', { name: /Blank project/ }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  await panel.getByRole('region', { name: /My library/ }).scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: 'Red photo', exact: true }).click();
  await expect(inspector).toContainText('Picture');
  await page.keyboard.press('Escape');
  const middle = () =>
    page
      .locator('[data-testid="preview"] canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const pixel = canvas.getContext('2d')?.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
        return pixel ? [pixel[0], pixel[1], pixel[2]] : [];
      });
  await expect.poll(middle).toEqual([224, 16, 16]);
  await page.screenshot({ path: `${SCREENS}/library-picture-inserted.png` });
});

/** Decodes a PNG data URL into RGBA bytes. */
async function pngPixels(dataUrl: string, size: number): Promise<Uint8ClampedArray> {
  const image = await loadImage(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, size, size).data;
}

test('every built-in item draws the same in the studio (Chromium) as in the export (Skia)', async ({
  page,
  studio,
}) => {
  await openStudio(page, studio.server.url);
  await page.getByRole('button', { name: /Blank project/ }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Library' });
  const tiles = panel.getByRole('listitem');
  await expect(tiles).toHaveCount(LIBRARY.length);
  // Each tile is drawn once it is seen: bring every one into view.
  for (let i = 0; i < LIBRARY.length; i += 6) await tiles.nth(i).scrollIntoViewIfNeeded();
  await expect(panel.locator('img')).toHaveCount(LIBRARY.length);

  const size = 176;
  const renderer = createRenderer({
    width: size,
    height: size,
    backend: installKonvaNodeBackend(),
    pixelRatio: 1,
  });
  const failures: string[] = [];
  try {
    // The tiles are in the catalogue's order: characters, props, stickers.
    for (const [index, item] of LIBRARY.entries()) {
      const src = await tiles.nth(index).locator('img').getAttribute('src');
      expect(src, item.id).toMatch(/^data:image\/png;base64,/);
      const studioPixels = await pngPixels(src ?? '', size);
      renderer.draw(itemPreviewFrame(item, 480, '#2b2a37'));
      const exportPixels = renderer.readRgba();
      let total = 0;
      for (let i = 0; i < exportPixels.length; i++)
        if (i % 4 !== 3) total += Math.abs((studioPixels[i] ?? 0) - (exportPixels[i] ?? 0));
      const mean = total / ((exportPixels.length / 4) * 3);
      if (mean >= 4) failures.push(`${item.id}: mean difference ${mean.toFixed(2)}`);
    }
  } finally {
    renderer.destroy();
  }
  expect(failures).toEqual([]);
});

test.describe('accessibility', () => {
  // The studio's Content-Security-Policy refuses inline scripts; the checker is the test's own.
  test.use({ bypassCSP: true, viewport: { width: 1280, height: 720 } });

  test('the library panel and the character choices have no serious axe findings', async ({
    page,
    studio,
  }) => {
    await openStudio(page, studio.server.url);
    await page.getByRole('button', { name: /Blank project/ }).click();
    await page.getByRole('tab', { name: 'Library' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Library' });
    await panel.getByRole('button', { name: 'Maya', exact: true }).click();
    await expect(page.getByTestId('element-inspector').getByLabel('Expression')).toBeVisible();
    await page.addScriptTag({ path: join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js') });
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe;
      const found = (await axe.run(document)) as {
        violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
      };
      return found.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(serious).toEqual([]);
  });
});
