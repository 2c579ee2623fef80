import { afterEach, describe, expect, it } from 'vitest';
import { evaluateElements } from '../../../src/core/frame';
import { CHARACTER_DESIGNS, buildCharacter } from '../../../src/core/library/characters';
import { idsAvoiding } from '../../../src/core/library/ids';
import { EXPRESSIONS, VISEMES } from '../../../src/core/schema';
import type { Element } from '../../../src/core/schema';
import type { Renderer } from '../../../src/render/renderer';
import { saveTestPng } from '../../helpers/pixels';
import { frame, layer, nodeRenderer, render, solid } from '../render/fixtures';

let renderer: Renderer;
afterEach(() => renderer?.destroy());

/** Sheets a person looks at: every expression and every mouth of every character. */
describe('character sheets', () => {
  it.each(CHARACTER_DESIGNS.map((d) => [d.id, d] as const))('%s', (_id, design) => {
    const W = 1800;
    const H = 1400;
    renderer = nodeRenderer({ width: W, height: H });
    const ids = idsAvoiding(new Set());
    const els: Element[] = [];
    EXPRESSIONS.forEach((expression, i) =>
      els.push(buildCharacter(design, ids, { x: 150 + i * 300, y: 340 }, { expression, scale: 0.95 })),
    );
    VISEMES.forEach((mouth, i) =>
      els.push(
        buildCharacter(
          design,
          ids,
          { x: 130 + i * 257, y: 1040 },
          { expression: 'calm', mouth, scale: 0.85 },
        ),
      ),
    );
    const rgba = render(
      renderer,
      frame({
        width: W,
        height: H,
        layers: [layer({ background: solid('#f3efe6'), elements: evaluateElements(els, 0) })],
      }),
    );
    saveTestPng(`character-${design.id}`, renderer.toPngBuffer());
    expect(rgba.length).toBe(W * H * 4);
  });
});
