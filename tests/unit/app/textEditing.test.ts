import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCanvas } from '../../../src/app/features/canvas/stores/canvas';
import { useNewElements } from '../../../src/app/features/canvas/stores/newElements';
import { textEditKey, useTextEditing } from '../../../src/app/features/canvas/stores/textEditing';
import { useDocument } from '../../../src/app/state/document';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { storeHarness, type StoreHarness } from './helpers';

let harness: StoreHarness;

beforeEach(async () => {
  harness = await storeHarness();
});

afterEach(async () => {
  await harness.cleanup();
});

async function blank() {
  return harness.run(async () => {
    expect(await useFiles().newFromTemplate('blank')).toBe(true);
    return { canvas: useCanvas(), doc: useDocument(), text: useTextEditing(), defaults: useNewElements() };
  });
}

const elements = (doc: ReturnType<typeof useDocument>) => doc.project?.scenes[0]?.elements ?? [];

describe('text typed in place', () => {
  it('a new text is what was typed, added and typed as one undo step', async () => {
    const { canvas, doc, text, defaults } = await blank();
    const id = canvas.add(defaults.text(540, 600, ''), 'Add text', undefined, textEditKey) ?? '';
    text.begin(id, true);
    text.type('B');
    text.type('Be');
    text.type('Be kind');
    text.end();
    expect(text.session).toBeNull();
    expect(elements(doc)).toMatchObject([{ kind: 'text', text: 'Be kind' }]);
    expect(doc.undoText).toBe('Add text');
    doc.undo();
    expect(elements(doc)).toEqual([]);
  });

  it('a new text left empty leaves nothing behind, not even an undo step', async () => {
    const { canvas, doc, text, defaults } = await blank();
    canvas.addShape('rect', { x: 0, y: 0, width: 100, height: 100 });
    const id = canvas.add(defaults.text(540, 600, ''), 'Add text', undefined, textEditKey) ?? '';
    text.begin(id, true);
    text.type('oops');
    text.type('');
    text.end();
    expect(elements(doc).map((el) => el.kind)).toEqual(['rect']);
    expect(doc.undoText).toBe('Add rectangle');
    expect(doc.canRedo).toBe(false);
    expect(canvas.selectedElement).toBeNull();
  });

  it("edits a bubble's words as one step, and a second session is a step of its own", async () => {
    const { canvas, doc, text } = await blank();
    canvas.addShape('bubble', { x: 100, y: 100, width: 400, height: 250 });
    const id = canvas.selectedElementId ?? '';
    text.begin(id);
    text.type('Hi');
    text.type('Hi there');
    text.end();
    text.begin(id);
    text.type('Hi there!');
    text.end();
    expect(elements(doc)[0]).toMatchObject({ kind: 'bubble', text: 'Hi there!' });
    expect(doc.undoText).toBe('Edit text');
    doc.undo();
    expect(elements(doc)[0]).toMatchObject({ text: 'Hi there' });
    doc.undo();
    expect(elements(doc)[0]).toMatchObject({ text: 'You matter.' });
  });

  it('an existing text emptied is deleted, in the same step', async () => {
    const { canvas, doc, text } = await blank();
    const id = canvas.addText(540, 960) ?? '';
    text.begin(id);
    text.type('');
    text.end();
    expect(elements(doc)).toEqual([]);
    doc.undo();
    expect(elements(doc)).toMatchObject([{ text: 'Be kind' }]);
  });
});

describe('history', () => {
  it('withdraws only the running step of its own key', async () => {
    const { createHistory, record, withdraw, canRedo } = await import('../../../src/core/edit');
    const { blankProject } = await import('../../../src/core/edit');
    const a = blankProject('a');
    const b = { ...a, title: 'b' };
    const c = { ...a, title: 'c' };
    let history = record(createHistory(a), b, { label: 'First' });
    history = record(history, c, { label: 'Add text', coalesce: 'text:1' });
    expect(withdraw(history, 'text:2')).toBe(history);
    const back = withdraw(history, 'text:1');
    expect(back.present).toBe(b);
    expect(back.presentLabel).toBe('First');
    expect(canRedo(back)).toBe(false);
  });
});
