import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ffprobe } from '../integration/helpers/media';
import { toneWav } from '../helpers/sounds';
import { SCREENS, expect, openStudio, test } from './fixtures';
import { drag, frameOnPage, inspected, picturePng, playheadTo, saveWithKeyboard } from './person';

/**
 * A three-scene story made from a blank project the way a creator makes one (issue 11, point 6):
 * only the mouse at points of the frame, the keyboard (every word typed key by key) and what a
 * person reads on screen (roles, labels, text). Nothing is clicked by test id, nothing is filled.
 *
 * Scene 1: a picture and a text that moves in with a chosen easing. Scene 2: a speech bubble
 * written in place and a brush stroke. Scene 3: a hand-drawn layer of two frames with onion skin.
 * Then captions, a sound, the end card, the post text, a save and an export that is checked.
 */
test.describe.configure({ timeout: 420_000 });

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Types into the field under focus after selecting what it holds, as a person replaces a name. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** The layer list of the scene or element in the inspector, by the names a person reads. */
function layer(page: Page, name: string) {
  return page.getByRole('list', { name: 'Layers' }).getByRole('button', { name, exact: true });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });
    const tag = `${size.width}x${size.height}`;
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: `${SCREENS}/story-${name}-${tag}.png` });

    test('a three-scene story from blank, made with the mouse and the keyboard', async ({ page, studio }) => {
      await openStudio(page, studio.server.url);
      await page.getByRole('button', { name: /^Blank project/ }).click();
      await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();

      // The title, typed over "Untitled"; Enter leaves the field, so the next letter is a shortcut.
      await page.getByRole('textbox', { name: 'Project title' }).click();
      await retype(page, 'Sit with Maya');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('textbox', { name: 'Project title' })).not.toBeFocused();

      // ---- Scene 1: a picture, and a text that slides in with an easing ----
      await page.getByRole('textbox', { name: 'Scene name' }).click();
      await retype(page, 'Alone at lunch');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('textbox', { name: 'Scene name' })).not.toBeFocused();
      await expect(page.getByRole('option', { name: /Alone at lunch/ })).toBeVisible();

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add a picture' }).click();
      await (
        await chooser
      ).setFiles({ name: 'lunch table.png', mimeType: 'image/png', buffer: picturePng() });
      await expect(layer(page, 'lunch table')).toBeVisible();
      // The picture lands in the middle; dragged up by its middle, it follows the hand.
      let frame = await frameOnPage(page);
      const y0 = await inspected(page, 'Y');
      await drag(page, frame.at(540, 960), frame.at(540, 700));
      await expect.poll(() => inspected(page, 'Y')).toBeLessThan(y0 - 200);

      // The text tool: a click on the frame starts typing at once.
      await page.keyboard.press('Escape');
      await page.keyboard.press('t');
      await page.mouse.click(frame.at(200, 1250).x, frame.at(200, 1250).y);
      await page.keyboard.type('Maya eats alone');
      await page.keyboard.press('Escape');
      await expect(layer(page, 'Maya eats alone')).toBeVisible();

      // It slides in: a keyframe where it is at 0 s, then moved at 1 s; the move eases out.
      await page.getByRole('button', { name: /^Add keyframe at 0:00/ }).click();
      const x0 = await inspected(page, 'X');
      await playheadTo(page, 1);
      frame = await frameOnPage(page);
      const textY = await inspected(page, 'Y');
      await drag(page, frame.at(x0 + 40, textY + 30), frame.at(x0 + 240, textY + 30));
      await expect.poll(() => inspected(page, 'X')).toBeGreaterThan(x0 + 150);
      const x1 = await inspected(page, 'X');
      const marks = page.getByRole('group', { name: /^Keyframes of Maya eats alone/ }).getByRole('button');
      await expect(marks).toHaveCount(2);
      await marks.first().dblclick();
      const easing = page.getByRole('menu', { name: 'Easing' });
      await easing.getByRole('menuitemradio', { name: 'Out Back', exact: true }).click();
      await expect(easing).toHaveCount(0);
      await expect(marks.first()).toHaveAccessibleName(/Out Back/);
      // Half way, an ease-out has already covered more than half the way.
      await playheadTo(page, 0.5);
      await expect.poll(() => inspected(page, 'X')).toBeGreaterThan(x0 + (x1 - x0) / 2);
      await shot(page, 'scene1');

      // ---- Scene 2: a speech bubble written in place, and a brush stroke ----
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('option', { name: /^Scene 2/ })).toHaveAttribute('aria-selected', 'true');
      await page.getByRole('textbox', { name: 'Scene name' }).click();
      await retype(page, 'Someone sits down');
      await page.keyboard.press('Enter');
      frame = await frameOnPage(page);
      await page.keyboard.press('b');
      await drag(page, frame.at(160, 300), frame.at(900, 760));
      // A new bubble opens its words for typing, selected, so typing replaces them.
      await page.keyboard.type('Can I sit here?');
      await page.keyboard.press('Escape');
      await expect(layer(page, 'Can I sit here?')).toBeVisible();
      // A double-click on it writes in it again.
      await page.mouse.dblclick(frame.at(530, 500).x, frame.at(530, 500).y);
      await page.keyboard.type('Can I sit with you?');
      await page.keyboard.press('Escape');
      await expect(layer(page, 'Can I sit with you?')).toBeVisible();

      await page.keyboard.press('Escape');
      await page.keyboard.press('p');
      await drag(page, frame.at(200, 1500), frame.at(880, 1420));
      await expect(layer(page, 'Brush stroke')).toBeVisible();
      await shot(page, 'scene2');

      // ---- Scene 3: a hand-drawn layer, two frames, onion skin ----
      await page.keyboard.press('v');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('option', { name: /^Scene 3/ })).toHaveAttribute('aria-selected', 'true');
      await page.getByRole('textbox', { name: 'Scene name' }).click();
      await retype(page, 'Friends');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Add a drawing layer (frame by frame)' }).click();
      const drawingBar = page.getByRole('toolbar', { name: 'Drawing frames' });
      await expect(drawingBar).toContainText('frame 1 of 1');
      frame = await frameOnPage(page);
      await drag(page, frame.at(300, 900), frame.at(780, 900));
      await drawingBar.getByRole('button', { name: 'Add a blank frame after this one' }).click();
      await expect(drawingBar).toContainText('frame 2 of 2');
      await page.getByRole('button', { name: 'Onion skin', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Onion skin', exact: true })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await drag(page, frame.at(300, 1000), frame.at(780, 1000));
      await shot(page, 'scene3-drawing');
      await drawingBar.getByRole('button', { name: 'Done' }).click();
      await expect(drawingBar).toHaveCount(0);

      // ---- Captions, typed at the playhead ----
      await page.getByRole('button', { name: 'Go to start' }).click();
      await page.keyboard.press('c');
      await page.keyboard.type('Maya eats alone every day 😔');
      await page.keyboard.press('Enter');
      await playheadTo(page, 3.5);
      await page.keyboard.press('c');
      await page.keyboard.type('One question changes it 💛');
      await page.keyboard.press('Enter');
      const captions = page
        .getByRole('group', { name: /^Captions/ })
        .getByRole('button', { name: /Maya eats|One question/ });
      await expect(captions).toHaveCount(2);
      await expect(page.getByText('cMaya')).toHaveCount(0);

      // ---- A sound, from the file picker ----
      await page.getByRole('button', { name: 'Go to start' }).click();
      const soundChooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add sound at the playhead' }).click();
      await (
        await soundChooser
      ).setFiles({ name: 'soft piano.wav', mimeType: 'audio/wav', buffer: toneWav(6) });
      await expect(page.getByRole('button', { name: /^soft piano:/ })).toBeVisible();
      await shot(page, 'timeline');

      // ---- The end card, with help from the directory ----
      await page.getByRole('button', { name: /^End card/ }).click();
      await page.getByRole('checkbox', { name: 'Show an end card with where to find help' }).check();
      const resources = page
        .getByRole('complementary', { name: 'End card' })
        .getByRole('checkbox', { name: /^Show .* on the card$/ });
      await expect(resources.first()).toBeVisible();
      expect(await resources.count()).toBeGreaterThan(1);
      await shot(page, 'end-card');

      // ---- Post text, typed, with hashtags ----
      await page.getByRole('button', { name: 'Post text' }).click();
      const post = page.getByRole('dialog', { name: 'Post text' });
      await post.getByRole('textbox', { name: 'Caption' }).click();
      await page.keyboard.type('Sit with someone today. It is a small thing that is not small.');
      await post.getByRole('button', { name: '+ #CreateKindness' }).click();
      await post.getByRole('textbox', { name: 'Add a hashtag' }).click();
      await page.keyboard.type('#SitWithUs');
      await page.keyboard.press('Enter');
      await expect(post.getByRole('list', { name: 'Hashtags' })).toContainText('#SitWithUs');
      await shot(page, 'post-text');
      await post.getByRole('button', { name: 'Done' }).click();
      await expect(post).toHaveCount(0);

      // ---- Save, in the studio's own dialog ----
      await saveWithKeyboard(page);
      expect(
        (await readFile(join(studio.workspace, 'Sit with Maya.kindness'))).subarray(0, 2).toString(),
      ).toBe('PK');

      // ---- Export for TikTok, with its captions and post text beside it ----
      await page.keyboard.press('Control+e');
      const exporting = page.getByRole('dialog', { name: 'Export' });
      await expect(exporting.getByText('“Sit with Maya-tiktok.mp4”')).toBeVisible();
      await shot(page, 'export');
      await exporting.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(exporting.getByText(/^Saved (and checked|, with warnings)$/)).toBeVisible({
        timeout: 300_000,
      });
      await expect(exporting.getByRole('button', { name: 'Show in folder' })).toBeVisible();
      await shot(page, 'exported');

      const files = await readdir(studio.workspace);
      expect(files).toEqual(
        expect.arrayContaining([
          'Sit with Maya-tiktok.mp4',
          'Sit with Maya-tiktok.srt',
          'Sit with Maya-tiktok.vtt',
          'Sit with Maya-tiktok.txt',
        ]),
      );
      const video = await ffprobe(join(studio.workspace, 'Sit with Maya-tiktok.mp4'));
      expect(video.streams.find((s) => s.codec_type === 'video')).toMatchObject({
        codec_name: 'h264',
        width: 1080,
        height: 1920,
      });
      expect(video.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
      const srt = await readFile(join(studio.workspace, 'Sit with Maya-tiktok.srt'), 'utf8');
      expect(srt).toContain('Maya eats alone every day 😔');
      expect(srt).toContain('One question changes it 💛');
      const postText = await readFile(join(studio.workspace, 'Sit with Maya-tiktok.txt'), 'utf8');
      expect(postText).toContain('#CreateKindness');
      expect(postText).toContain('#SitWithUs');
    });
  });
}
