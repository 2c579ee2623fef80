import { describe, expect, it } from 'vitest';
import { TEXT_SIDE_MARGIN, clickedTextBox } from '../../../src/app/features/canvas/tools/textPlacement';

const FRAME = 1080;

/** Where a box puts its text, in frame pixels, for a click at `x`. */
function span(x: number): [number, number] {
  const box = clickedTextBox(x, FRAME, 800);
  return [x - box.anchorX, x - box.anchorX + box.width];
}

describe('clickedTextBox: a clicked text stays inside the frame', () => {
  it('is centred on a click in the middle, at its full width', () => {
    expect(clickedTextBox(540, FRAME, 800)).toEqual({ width: 800, anchorX: 400, align: 'center' });
  });

  it('narrows a centred box a little off the middle rather than crossing the edge', () => {
    const box = clickedTextBox(350, FRAME, 800);
    expect(box.align).toBe('center');
    expect(span(350)[0]).toBeGreaterThanOrEqual(TEXT_SIDE_MARGIN);
    expect(box.width).toBeGreaterThanOrEqual(480);
  });

  it('starts at a click near the left side, and ends at one near the right side', () => {
    expect(clickedTextBox(150, FRAME, 800)).toMatchObject({ anchorX: 0, align: 'left', width: 800 });
    expect(clickedTextBox(1000, FRAME, 800)).toMatchObject({ align: 'right', width: 800, anchorX: 800 });
  });

  it('never lets the box cross a side, wherever the click is', () => {
    for (let x = 0; x <= FRAME; x += 10) {
      const [from, to] = span(x);
      expect(from, `click at ${x}`).toBeGreaterThanOrEqual(Math.min(x, TEXT_SIDE_MARGIN));
      expect(to, `click at ${x}`).toBeLessThanOrEqual(Math.max(x, FRAME - TEXT_SIDE_MARGIN));
    }
  });
});
