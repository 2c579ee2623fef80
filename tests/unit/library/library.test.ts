import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, evaluateElements } from '../../../src/core/frame';
import { LIBRARY, STICKER_CREDIT, libraryItem, searchLibrary } from '../../../src/core/library';
import { ElementSchema, EXPRESSIONS, VISEMES, type Element } from '../../../src/core/schema';
import {
  blankProject,
  createHistory,
  insertLibraryItem,
  record,
  setCharacterChoice,
  undo,
  usedIds,
} from '../../../src/core/edit';
import type { Renderer } from '../../../src/render/renderer';
import { countOutside, countPixels, differsFrom, hex } from '../../helpers/pixels';
import { frame, layer, nodeRenderer, render, solid } from '../render/fixtures';

let renderer: Renderer | undefined;
afterEach(() => {
  renderer?.destroy();
  renderer = undefined;
});

function allIds(el: Element, into: string[] = []): string[] {
  into.push(el.id);
  if (el.kind === 'group') el.children.forEach((c) => allIds(c, into));
  return into;
}

const BG = '#7f7f7f';

/** Draws elements on a w x h mid-grey frame; returns its pixels. */
function draw(elements: readonly Element[], w: number, h: number, t = 0): Uint8Array {
  renderer ??= nodeRenderer({ width: w, height: h });
  return render(
    renderer,
    frame({
      width: w,
      height: h,
      layers: [layer({ background: solid(BG), elements: evaluateElements(elements, t) })],
    }),
  );
}

describe('library catalogue', () => {
  it('has at least 4 characters, the props the campaign needs, and stickers with their credit', () => {
    expect(LIBRARY.filter((i) => i.kind === 'character').length).toBeGreaterThanOrEqual(4);
    const props = LIBRARY.filter((i) => i.kind === 'prop').map((i) => i.id);
    for (const id of [
      'phone-comments',
      'speech-bubble',
      'thought-bubble',
      'heart',
      'cloud',
      'sun',
      'backpack',
      'sofa',
      'bg-bedroom',
    ]) {
      expect(props).toContain(`prop/${id}`);
    }
    const stickers = LIBRARY.filter((i) => i.kind === 'sticker');
    expect(stickers.length).toBeGreaterThanOrEqual(30);
    for (const s of stickers) expect(s.credit).toBe(STICKER_CREDIT);
    expect(new Set(LIBRARY.map((i) => i.id)).size).toBe(LIBRARY.length);
  });

  it.each(LIBRARY.map((i) => [i.id] as const))(
    '%s builds valid elements with fresh ids, at the point',
    (id) => {
      const item = must(libraryItem(id));
      const taken = new Set(['group-1', `${id.split('/')[1]}-1`]);
      const el = item.create({ x: 300, y: 700 }, taken);
      expect(ElementSchema.parse(el)).toEqual(el);
      const ids = allIds(el);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain('group-1');
      expect(ids).not.toContain(`${id.split('/')[1]}-1`);
      // Pure: the same point and ids give the same elements.
      expect(item.create({ x: 300, y: 700 }, new Set(['group-1', `${id.split('/')[1]}-1`]))).toEqual(el);
    },
  );
});

describe('search', () => {
  it('finds by name, tag, emoji and word start; every word must match', () => {
    expect(searchLibrary('heart').map((i) => i.id)).toEqual(
      expect.arrayContaining(['prop/heart', 'prop/hearts-burst', 'sticker/red-heart']),
    );
    expect(searchLibrary('hea')[0]?.name.toLowerCase()).toContain('hea');
    expect(searchLibrary('sad face').map((i) => i.id)).toContain('sticker/crying-face');
    expect(searchLibrary('sad face').map((i) => i.id)).not.toContain('sticker/red-heart');
    expect(searchLibrary('💛').map((i) => i.id)).toEqual(['sticker/yellow-heart']);
    expect(searchLibrary('school', { kind: 'prop' }).every((i) => i.kind === 'prop')).toBe(true);
    expect(searchLibrary('maya')[0]?.id).toBe('character/maya');
    expect(searchLibrary('  ')).toHaveLength(LIBRARY.length);
    expect(searchLibrary('zebra-unicorn')).toEqual([]);
  });
});

describe('insert commands', () => {
  it.each(LIBRARY.map((i) => [i.id] as const))(
    '%s inserts at a point or the centre and undoes in one step',
    (id) => {
      const project = blankProject();
      const sceneId = must(project.scenes[0]).id;
      const dropped = insertLibraryItem(project, sceneId, id, { x: 200, y: 300 });
      const el = must(must(dropped.project.scenes[0]).elements.at(-1));
      expect(el.id).toBe(dropped.elementId);
      expect([el.x, el.y]).toEqual([200, 300]);
      const again = insertLibraryItem(dropped.project, sceneId, id);
      const second = must(must(again.project.scenes[0]).elements.at(-1));
      expect([second.x, second.y]).toEqual([540, 960]);
      // No id is used twice in the scene after two inserts of the same item.
      const ids = [...must(again.project.scenes[0]).elements.flatMap((e) => allIds(e))];
      expect(new Set(ids).size).toBe(ids.length);
      expect(usedIds(again.project).size).toBe(ids.length + 1);
      let history = createHistory(project);
      history = record(history, dropped.project, { label: 'Insert' });
      history = record(history, again.project, { label: 'Insert' });
      expect(undo(undo(history)).present).toBe(project);
    },
  );

  it('an unknown item or scene changes nothing', () => {
    const project = blankProject();
    expect(insertLibraryItem(project, must(project.scenes[0]).id, 'prop/nope').project).toBe(project);
    expect(insertLibraryItem(project, 'no-scene', 'prop/heart').project).toBe(project);
  });
});

describe('library items render in Node', () => {
  it.each(LIBRARY.map((i) => [i.id] as const))('%s draws inside its bounds', (id) => {
    const item = must(libraryItem(id));
    const w = Math.ceil(item.width / 2) * 2 + 40;
    const h = Math.ceil(item.height / 2) * 2 + 40;
    const el = item.create({ x: w / 2, y: h / 2 }, new Set());
    const rgba = draw([el], w, h);
    const inside = countPixels(
      rgba,
      w,
      { x: 20, y: 20, width: w - 40, height: h - 40 },
      differsFrom(hex(BG), 12),
    );
    // At least a tenth of its box is drawn (a thin pencil or a speech bubble still passes).
    expect(inside).toBeGreaterThan((w - 40) * (h - 40) * 0.1);
  });

  // The declared size is what the library's thumbnail fits and where an insert lands; an item
  // drawn bigger than it is cropped in its tile (the Heart prop showed as a shield).
  // Backgrounds are the frame's size and may reach past it (hills, a moon): the frame crops them.
  const framed = LIBRARY.filter((i) => i.category !== 'background');
  it.each(framed.map((i) => [i.id] as const))('%s draws nothing far outside its declared size', (id) => {
    const item = must(libraryItem(id));
    const slack = { x: Math.ceil(item.width * 0.08) + 8, y: Math.ceil(item.height * 0.08) + 8 };
    const w = Math.ceil(item.width) * 2 + 80;
    const h = Math.ceil(item.height) * 2 + 80;
    const el = item.create({ x: w / 2, y: h / 2 }, new Set());
    const rgba = draw([el], w, h);
    const allowed = {
      x: Math.floor(w / 2 - item.width / 2 - slack.x),
      y: Math.floor(h / 2 - item.height / 2 - slack.y),
      width: Math.ceil(item.width + 2 * slack.x),
      height: Math.ceil(item.height + 2 * slack.y),
    };
    expect(countOutside(rgba, w, allowed, differsFrom(hex(BG), 12))).toBe(0);
  });

  it('a scene with inserted items renders the same as the items drawn directly (evaluate applies no surprises)', () => {
    const project = blankProject();
    const sceneId = must(project.scenes[0]).id;
    const { project: p } = insertLibraryItem(project, sceneId, 'character/leo');
    const viaScene = render((renderer = nodeRenderer({ width: 1080, height: 1920 })), evaluate(p, 0));
    const direct = render(
      renderer,
      frame({
        width: 1080,
        height: 1920,
        layers: [
          layer({
            background: must(p.scenes[0]).background,
            elements: evaluateElements(must(p.scenes[0]).elements, 0),
          }),
        ],
      }),
    );
    expect(Buffer.from(viaScene).equals(Buffer.from(direct))).toBe(true);
  });
});

describe('every expression and mouth shape looks different', () => {
  it.each(LIBRARY.filter((i) => i.kind === 'character').map((i) => [i.id] as const))('%s', (id) => {
    const project = blankProject();
    const sceneId = must(project.scenes[0]).id;
    const { project: p, elementId } = insertLibraryItem(project, sceneId, id, { x: 200, y: 300 });
    const looks = new Map<string, string>();
    for (const expression of EXPRESSIONS) {
      const q = setCharacterChoice(p, sceneId, elementId, 'expression', expression);
      looks.set(
        `expression ${expression}`,
        Buffer.from(draw(must(q.scenes[0]).elements, 400, 600)).toString('base64'),
      );
    }
    for (const mouth of VISEMES) {
      const q = setCharacterChoice(p, sceneId, elementId, 'mouth', mouth);
      looks.set(`mouth ${mouth}`, Buffer.from(draw(must(q.scenes[0]).elements, 400, 600)).toString('base64'));
    }
    // 'mouth rest' is the happy face (the default expression): the same picture, named twice.
    looks.delete('mouth rest');
    expect(new Set(looks.values()).size).toBe(looks.size);
  });
});

/** The value, or a failed test when it is missing. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
