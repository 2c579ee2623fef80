import { FONT_FAMILIES } from '../../core/fonts';

/** How the preview draws emoji: the bundled font, the system's copy of it, or not in colour. */
export type EmojiSource = 'bundled' | 'system' | 'none';

/**
 * Counts coloured pixels in a test emoji drawn in black with the emoji family. A colour glyph is
 * yellow; a browser that can't draw the glyph leaves nothing, or a grey outline.
 */
function colouredPixels(): number {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return 0;
  context.font = `40px "${FONT_FAMILIES.emoji}"`;
  context.fillStyle = '#000';
  context.fillText('🙂', 2, 40);
  const data = context.getImageData(0, 0, 48, 48).data;
  let coloured = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
  }
  return coloured;
}

/**
 * Makes sure the preview draws emoji in colour. The bundled Noto Color Emoji is a COLRv1 font;
 * Chromium built against an older system FreeType (Debian 12's, for one) loads it but draws
 * nothing. The system's own Noto Color Emoji (a bitmap font with the same designs) then takes its
 * place under the same family name, so the preview matches the export. Call after the bundled
 * face has loaded.
 */
export async function ensureColourEmoji(): Promise<EmojiSource> {
  if (colouredPixels() > 0) return 'bundled';
  const system = new FontFace(FONT_FAMILIES.emoji, "local('Noto Color Emoji'), local('NotoColorEmoji')");
  try {
    await system.load();
  } catch {
    return 'none';
  }
  // Added after the bundled faces, so it is tried first for every character it has.
  document.fonts.add(system);
  if (colouredPixels() > 0) return 'system';
  document.fonts.delete(system);
  return 'none';
}
