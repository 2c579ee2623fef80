import { afterEach, describe, expect, it } from 'vitest';
import { entranceEnd } from '../../../src/core/endCard';
import { evaluate } from '../../../src/core/frame';
import { END_CARD_TEMPLATES } from '../../../src/core/schema';
import { timelineOf } from '../../../src/core/timeline';
import type { Renderer } from '../../../src/render/renderer';
import { countPixels, differsFrom, pixelAt, saveTestPng } from '../../helpers/pixels';
import { nodeRenderer, render, ukEndCardProject } from './fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

const project = ukEndCardProject;

/** Every template drawn at 1080x1920 once it has arrived, saved for a person to look at. */
describe('end-card templates, rendered', () => {
  it.each(END_CARD_TEMPLATES)(
    '%s draws its text inside the safe box and nothing over the platform UI',
    (t) => {
      renderer = nodeRenderer({ width: 1080, height: 1920 });
      const p = project(t);
      const start = timelineOf(p).endCardStart as number;
      const rgba = render(renderer, evaluate(p, start + entranceEnd(2) + 0.1));
      saveTestPng(`endcard-${t}`, renderer.toPngBuffer());
      // Text and panel are drawn in the safe box: many pixels differ from the background there.
      const bg = pixelAt(rgba, 1080, 504, 300);
      const inBox = countPixels(rgba, 1080, { x: 130, y: 300, width: 748, height: 940 }, differsFrom(bg, 40));
      expect(inBox).toBeGreaterThan(20_000);
    },
  );

  it('the entrance: at the first frame of the card only the background art shows', () => {
    renderer = nodeRenderer({ width: 1080, height: 1920 });
    const p = project('calm');
    const start = timelineOf(p).endCardStart as number;
    const first = render(renderer, evaluate(p, start));
    const bg = pixelAt(first, 1080, 504, 760);
    expect(countPixels(first, 1080, { x: 130, y: 300, width: 748, height: 940 }, differsFrom(bg, 40))).toBe(
      0,
    );
    render(renderer, evaluate(p, start + 0.45));
    saveTestPng('endcard-calm-entrance', renderer.toPngBuffer());
  });
});
