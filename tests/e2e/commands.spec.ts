import type { Page } from '@playwright/test';
import { LARGE_SCREEN, SCREENS, SMALL_SCREEN, expect, openStudio, test } from './fixtures';

/**
 * The command registry as a person meets it: single-letter keys, Enter and the arrows on the
 * canvas, the command palette (Ctrl+K), the menu bar and the tooltips, and the promise that a
 * key never lands in a text field it was not typed for. Only the keyboard, the mouse and what
 * is on screen (labels, roles, text).
 */

async function startBlank(page: Page, url: string): Promise<void> {
  await openStudio(page, url);
  await page.getByText('Blank project').click();
  await expect(page.getByRole('button', { name: 'Add caption at playhead' })).toBeVisible();
}

/** The selected element's position as the properties panel shows it. */
async function position(page: Page): Promise<{ x: number; y: number }> {
  return {
    x: Number(await page.getByLabel('X', { exact: true }).inputValue()),
    y: Number(await page.getByLabel('Y', { exact: true }).inputValue()),
  };
}

// Keys do the same at any window size: each test runs at one of the two sizes.
test.describe('at 1280x720', () => {
  test.use({ viewport: SMALL_SCREEN });

  test.beforeEach(async ({ page, studio }) => {
    await startBlank(page, studio.server.url);
  });

  test('C adds a caption, and only what is typed after it lands in the caption', async ({ page }) => {
    await page.keyboard.press('c');
    const text = page.getByLabel('Caption text');
    await expect(text).toBeFocused();
    // The C that added the caption is not typed into the field it opened (its text is
    // selected, so a typed "c" would have replaced it: "cMaya sits alone").
    await expect(text).toHaveValue('New caption');
    await page.keyboard.type('Maya sits alone');
    await expect(text).toHaveValue('Maya sits alone');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Maya sits alone').first()).toBeVisible();
  });

  test('O and T then Enter place an ellipse and a text at the centre', async ({ page }) => {
    await page.keyboard.press('o');
    await page.keyboard.press('Enter');
    await expect.poll(() => position(page)).toEqual({ x: 540, y: 960 });
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => position(page)).toEqual({ x: 540, y: 959 });

    // T then Enter starts a text in typing mode, as the text tool's click does.
    await page.keyboard.press('t');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Be kind');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Be kind');
    expect(await position(page)).toEqual({ x: 540, y: 960 });
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => position(page)).toEqual({ x: 530, y: 960 });
  });

  test('tooltips name the keys, and the menu bar lists every command with its keys', async ({ page }) => {
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.hover();
    // The tip's text, then its empty alternative text (it is not part of the button's name).
    const tip = () => save.evaluate((el) => getComputedStyle(el, '::after').content);
    await expect.poll(tip).toBe('"Save (Ctrl+S)" / ""');
    const rect = page.getByRole('button', { name: 'Rectangle' });
    await rect.hover();
    await expect
      .poll(() => rect.evaluate((el) => getComputedStyle(el, '::after').content))
      .toBe('"Rectangle (R)" / ""');

    await page.getByRole('menuitem', { name: 'File' }).click();
    const file = page.getByRole('menu', { name: 'File' });
    await expect(file.getByRole('menuitem', { name: /Save As…/ })).toContainText('Ctrl+Shift+S');
    await page.screenshot({ path: `${SCREENS}/menu-file-1280x720.png` });
    // The arrows walk to the View menu; Enter runs one of its commands.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const view = page.getByRole('menu', { name: 'View' });
    await expect(view).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/menu-view-1280x720.png` });
    await page.setViewportSize(LARGE_SCREEN);
    await expect(view).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/menu-view-1920x1080.png` });
    await view.getByRole('menuitem', { name: /Safe Zones/ }).click();
    await expect(view).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Safe zones', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Esc closes a menu without running anything.
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await expect(page.getByRole('menu', { name: 'Edit' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Edit' })).toHaveCount(0);
  });
});

test.describe('at 1920x1080', () => {
  test.use({ viewport: LARGE_SCREEN });

  test.beforeEach(async ({ page, studio }) => {
    await startBlank(page, studio.server.url);
  });

  test('a shortcut pressed while typing in a field types its letter', async ({ page }) => {
    const title = page.getByLabel('Project title');
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' rocs');
    await expect(title).toHaveValue(/ rocs$/);
    // No caption was added, no tool picked, nothing placed.
    await expect(page.getByLabel('Caption text')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Rectangle' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: 'Select and move' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Enter in the field does not place a shape either.
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('X', { exact: true })).toHaveCount(0);
  });

  test('R then Enter places a rectangle at the centre, the arrows move it, a held arrow is one undo', async ({
    page,
  }) => {
    await page.keyboard.press('r');
    await expect(page.getByRole('button', { name: 'Rectangle' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('X', { exact: true })).toBeVisible();
    expect(await position(page)).toEqual({ x: 540, y: 960 });

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => position(page)).toEqual({ x: 541, y: 970 });

    // Holding the key repeats it; releasing ends the burst: one undo step.
    for (let i = 0; i < 5; i++) await page.keyboard.down('ArrowLeft');
    await page.keyboard.up('ArrowLeft');
    await expect.poll(() => position(page)).toEqual({ x: 536, y: 970 });
    await page.keyboard.press('Control+z');
    await expect.poll(() => position(page)).toEqual({ x: 541, y: 970 });
  });

  test('a tool chosen with Tab and Enter on its button hands the keys to the frame: Enter places, arrows move', async ({
    page,
  }) => {
    // Tab through the tools column from the one before, as a keyboard user reaches a tool.
    await page.getByRole('button', { name: /^Select/ }).focus();
    const rectangle = page.getByRole('button', { name: /^Rectangle/ });
    for (let i = 0; i < 4 && !(await rectangle.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(rectangle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rectangle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('region', { name: 'Preview' })).toBeFocused();
    await expect(page.getByText(/Press Enter to put it in the middle of the frame/)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('X', { exact: true })).toBeVisible();
    expect(await position(page)).toEqual({ x: 540, y: 960 });
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => position(page)).toEqual({ x: 550, y: 960 });
  });

  test('Ctrl+K opens the palette: a few letters and Enter run a command, Esc closes', async ({ page }) => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await expect(palette).toBeVisible();
    await expect(page.getByLabel('Search commands')).toBeFocused();
    await page.keyboard.type('add cap');
    const options = palette.getByRole('option');
    await expect(options.first()).toContainText('Add Caption');
    await expect(options.first()).toContainText('C');
    await page.screenshot({ path: `${SCREENS}/command-palette-1920x1080.png` });
    await page.keyboard.press('Enter');
    await expect(palette).toHaveCount(0);
    // The command ran, and the Enter that ran it was not typed into the caption it opened.
    await expect(page.getByLabel('Caption text')).toBeFocused();
    await expect(page.getByLabel('Caption text')).toHaveValue('New caption');
    await page.keyboard.press('Escape');

    // Arrows pick; the shortcut is listed beside the name.
    await page.locator('body').press('Control+k');
    await page.keyboard.type('zones');
    await expect(palette.getByRole('option', { name: /Safe Zones/ })).toContainText('Ctrl+Shift+G');
    await page.keyboard.press('Escape');
    await expect(palette).toHaveCount(0);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('tool');
    await page.keyboard.press('ArrowDown');
    await expect(palette.getByRole('option', { selected: true })).toContainText('Rectangle Tool');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Rectangle' })).toHaveAttribute('aria-pressed', 'true');
  });
});
