import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FONT_FAMILIES } from '../../../src/core/fonts';
import { installKonvaNodeBackend, needsEmojiFont } from '../../../src/render/backends/node';

const require = createRequire(import.meta.url);

/**
 * The colour emoji font is registered only for a project that draws emoji: it costs about 0.2 s
 * at the start of every export. Each test file runs in a fresh worker, so nothing registered it
 * before these tests.
 */
describe('the colour emoji font in the export', () => {
  it('is needed for emoji, flags, keycaps and hearts, not for Latin text and punctuation', () => {
    expect(needsEmojiFont(['Be kind 💛'])).toBe(true);
    expect(needsEmojiFont(['Stand with them 🇺🇦'])).toBe(true);
    expect(needsEmojiFont(['Press #️⃣'])).toBe(true);
    expect(needsEmojiFont(['I ❤ you'])).toBe(true);
    expect(needsEmojiFont(['You are not alone', 'Don’t scroll past — “check in”… 2 € ñ ő'])).toBe(false);
    expect(needsEmojiFont([])).toBe(false);
  });

  it('is not registered for a project without emoji, and is once one has them', () => {
    // The machine may have an emoji font of its own, so count what the app registers.
    const register = vi.spyOn(GlobalFonts, 'registerFromPath');
    const emojiFiles = () =>
      register.mock.calls.filter(([, family]) => family === FONT_FAMILIES.emoji).length;
    installKonvaNodeBackend(['You are not alone', 'Don’t scroll past — check in']);
    expect(register).toHaveBeenCalled();
    expect(emojiFiles()).toBe(0);
    installKonvaNodeBackend(['You are not alone 💛']);
    const registered = emojiFiles();
    // Exactly the subset files the app's stylesheet names (the preview's), never the 5.8 MB
    // whole-font file the package also ships.
    const stylesheet = readFileSync(
      join(dirname(require.resolve('@fontsource/noto-color-emoji/package.json')), '400.css'),
      'utf8',
    );
    const named = [...stylesheet.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(registered).toBe(named.length);
    const files = register.mock.calls
      .filter(([, family]) => family === FONT_FAMILIES.emoji)
      .map(([path]) => basename(String(path)));
    expect(files.sort()).toEqual([...named].sort());
    expect(files.some((f) => f.includes('-emoji-400-'))).toBe(false);
    installKonvaNodeBackend(['Again 💛']);
    expect(emojiFiles()).toBe(registered);
    register.mockRestore();
  });
});
