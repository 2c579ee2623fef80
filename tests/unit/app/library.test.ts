import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applies } from '../../../src/app/commands/match';
import { commandById } from '../../../src/app/commands/registry';
import type { CommandContext } from '../../../src/app/commands/types';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { useSelection } from '../../../src/app/features/canvas/stores/selection';
import { useLibrary } from '../../../src/app/features/library/stores/library';
import { useDocument } from '../../../src/app/state/document';
import { useStudio } from '../../../src/app/state/studio';
import { addElement, setAsset } from '../../../src/core/edit';
import { LIBRARY } from '../../../src/core/library';
import { ElementSchema } from '../../../src/core/schema';
import { elementName, inspectorTitle, kindName } from '../../../src/app/ui/elementNames';
import { storeHarness, type StoreHarness } from './helpers';

/**
 * The library as the page uses it: its commands (shown, applying only when they can) and a
 * picture saved to My library from one project and inserted into another.
 */

let harness: StoreHarness;
beforeEach(async () => {
  harness = await storeHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

const EDITING: CommandContext = {
  documentOpen: true,
  review: false,
  editable: true,
  selection: 0,
  tool: 'select',
  drawingLayer: false,
  sceneSelected: true,
};

function command(id: string) {
  const found = commandById(id);
  if (found === undefined) throw new Error(`no command ${id}`);
  return found;
}

describe('library commands', () => {
  it('Show Library opens the panel for its search field; Save as… applies only to a selection', async () => {
    const show = command('library.show');
    expect(show.keys).toEqual(['Mod+Shift+L']);
    expect(show.menu?.name).toBe('view');
    expect(applies(show, EDITING)).toBe(true);
    expect(applies(show, { ...EDITING, review: true })).toBe(false);
    for (const id of ['library.saveAsCharacter', 'library.saveAsProp']) {
      expect(applies(command(id), EDITING), id).toBe(false);
      expect(applies(command(id), { ...EDITING, selection: 2 }), id).toBe(true);
      expect(applies(command(id), { ...EDITING, selection: 1, review: true }), id).toBe(false);
    }
    harness.run(() => {
      const library = useLibrary();
      expect(library.panel).toBe('storyboard');
      void show.run(EDITING);
      expect(library.panel).toBe('library');
      expect(library.searchFocusPending).toBe(true);
      void command('library.saveAsCharacter').run({ ...EDITING, selection: 1 });
      expect(library.saving).toBe('character');
    });
  });
});

describe('a picture saved to My library', () => {
  it('goes into the next project with the item, its bytes on the host for that document', async () => {
    const photo = createCanvas(16, 16);
    const context = photo.getContext('2d');
    context.fillStyle = '#e01010';
    context.fillRect(0, 0, 16, 16);
    const png = photo.toBuffer('image/png');

    await harness.run(async () => {
      const files = useFiles();
      const doc = useDocument();
      const studio = useStudio();
      const library = useLibrary();
      expect(await files.newFromTemplate('be-the-reason')).toBe(true);
      const firstDoc = doc.docId ?? '';
      const imported = await harness.host.importAsset({
        docId: firstDoc,
        name: 'me.png',
        mime: 'image/png',
        data: png.toString('base64'),
      });
      if (!imported.ok) throw new Error(imported.error.message);
      const picture = ElementSchema.parse({
        id: 'my-photo',
        kind: 'image',
        assetId: imported.assetId,
        x: 300,
        y: 300,
        width: 200,
        height: 200,
      });
      const project = setAsset(doc.project ?? (null as never), imported.assetId, imported.info);
      doc.apply(addElement(project, studio.selectedScene?.id ?? '', picture).project, 'Add picture');
      useSelection().set(['my-photo']);
      expect(await library.saveSelection('My photo', 'prop')).toBe(true);
      const saved = library.saved[0];
      expect(saved?.pictures?.[imported.assetId]?.name).toBe('me.png');

      // Another project: the first document (and its pictures) is let go on the host.
      expect(await files.newFromTemplate('be-the-reason')).toBe(true);
      expect(doc.docId).not.toBe(firstDoc);
      expect(await library.insert(`mine/${saved?.id ?? ''}`)).toBe(true);
      expect(doc.project?.assets[imported.assetId]?.name).toBe('me.png');
      const inserted = studio.selectedScene?.elements.at(-1);
      expect(inserted?.kind === 'image' && inserted.assetId).toBe(imported.assetId);
      const read = await harness.host.readAsset({ docId: doc.docId ?? '', assetId: imported.assetId });
      expect(read.ok && Buffer.from(read.data, 'base64').equals(png)).toBe(true);
      // One undo takes the item and its picture entry away.
      doc.undo();
      expect(doc.project?.assets[imported.assetId]).toBeUndefined();
    });
  });
});

describe('a character in the inspector and the layer list', () => {
  it('goes by its name and the kind Character, not "Group"', () => {
    const maya = LIBRARY.find((i) => i.id === 'character/maya')?.create({ x: 540, y: 960 }, new Set());
    if (maya === undefined) throw new Error('Maya is not in the library');
    expect(inspectorTitle(maya)).toEqual({ title: 'Maya', kind: 'Character' });
    expect(elementName(maya)).toBe('Maya');
    expect(kindName(maya)).toBe('Character');
    // Unnamed, it is still a character; a plain group stays a group.
    expect(inspectorTitle({ ...maya, name: '' })).toEqual({ title: 'Character', kind: null });
    const plain = ElementSchema.parse({ id: 'g', kind: 'group', children: [] });
    expect(inspectorTitle(plain)).toEqual({ title: 'Group', kind: null });
    expect(inspectorTitle({ ...plain, name: 'Phone' })).toEqual({ title: 'Phone', kind: 'Group' });
  });
});
