import { afterEach, describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { checkEndCard, endCardContrasts, endCardIssues } from '../../../src/core/endCard';
import { END_CARD_LAYER_KEY } from '../../../src/core/frame/frameState';
import { END_CARD_TEMPLATES } from '../../../src/core/schema';
import { measureEndCardText, measureProjectEndCard } from '../../../src/render/endCardText';
import type { Renderer } from '../../../src/render/renderer';
import { saveTestPng } from '../../helpers/pixels';
import { el, frame, layer, nodeRenderer, solid, ukEndCardProject } from './fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

const project = ukEndCardProject;

const VIDEO = { width: 1080, height: 1920 };

/**
 * A card made by hand: a dark background the model would pass, with a pale sunrise shape
 * drawn right behind the message, and a light-grey line on the pale shape.
 */
function customCard() {
  const message = el({
    id: 'endcard-message',
    kind: 'text',
    x: 140,
    y: 500,
    width: 800,
    text: 'You are not alone',
    fill: '#ffffff',
    fontSize: 72,
    fontFamily: 'Inter',
  });
  const handle = el({
    id: 'endcard-handle',
    kind: 'text',
    x: 140,
    y: 1000,
    width: 800,
    text: '@kindnessstudio',
    fill: '#ffffff',
    fontSize: 40,
    fontFamily: 'Inter',
  });
  const sunrise = el({ id: 'art', kind: 'rect', x: 100, y: 460, width: 880, height: 200, fill: '#ffe9a8' });
  return frame({
    ...VIDEO,
    layers: [
      layer({ key: END_CARD_LAYER_KEY, background: solid('#1b1730'), elements: [sunrise, message, handle] }),
    ],
  });
}

describe('end-card readability on rendered pixels', () => {
  it.each(END_CARD_TEMPLATES)('the %s template passes, measured where each text is drawn', (t) => {
    renderer = nodeRenderer(VIDEO);
    const p = project(t);
    const measured = measureProjectEndCard(renderer, p);
    expect(measured.map((m) => m.part).sort()).toEqual(
      ['emergency', 'handle', 'message', 'resource-0', 'resource-1'].sort(),
    );
    for (const m of measured) {
      expect(m.contrast, `${t} ${m.part}`).toBeGreaterThanOrEqual(4.5);
      // Every text lands inside the box clear on every platform.
      expect(m.box.x).toBeGreaterThanOrEqual(119);
      expect(m.box.x + m.box.width).toBeLessThanOrEqual(889);
      expect(m.box.y).toBeGreaterThanOrEqual(287);
      expect(m.box.y + m.box.height).toBeLessThanOrEqual(1249);
    }
    expect(endCardIssues(measured, VIDEO)).toEqual([]);
    // The colour model agrees within a margin (antialiased gradients, panels).
    if (p.endCard === undefined) throw new Error('no end card');
    const model = new Map(endCardContrasts(p.endCard, VIDEO).map((m) => [m.part, m.contrast]));
    for (const m of measured) expect(m.contrast).toBeGreaterThan((model.get(m.part) ?? 0) * 0.8);
  });

  it('fails a low-contrast custom card on what is drawn behind the text, naming the failing line', () => {
    renderer = nodeRenderer(VIDEO);
    const state = customCard();
    const measured = measureEndCardText(renderer, state);
    renderer.draw(state);
    saveTestPng('endcard-custom-low-contrast', renderer.toPngBuffer());
    const message = measured.find((m) => m.part === 'message');
    const handle = measured.find((m) => m.part === 'handle');
    // White on the pale shape: about 1.2:1. The handle, on the dark background, reads well.
    expect(message?.contrast).toBeLessThan(1.5);
    expect(handle?.contrast).toBeGreaterThan(10);
    const issues = endCardIssues(measured, VIDEO);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^The message \(“You are not alone”\) has a contrast of 1\.\d:1/);
  });

  it('measures the same on a small preview canvas as at full size', () => {
    renderer = nodeRenderer({ width: 270, height: 480 });
    const small = measureEndCardText(renderer, customCard());
    renderer.destroy();
    renderer = nodeRenderer(VIDEO);
    const full = measureEndCardText(renderer, customCard());
    for (const [i, m] of full.entries()) {
      const s = small[i];
      expect(s?.part).toBe(m.part);
      expect(s?.contrast).toBeCloseTo(m.contrast, 0);
      expect(Math.abs((s?.box.y ?? 0) - m.box.y)).toBeLessThan(6);
      expect(Math.abs((s?.box.width ?? 0) - m.box.width)).toBeLessThan(12);
    }
  });

  it('is empty without an end card, and the colour model still flags too-small text', () => {
    renderer = nodeRenderer(VIDEO);
    expect(measureProjectEndCard(renderer, blankProject())).toEqual([]);
    const card = project('calm').endCard;
    if (card === undefined) throw new Error('no end card');
    expect(checkEndCard(card, VIDEO)).toEqual([]);
  });
});
