import { SCREENS, expect, openStudio, sceneNames, startFromTemplate, test } from './fixtures';

const SAMPLE_SCENES = ['One comment', 'A real person', 'Choose kindness', 'Be the reason'];

test.beforeEach(async ({ page, studio }) => {
  await openStudio(page, studio.server.url);
});

test('creates a project from the template', async ({ page }) => {
  await expect(page.getByTestId('template-blank')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/start.png` });
  await startFromTemplate(page, 'be-the-reason');
  await expect(page.getByTestId('project-title')).toHaveValue('Be the Reason');
  await expect.poll(() => sceneNames(page)).toEqual(SAMPLE_SCENES);
  await expect(page.getByTestId('scene-block')).toHaveCount(4);
  await page.screenshot({ path: `${SCREENS}/studio.png` });
});

test('a blank project invites the first scenes', async ({ page }) => {
  await startFromTemplate(page, 'blank');
  await expect(page.getByText('This scene is a blank canvas')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add your next scene' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/blank.png` });
});

test('adds a scene, names it and sets its length', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  await page.getByTestId('add-scene').click();
  await expect(page.getByTestId('scene-card')).toHaveCount(5);
  // The new scene comes after the selected one (the first) and is selected.
  await expect(page.getByTestId('scene-card').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('scene-name-input').fill('A new idea');
  await page.getByTestId('scene-duration').fill('2.5');
  await page.getByTestId('scene-duration').press('Tab');
  await page.getByTestId('scene-notes').fill('Someone stops scrolling and smiles.');
  await expect.poll(() => sceneNames(page)).toEqual(['One comment', 'A new idea', ...SAMPLE_SCENES.slice(1)]);
  await expect(page.getByTestId('scene-card').nth(1)).toContainText('2.5 s');
  await expect(page.getByTestId('time')).toContainText('0:22.5');
  await page.screenshot({ path: `${SCREENS}/scene-added.png` });
});

test('duplicates and deletes scenes', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  await page.getByTestId('scene-card').nth(2).click();
  await page.keyboard.press('Control+d');
  await expect
    .poll(() => sceneNames(page))
    .toEqual([...SAMPLE_SCENES.slice(0, 3), 'Choose kindness (copy)', SAMPLE_SCENES[3]]);
  await page.keyboard.press('Delete');
  await expect.poll(() => sceneNames(page)).toEqual(SAMPLE_SCENES);
});

test('reorders scenes by dragging a card', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  const cards = page.getByTestId('scene-card');
  const from = await cards.nth(0).boundingBox();
  const to = await cards.nth(2).boundingBox();
  if (!from || !to) throw new Error('cards are not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 20, { steps: 4 });
  // Past the middle of the third card: the first scene lands after it.
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.75, { steps: 8 });
  await expect(page.locator('.drop-indicator')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/storyboard-drag.png` });
  await page.mouse.up();
  await expect
    .poll(() => sceneNames(page))
    .toEqual(['A real person', 'Choose kindness', 'One comment', 'Be the reason']);
  await expect(page.getByTestId('scene-block').nth(2)).toContainText('One comment');
});

test('reorders scenes from the keyboard', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  const first = page.getByTestId('scene-card').first();
  await first.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(() => sceneNames(page))
    .toEqual(['A real person', 'Choose kindness', 'One comment', 'Be the reason']);
  // The moved card keeps the focus, so it can keep moving.
  await expect(page.getByTestId('scene-card').nth(2)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => sceneNames(page))
    .toEqual(['A real person', 'One comment', 'Choose kindness', 'Be the reason']);
  // Plain arrows move between cards without reordering.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('scene-card').nth(2)).toBeFocused();
  await expect(page.getByTestId('scene-card').nth(2)).toHaveAttribute('aria-selected', 'true');
});

test('undoes and redoes edits', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  const undo = page.getByTestId('undo');
  const redo = page.getByTestId('redo');
  await expect(undo).toBeDisabled();

  await page.getByTestId('scene-card').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByTestId('add-scene').click();
  await expect(page.getByTestId('scene-card')).toHaveCount(5);
  await expect(undo).toHaveAttribute('data-tip', 'Undo add scene (Ctrl+Z)');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scene-card')).toHaveCount(4);
  await expect
    .poll(() => sceneNames(page))
    .toEqual(['A real person', 'One comment', 'Choose kindness', 'Be the reason']);
  await undo.click();
  await expect.poll(() => sceneNames(page)).toEqual(SAMPLE_SCENES);
  await expect(undo).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(() => sceneNames(page))
    .toEqual(['A real person', 'One comment', 'Choose kindness', 'Be the reason']);
  await redo.click();
  await expect(page.getByTestId('scene-card')).toHaveCount(5);
  await expect(redo).toBeDisabled();

  // Typing a name is one step, however many keys it took.
  const name = page.getByTestId('scene-name-input');
  const before = await name.inputValue();
  await name.fill('');
  await name.pressSequentially('Hello');
  await page.getByTestId('scene-notes').click();
  await expect(name).toHaveValue('Hello');
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue(before);
});

test('scene cards draw their live thumbnail, also those scrolled into view later', async ({ page }) => {
  await startFromTemplate(page, 'be-the-reason');
  const cards = page.getByTestId('scene-card');
  await expect(cards.first().locator('.thumbnail canvas')).toBeVisible();
  for (let i = 0; i < 8; i++) await page.getByTestId('add-scene').click();
  await expect(cards).toHaveCount(12);
  const last = cards.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('.thumbnail canvas')).toBeVisible();
});
