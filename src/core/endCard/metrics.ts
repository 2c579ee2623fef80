/**
 * Advance widths of the printable ASCII characters (32 to 126) in the fonts the app ships, in
 * thousandths of the font size, so the core can estimate how a text wraps without a canvas.
 * Measured with @napi-rs/canvas `measureText` on the @fontsource files (latin, 700 and 400);
 * kerning is ignored, and the estimate adds a safety margin for it.
 */
export type FontFace = 'displayBold' | 'textBold' | 'textRegular';

const ASCII_WIDTHS: Readonly<Record<FontFace, readonly number[]>> = {
  // Fredoka 700
  displayBold: [
    235, 248, 399, 697, 442, 779, 696, 193, 357, 357, 468, 490, 223, 403, 220, 489, 565, 379, 566, 565, 551,
    493, 521, 522, 541, 521, 221, 220, 583, 445, 583, 476, 844, 711, 609, 631, 655, 603, 613, 719, 650, 239,
    531, 597, 569, 809, 670, 721, 595, 782, 604, 542, 640, 675, 728, 947, 689, 638, 598, 324, 491, 324, 489,
    768, 448, 557, 554, 503, 554, 535, 419, 546, 563, 251, 234, 512, 311, 791, 566, 558, 541, 543, 432, 457,
    429, 568, 577, 737, 538, 576, 545, 354, 202, 354, 556,
  ],
  // Inter 700
  textBold: [
    237, 338, 552, 649, 655, 1016, 672, 339, 377, 377, 559, 679, 334, 468, 334, 388, 674, 431, 630, 646, 676,
    622, 649, 582, 651, 649, 334, 343, 679, 679, 679, 560, 1016, 747, 662, 740, 722, 607, 587, 750, 747, 281,
    584, 719, 565, 932, 762, 771, 648, 777, 657, 655, 667, 732, 747, 1038, 738, 731, 664, 377, 388, 377, 487,
    476, 365, 581, 630, 588, 630, 596, 398, 632, 623, 271, 271, 580, 271, 913, 623, 613, 630, 630, 407, 560,
    366, 623, 600, 850, 580, 602, 573, 469, 372, 469, 679,
  ],
  // Inter 400
  textRegular: [
    281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646,
    593, 620, 566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269,
    571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365, 471,
    456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528,
    327, 591, 562, 818, 546, 562, 552, 426, 333, 426, 662,
  ],
};

/** Any other character: as wide as the widest letters (accented letters, dashes, other scripts). */
const OTHER_WIDTH = 800;
/** Each half of a surrogate pair: an emoji (two halves) is drawn about 1.2 font sizes wide. */
const SURROGATE_WIDTH = 620;
/** Kerning, hinting and font fallback differ a little between canvases: over-estimate a bit. */
const SAFETY = 1.02;

/** Width of `text` at a font size of 1 (multiply by the size for pixels). */
export function textWidthEm(text: string, face: FontFace): number {
  const table = ASCII_WIDTHS[face];
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32 && code < 127) total += table[code - 32] ?? OTHER_WIDTH;
    else total += code >= 0xd800 && code <= 0xdfff ? SURROGATE_WIDTH : OTHER_WIDTH;
  }
  return (total / 1000) * SAFETY;
}
