import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { blankProject } from '../../src/core/edit';
import type { ElementInput, ProjectInput } from '../../src/core/schema';
import { SCREENS, expect, openStudio, test } from './fixtures';
import { drag, frameOnPage, inspected, picturePng } from './person';

/**
 * Direct manipulation of every kind of element, as a person does it: the mouse at points of
 * the canvas, the keyboard, and what the inspector shows (issue 11, point 2). Run at the two
 * window sizes creators use most.
 */

/** Screen pixels within which a dragged element snaps to a guide (useCanvasEditor's SNAP), plus one. */
const SNAP = 7;

const stroke = (y: number, x0: number, x1: number, color: string) => ({
  color,
  width: 60,
  points: [
    { x: x0, y, pressure: 0.5 },
    { x: (x0 + x1) / 2, y, pressure: 0.5 },
    { x: x1, y, pressure: 0.5 },
  ],
});

/** One scene with one element of each kind drawn in its own place (frame pixels). */
function everyKind(): ProjectInput {
  const elements: ElementInput[] = [
    {
      id: 'group-1',
      kind: 'group',
      children: [
        { id: 'rect-1', kind: 'rect', x: 80, y: 120, width: 300, height: 140, fill: '#9d8cff' },
        { id: 'rect-2', kind: 'rect', x: 80, y: 280, width: 300, height: 140, fill: '#79d9a6' },
      ],
    },
    { id: 'path-1', kind: 'path', data: 'M 640 120 L 980 120 L 980 420 L 640 420 Z', fill: '#ffb870' },
    { id: 'drawing-1', kind: 'drawing', frames: [{ strokes: [stroke(560, 80, 420, '#ffffff')] }] },
    { id: 'brush-1', kind: 'brush', strokes: [stroke(560, 640, 980, '#ffe066')] },
    {
      id: 'bubble-1',
      kind: 'bubble',
      x: 60,
      y: 680,
      width: 300,
      height: 200,
      tailX: 60,
      tailY: 280,
      text: 'Hello',
      fill: '#ffffff',
    },
    {
      id: 'text-1',
      kind: 'text',
      x: 640,
      y: 680,
      width: 380,
      text: 'Be brave',
      fontFamily: 'Fredoka',
      fontSize: 80,
      fill: '#ffffff',
    },
  ];
  return {
    ...blankProject('Every kind'),
    scenes: [{ id: 'scene-1', name: 'Every kind', duration: 3, elements }],
  };
}

/** Opens a project file from the workspace the way a person does, from the start screen. */
async function openProject(page: Page, url: string, path: string, project: ProjectInput, name: string) {
  await writeFile(path, JSON.stringify(project));
  await openStudio(page, url);
  await page.getByRole('button', { name: /Open a project/ }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByText('Every kind').first()).toBeVisible();
}

/** How many bright (or, with `dark`, dark) pixels the canvas (not the page) draws inside a frame box. */
async function brightPixels(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  dark = false,
) {
  return page
    .locator('[data-testid="preview"] canvas')
    .first()
    .evaluate(
      (canvas: HTMLCanvasElement, { b, dark }) => {
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D context');
        const k = canvas.width / 1080;
        const data = context.getImageData(b.x * k, b.y * k, b.width * k, b.height * k).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, bl] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
          if (dark ? r < 70 && g < 70 && bl < 70 : r > 200 && g > 200 && bl > 200) count++;
        }
        return count;
      },
      { b: box, dark },
    );
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });
    const tag = `${size.width}x${size.height}`;

    test('a picture added with "Add a picture" is clicked, dragged, resized and turned', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add a picture' }).click();
      await (await chooser).setFiles({ name: 'sunny.png', mimeType: 'image/png', buffer: picturePng() });
      const inspector = page.getByTestId('element-inspector');
      await expect(inspector).toContainText('Picture');
      // Let go of it, then pick it again by clicking it on the canvas.
      await page.keyboard.press('Escape');
      await expect(inspector).toHaveCount(0);
      const frame = await frameOnPage(page);
      // The picture is 400 x 300, in the middle of the 1080 x 1920 frame.
      await page.mouse.click(frame.at(540, 960).x, frame.at(540, 960).y);
      await expect(inspector).toContainText('Picture');
      await page.screenshot({ path: `${SCREENS}/picture-selected-${tag}.png` });

      // Dragged by -60 x -40 screen pixels, it moves by as many frame pixels as that is.
      const x0 = await inspected(page, 'X');
      const y0 = await inspected(page, 'Y');
      await drag(page, frame.at(540, 960), { x: frame.at(540, 960).x - 60, y: frame.at(540, 960).y - 40 });
      await expect.poll(() => inspected(page, 'X')).toBeLessThan(x0);
      expect(Math.abs((await inspected(page, 'X')) - (x0 - 60 / frame.scale))).toBeLessThan(
        SNAP / frame.scale,
      );
      expect(Math.abs((await inspected(page, 'Y')) - (y0 - 40 / frame.scale))).toBeLessThan(
        SNAP / frame.scale,
      );
      let x = await inspected(page, 'X');
      let y = await inspected(page, 'Y');

      // Resized by its bottom-right handle: larger, keeping its proportions.
      const corner = frame.at(x + 200, y + 150);
      await drag(page, corner, { x: corner.x + 30, y: corner.y + 22 });
      await expect.poll(() => inspected(page, 'Size %')).toBeGreaterThan(110);
      const size1 = await inspected(page, 'Size %');
      // It grew away from its top-left corner: its middle moved.
      x = await inspected(page, 'X');
      y = await inspected(page, 'Y');

      // Turned by its rotation handle, 28 px above the middle of its top edge.
      const top = frame.at(x, y - (150 * size1) / 100);
      await drag(page, { x: top.x, y: top.y - 28 }, { x: top.x + 200, y: frame.at(x, y).y });
      await expect.poll(() => inspected(page, 'Turn °')).toBe(90);
      await page.screenshot({ path: `${SCREENS}/picture-turned-${tag}.png` });
    });

    test('a rectangle dragged out past the edge of the frame is still drawn', async ({ page, studio }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      await page.getByRole('button', { name: /^Rectangle/ }).click();
      const frame = await frameOnPage(page);
      const from = frame.at(600, 1500);
      // Released 40 screen pixels below the frame's bottom edge, as a quick hand does.
      await drag(page, from, { x: from.x + 80, y: frame.at(0, 1920).y + 40 });
      const inspector = page.getByTestId('element-inspector');
      await expect(inspector).toContainText('Rectangle');
      await expect(page.getByRole('button', { name: /^Undo add/i })).toBeEnabled();
      await page.screenshot({ path: `${SCREENS}/rectangle-past-edge-${tag}.png` });
    });

    test('a rectangle started on the grey beside the frame is drawn from there; a click there adds none', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      await page.getByRole('button', { name: /^Rectangle/ }).click();
      const frame = await frameOnPage(page);
      // Pressed 40 screen pixels left of the frame's edge, dragged onto the frame.
      const start = { x: frame.at(0, 900).x - 40, y: frame.at(0, 900).y };
      await drag(page, start, frame.at(500, 1300));
      const inspector = page.getByTestId('element-inspector');
      await expect(inspector).toContainText('Rectangle');
      // Its middle is half way between where the press began (off the frame) and the release.
      const middle = (-40 / frame.scale + 500) / 2;
      expect(Math.abs((await inspected(page, 'X')) - middle)).toBeLessThan(SNAP / frame.scale);
      await page.screenshot({ path: `${SCREENS}/rectangle-from-beside-${tag}.png` });
      // A click beside the frame, with the rectangle still in hand, draws nothing out of sight.
      await page.keyboard.press('Escape');
      await page.keyboard.press('r');
      await page.mouse.click(start.x, frame.at(0, 300).y);
      const layers = page
        .getByRole('list', { name: 'Layers' })
        .getByRole('button', { name: 'Rectangle', exact: true });
      await expect(layers).toHaveCount(1);
      await expect(page.getByRole('button', { name: /^Undo add/i })).toBeEnabled();
    });

    test('a group, a drawing, a brush stroke, a path, a bubble and a text are clicked and dragged', async ({
      page,
      studio,
    }) => {
      await openProject(
        page,
        studio.server.url,
        join(studio.workspace, 'every-kind.kindness.json'),
        everyKind(),
        'every-kind',
      );
      const frame = await frameOnPage(page);
      const inspector = page.getByTestId('element-inspector');
      const kinds = [
        { name: 'Group', at: [230, 190] },
        { name: 'Path', at: [810, 270] },
        // Off the middle of a thin stroke, where its handles are not.
        { name: 'Drawing', at: [140, 560] },
        { name: 'Brush stroke', at: [700, 560] },
        { name: 'Speech bubble', at: [210, 780] },
        { name: 'Text', at: [830, 725] },
      ] as const;
      for (const kind of kinds) {
        const point = frame.at(kind.at[0], kind.at[1]);
        await page.mouse.click(point.x, point.y);
        await expect(inspector, `${kind.name} is picked by a click`).toContainText(kind.name);
        const x0 = await inspected(page, 'X');
        await drag(page, point, { x: point.x + 30, y: point.y + 10 });
        await expect
          .poll(() => inspected(page, 'X'), { message: `${kind.name} moves with the mouse` })
          .toBeGreaterThan(x0);
        expect(Math.abs((await inspected(page, 'X')) - (x0 + 30 / frame.scale))).toBeLessThan(
          SNAP / frame.scale,
        );
      }
      await page.screenshot({ path: `${SCREENS}/every-kind-moved-${tag}.png` });
    });

    test('a thin bar grabbed in its middle moves: no handle sits on its body', async ({ page, studio }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      const frame = await frameOnPage(page);
      // A bar 600 x 40 frame pixels: a few screen pixels tall at either window size.
      await page.keyboard.press('r');
      await drag(page, frame.at(240, 940), frame.at(840, 980));
      await expect(page.getByLabel('X', { exact: true })).toBeVisible();
      const x0 = await inspected(page, 'X');
      const size0 = await inspected(page, 'Size %');
      // Grabbed where a hand grabs it, at its middle, and dragged sideways and down.
      const middle = frame.at(540, 960);
      await drag(page, middle, { x: middle.x + 40, y: middle.y + 30 });
      await expect.poll(() => inspected(page, 'X')).toBeGreaterThan(x0 + 20 / frame.scale);
      expect(await inspected(page, 'Size %')).toBe(size0);
      await page.screenshot({ path: `${SCREENS}/thin-bar-moved-${tag}.png` });
    });

    test('the text tool starts typing: what is typed is the text, and the canvas hides it meanwhile', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      const frame = await frameOnPage(page);
      const empty = await brightPixels(page, { x: 100, y: 500, width: 880, height: 300 });
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(540, 640).x, frame.at(540, 640).y);
      const editor = page.getByRole('textbox', { name: 'Text on the canvas' });
      await expect(editor).toBeFocused();
      await page.keyboard.type('Be kind');
      await expect(editor).toHaveValue('Be kind');
      // The words show once, in the editor: the canvas leaves them out while they are typed.
      expect(await brightPixels(page, { x: 100, y: 500, width: 880, height: 300 })).toBe(empty);
      await page.screenshot({ path: `${SCREENS}/text-typing-${tag}.png` });
      await page.keyboard.press('Escape');
      await expect(editor).toHaveCount(0);
      await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Be kind');
      // Drawn on the canvas again once typing ends.
      await expect
        .poll(() => brightPixels(page, { x: 100, y: 500, width: 880, height: 300 }))
        .toBeGreaterThan(empty);
      // Adding and typing it was one step.
      await page.keyboard.press('Control+z');
      await expect(page.getByTestId('element-inspector')).toHaveCount(0);
      await expect.poll(() => brightPixels(page, { x: 100, y: 500, width: 880, height: 300 })).toBe(empty);

      // A text left empty is not kept.
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(540, 1200).x, frame.at(540, 1200).y);
      await expect(editor).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(editor).toHaveCount(0);
      await expect(page.getByTestId('element-inspector')).toHaveCount(0);
    });

    test('a text clicked near a side of the frame starts at the click and stays inside the frame', async ({
      page,
      studio,
    }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /Blank project/ }).click();
      const frame = await frameOnPage(page);
      const editor = page.getByRole('textbox', { name: 'Text on the canvas' });
      // Near the left side: typing runs rightwards from the click, never off the frame.
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(150, 1250).x, frame.at(150, 1250).y);
      await page.keyboard.type('You are not alone');
      const typing = await editor.boundingBox();
      expect(typing?.x ?? -1).toBeGreaterThanOrEqual(frame.at(140, 0).x);
      await page.screenshot({ path: `${SCREENS}/text-left-side-${tag}.png` });
      await page.keyboard.press('Escape');
      expect(await inspected(page, 'X')).toBe(150);
      await expect
        .poll(() => brightPixels(page, { x: 150, y: 1180, width: 890, height: 140 }))
        .toBeGreaterThan(0);
      expect(await brightPixels(page, { x: 0, y: 1150, width: 140, height: 200 })).toBe(0);

      // Near the right side it ends at the click.
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(1000, 400).x, frame.at(1000, 400).y);
      await page.keyboard.type('Kind');
      await page.keyboard.press('Escape');
      await expect
        .poll(() => brightPixels(page, { x: 600, y: 330, width: 400, height: 140 }))
        .toBeGreaterThan(0);
      expect(await brightPixels(page, { x: 1010, y: 300, width: 70, height: 200 })).toBe(0);
    });

    test('a text typed on a light story scene is dark ink, so it can be read', async ({ page, studio }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /^Power of Words Theme/ }).click();
      await expect(page.getByLabel('Project title')).toHaveValue('Power of Words');
      const frame = await frameOnPage(page);
      // The cream floor under the character: nothing dark there yet.
      const words = { x: 140, y: 1590, width: 800, height: 120 };
      await expect.poll(() => brightPixels(page, words, true)).toBe(0);
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(540, 1650).x, frame.at(540, 1650).y);
      await page.keyboard.type('Words can heal');
      await page.keyboard.press('Escape');
      await expect.poll(() => brightPixels(page, words, true)).toBeGreaterThan(300);
      await page.screenshot({ path: `${SCREENS}/text-on-light-scene-${tag}.png` });
    });

    test('a double-click types over a text or a bubble in place; Escape keeps it', async ({
      page,
      studio,
    }) => {
      await openProject(
        page,
        studio.server.url,
        join(studio.workspace, 'every-kind.kindness.json'),
        everyKind(),
        'every-kind',
      );
      const frame = await frameOnPage(page);
      const textBox = { x: 640, y: 680, width: 380, height: 100 };
      const drawn = await brightPixels(page, textBox);
      expect(drawn).toBeGreaterThan(0);

      const text = frame.at(830, 725);
      await page.mouse.dblclick(text.x, text.y);
      const editor = page.getByRole('textbox', { name: 'Text on the canvas' });
      await expect(editor).toBeFocused();
      await expect(editor).toHaveValue('Be brave');
      expect(await brightPixels(page, textBox)).toBe(0);
      await page.screenshot({ path: `${SCREENS}/text-in-place-${tag}.png` });
      await page.keyboard.type('Be kind');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Be kind');

      const bubble = frame.at(210, 780);
      await page.mouse.dblclick(bubble.x, bubble.y);
      await expect(editor).toBeFocused();
      await expect(editor).toHaveValue('Hello');
      await page.keyboard.type('You matter');
      await page.screenshot({ path: `${SCREENS}/bubble-in-place-${tag}.png` });
      await page.keyboard.press('Escape');
      await expect(editor).toHaveCount(0);
      await expect(page.getByTestId('element-inspector')).toContainText('Speech bubble');
      await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('You matter');
      // One undo step for the whole bubble edit.
      await page.keyboard.press('Control+z');
      await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Hello');
    });
  });
}
