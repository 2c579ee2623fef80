/** The box a clicked (not dragged) text wraps in: how wide, where its point is, how it aligns. */
export interface ClickedTextBox {
  width: number;
  /** Where the clicked point is within the box, from its left edge. */
  anchorX: number;
  align: 'left' | 'center' | 'right';
}

/** Room kept between a new text and the frame's side, in frame pixels. */
export const TEXT_SIDE_MARGIN = 40;
/** A centred box narrower than this would wrap most words onto lines of their own. */
const MIN_CENTRED_WIDTH = 480;

/**
 * A text clicked near a side of the frame starts (or ends) at the click instead of being centred
 * on it, so what is typed stays inside the frame rather than running off its edge: a centred box
 * while there is room on both sides, else left-aligned from the click (right-aligned towards it
 * near the right side). The point clicked is the text's position in every case.
 */
export function clickedTextBox(x: number, frameWidth: number, preferredWidth: number): ClickedTextBox {
  const roomLeft = Math.max(0, x - TEXT_SIDE_MARGIN);
  const roomRight = Math.max(0, frameWidth - TEXT_SIDE_MARGIN - x);
  const centred = Math.min(preferredWidth, 2 * Math.min(roomLeft, roomRight));
  if (centred >= Math.min(preferredWidth, MIN_CENTRED_WIDTH))
    return { width: centred, anchorX: centred / 2, align: 'center' };
  const width = Math.max(1, Math.min(preferredWidth, Math.max(roomLeft, roomRight)));
  return roomRight >= roomLeft
    ? { width, anchorX: 0, align: 'left' }
    : { width, anchorX: width, align: 'right' };
}
