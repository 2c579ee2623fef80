import { GlobalFonts } from '@napi-rs/canvas';
import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FONT_FAMILIES } from '../../../src/core/fonts';
import { BUNDLED_EMOJI_FILE, needsEmojiFont, registerEmojiFont } from '../../../src/render/backends/node';

/**
 * The colour emoji font is registered only for a project that draws emoji: it costs about 0.14 s
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

  it('is registered from the whole-font file where the system has none, once', () => {
    const register = vi.spyOn(GlobalFonts, 'registerFromPath');
    const emojiFiles = (): string[] =>
      register.mock.calls
        .filter(([, family]) => family === FONT_FAMILIES.emoji)
        .map(([path]) => basename(String(path)));
    // This machine may have Noto Color Emoji installed: stand in for one that has not.
    const installed = (family: string): boolean =>
      family === FONT_FAMILIES.emoji ? emojiFiles().length > 0 : GlobalFonts.has(family);
    registerEmojiFont(installed);
    // Not the stylesheet's subset files: their colour glyphs are SVG, which Skia leaves blank.
    expect(emojiFiles()).toEqual([BUNDLED_EMOJI_FILE]);
    registerEmojiFont(installed);
    expect(emojiFiles()).toEqual([BUNDLED_EMOJI_FILE]);
    register.mockRestore();
  });

  it('is not registered where the system has it (that one is drawn whatever is registered)', () => {
    const register = vi.spyOn(GlobalFonts, 'registerFromPath');
    registerEmojiFont(() => true);
    expect(register).not.toHaveBeenCalled();
    register.mockRestore();
  });
});
