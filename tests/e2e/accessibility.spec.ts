import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { toneWav } from '../helpers/sounds';
import { expect, openStudio, startFromTemplate, test } from './fixtures';

/**
 * axe-core (from npm, injected into the page) finds no serious or critical problem on the start
 * screen, the studio, review mode and the offline review page, at both window sizes.
 */
const AXE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');
// The shared machine is slow at times: room for the whole walk-through (no timing is asserted).
test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

// The studio's Content-Security-Policy refuses inline scripts; the checker is the test's own.
test.use({ bypassCSP: true });

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function seriousProblems(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe;
    return (await axe.run(document)) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
  });
  return found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
}

async function expectNoSeriousProblems(page: Page, screen: string): Promise<void> {
  const problems = await seriousProblems(page);
  expect(problems, `serious or critical axe findings on ${screen}`).toEqual([]);
  expect(await unnamedFields(page), `fields without a name on ${screen}`).toEqual([]);
}

for (const size of SIZES) {
  test(`start screen, studio and review mode at ${size.width}x${size.height}`, async ({ page, studio }) => {
    await page.setViewportSize(size);
    await openStudio(page, studio.server.url);
    await expectNoSeriousProblems(page, 'the start screen');

    await startFromTemplate(page, 'be-the-reason');
    await expectNoSeriousProblems(page, 'the studio');

    // An element picked on the canvas: the element inspector and its keyframe rows.
    const preview = await page.getByTestId('preview').boundingBox();
    if (preview === null) throw new Error('the preview is not visible');
    await page.mouse.click(preview.x + preview.width / 2, preview.y + preview.height * 0.4);
    await expectNoSeriousProblems(page, 'the studio with an element selected');

    await page.getByRole('button', { name: /^Review\b/ }).click();
    await expect(page.getByRole('button', { name: 'Back to editing' })).toBeVisible();
    await expectNoSeriousProblems(page, 'review mode');
  });
}

/**
 * Form controls the accessibility tree gives no name: axe counts a field inside a <label> as
 * named even when the label names another field (a label names only its first control).
 */
async function unnamedFields(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree
    .split('\n')
    .filter((line) =>
      /^\s*- (textbox|searchbox|spinbutton|slider|combobox|checkbox|radio|switch)(:|$| \[)/.test(line),
    );
}

test('the scene fields have names a screen reader reads, and the length takes a typed number', async ({
  page,
  studio,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'be-the-reason');
  expect(await unnamedFields(page), 'fields without a name in the studio').toEqual([]);
  await expect(page.getByRole('textbox', { name: 'Scene name' })).toHaveValue('One comment');
  await expect(page.getByRole('slider', { name: 'Scene length slider' })).toBeVisible();
  const length = page.getByRole('spinbutton', { name: 'Scene length in seconds' });
  await length.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('6');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /One comment/ })).toContainText('6 s');
});

test('the offline review page at both sizes', async ({ page, studio, context }, testInfo) => {
  testInfo.setTimeout(240_000);
  await openStudio(page, studio.server.url);
  await startFromTemplate(page, 'blank');
  await page.getByRole('button', { name: /^Review\b/ }).click();
  await page.getByRole('button', { name: 'Share for review…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByText(/Review page written/)).toBeVisible({ timeout: 180_000 });
  const written = (await readdir(studio.workspace)).find((name) => name.endsWith('.html'));
  if (written === undefined) throw new Error('no review page was written');

  const reviewPage = await context.newPage();
  await reviewPage.goto(pathToFileURL(join(studio.workspace, written)).href);
  await expect(reviewPage.getByRole('heading', { name: /^Review:/ })).toBeVisible();
  for (const size of SIZES) {
    await reviewPage.setViewportSize(size);
    await expectNoSeriousProblems(reviewPage, `the review page at ${size.width}x${size.height}`);
  }
});

/**
 * Every panel and dialog a creator opens while making a video, checked as it opens: the tool
 * options and the onion skin popover, a drawing layer, a caption, a sound, the end card, the post
 * text, the save and export dialogs and the command palette. Every control has a name there.
 */
test('every panel and dialog of making a video, at 1280x720', async ({ page, studio }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page, studio.server.url);
  await page.getByRole('button', { name: /^Blank project/ }).click();

  await page.keyboard.press('p');
  await expectNoSeriousProblems(page, 'the brush and its options');
  await page.getByRole('button', { name: 'Add a drawing layer (frame by frame)' }).click();
  await page.getByRole('button', { name: 'Onion skin', exact: true }).click();
  await page.getByRole('button', { name: /^Onion skin: 1 · 1/ }).click();
  await expect(page.getByRole('dialog', { name: 'Onion skin settings' })).toBeVisible();
  await expectNoSeriousProblems(page, 'a drawing layer with the onion skin settings open');
  await page.keyboard.press('Escape');
  await page.getByRole('toolbar', { name: 'Drawing frames' }).getByRole('button', { name: 'Done' }).click();

  await page.keyboard.press('c');
  await page.keyboard.type('Be kind');
  await page.keyboard.press('Enter');
  await page
    .getByRole('group', { name: /^Captions/ })
    .getByRole('button', { name: /Be kind/ })
    .click();
  await expectNoSeriousProblems(page, 'a caption selected');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add sound at the playhead' }).click();
  await (await chooser).setFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: toneWav(2) });
  await expect(page.getByRole('button', { name: /^tone:/ })).toBeVisible();
  await page.getByRole('button', { name: /^tone:/ }).click();
  await expectNoSeriousProblems(page, 'the sound inspector');

  await page.getByRole('button', { name: /^End card/ }).click();
  await page.getByRole('checkbox', { name: 'Show an end card with where to find help' }).check();
  await expectNoSeriousProblems(page, 'the end card editor');

  await page.getByRole('button', { name: 'Post text' }).click();
  await expect(page.getByRole('dialog', { name: 'Post text' })).toBeVisible();
  await expectNoSeriousProblems(page, 'the post text dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Save as' })).toBeVisible();
  await expectNoSeriousProblems(page, 'the save dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await expectNoSeriousProblems(page, 'the export dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog').last()).toBeVisible();
  await expectNoSeriousProblems(page, 'the command palette');
});
