import { createCanvas } from '@napi-rs/canvas';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * What a person's hands do in the studio, for the specs that use it as a person does: the mouse
 * at points of the frame, drags, the playhead moved on the ruler and by its keys.
 */

const FRAME_WIDTH = 1080;

export interface Point {
  x: number;
  y: number;
}

/** Where the frame is on the page, and how many CSS pixels one frame pixel is. */
export async function frameOnPage(
  page: Page,
): Promise<{ scale: number; at: (x: number, y: number) => Point }> {
  const canvas = page.locator('[data-testid="preview"] canvas').first();
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the preview has no canvas');
  const scale = box.width / FRAME_WIDTH;
  return { scale, at: (x: number, y: number) => ({ x: box.x + x * scale, y: box.y + y * scale }) };
}

/** A press, a move in small steps and a release, as a hand drags. */
export async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** The inspector's number a person reads beside `label`. */
export async function inspected(page: Page, label: string): Promise<number> {
  return Number(await page.getByLabel(label, { exact: true }).inputValue());
}

/**
 * Puts the playhead at `seconds` (whole seconds and frames) the way a person does with the
 * keyboard: a click on the ruler, Home, then Shift+Right a second at a time and Right a frame.
 */
export async function playheadTo(page: Page, seconds: number, fps = 30): Promise<void> {
  const ruler = page.getByRole('slider', { name: 'Playhead' });
  const box = await ruler.boundingBox();
  if (!box) throw new Error('the ruler is not on screen');
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  await page.keyboard.press('Home');
  for (let s = 0; s < Math.floor(seconds); s++) await page.keyboard.press('Shift+ArrowRight');
  const frames = Math.round((seconds - Math.floor(seconds)) * fps);
  for (let f = 0; f < frames; f++) await page.keyboard.press('ArrowRight');
  await expect(ruler).toHaveAttribute('aria-valuenow', String(Math.round(seconds * 10) / 10));
}

/** A 400 x 300 picture, as a PNG file a person has on disk: pink with a yellow sun. */
export function picturePng(): Buffer {
  const canvas = createCanvas(400, 300);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ff5fa2';
  context.fillRect(0, 0, 400, 300);
  context.fillStyle = '#ffe066';
  context.beginPath();
  context.arc(200, 150, 100, 0, Math.PI * 2);
  context.fill();
  return canvas.toBuffer('image/png');
}

/**
 * Saves with Ctrl+S and Enter in the studio's Save dialog (its suggested name and folder), and
 * waits until the studio says everything is saved.
 */
export async function saveWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: /Save/ });
  await expect(save).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(save).toHaveCount(0);
  await expect(page.getByText('All changes saved')).toBeVisible();
}
