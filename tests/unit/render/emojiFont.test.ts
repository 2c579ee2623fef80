import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it, vi } from 'vitest';
import { FONT_FAMILIES } from '../../../src/core/fonts';
import { installKonvaNodeBackend, needsEmojiFont } from '../../../src/render/backends/node';

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
    expect(registered).toBeGreaterThanOrEqual(10);
    installKonvaNodeBackend(['Again 💛']);
    expect(emojiFiles()).toBe(registered);
    register.mockRestore();
  });
});
