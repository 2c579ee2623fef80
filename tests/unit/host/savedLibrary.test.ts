import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertItem } from '../../../src/core/edit';
import { blankProject } from '../../../src/core/edit';
import {
  LIBRARY,
  MAX_SAVED_ITEM_BYTES,
  MAX_SAVED_NAME,
  elementToSave,
  savedLibraryItem,
} from '../../../src/core/library';
import { ElementSchema, ProjectSchema, type Element } from '../../../src/core/schema';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';

/**
 * The creator's own library in the app's data folder: saved selections read back in every
 * project, and whatever else is found in that folder (damaged, hostile, too big) skipped with a
 * message the creator can read.
 */

let dir: string;
let dataDir: string;
let libraryDir: string;

async function startHost(): Promise<Host> {
  const handlers = await createNodeHostHandlers({
    folders: [dir],
    dataDir,
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
    now: () => 1234,
  });
  const dispatch = createDispatcher(handlers);
  return createHostClient(async (channel, request) =>
    JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
  );
}

/** A small red PNG, as a creator's photo would arrive. */
async function redPng(): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(16, 16);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ff0000';
  context.fillRect(0, 0, 16, 16);
  return canvas.toBuffer('image/png');
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

const heart: Element = ElementSchema.parse({
  id: 'heart-7',
  kind: 'star',
  x: 300,
  y: 400,
  points: 5,
  outerRadius: 50,
  innerRadius: 20,
  fill: '#ff5fa2',
});

/** A selection saved as the app saves it: its middle at (0, 0). */
function saveRequest(name: string, element: Element = heart) {
  const box = { x: 250, y: 350, width: 100, height: 100 };
  return {
    name,
    kind: 'prop' as const,
    width: 100,
    height: 100,
    element: elementToSave([element], box) as Element,
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-library-'));
  dataDir = join(dir, 'data');
  libraryDir = join(dataDir, 'library');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saved library items', () => {
  it('round trip: a saved prop is listed after a restart and inserts where it is dropped', async () => {
    const saved = ok(await (await startHost()).saveLibraryItem(saveRequest('Pink star')));
    expect(saved.item.name).toBe('Pink star');
    // Stored in the data folder, readable by this user only.
    const files = await readdir(libraryDir);
    expect(files).toEqual([`${saved.item.id}.json`]);
    expect((await stat(join(libraryDir, files[0] as string))).mode & 0o777).toBe(0o600);

    const listed = ok(await (await startHost()).listSavedItems({}));
    expect(listed.problems).toEqual([]);
    expect(listed.items.map((i) => i.name)).toEqual(['Pink star']);
    const item = savedLibraryItem(listed.items[0] as (typeof listed.items)[0]);
    const project = ProjectSchema.parse(blankProject('Any project'));
    const sceneId = project.scenes[0]?.id ?? '';
    const added = insertItem(project, sceneId, item, { x: 700, y: 900 });
    const el = added.project.scenes[0]?.elements[0];
    expect(el?.kind).toBe('star');
    // The star's middle was its anchor: it lands on the drop point.
    expect({ x: el?.x, y: el?.y }).toEqual({ x: 700, y: 900 });
  });

  it('several elements are saved as one group that keeps their order and look', async () => {
    const character = LIBRARY.find((i) => i.kind === 'character');
    const maya = character?.create({ x: 540, y: 960 }, new Set()) as Element;
    const box = { x: 200, y: 600, width: 700, height: 800 };
    const element = elementToSave([maya, heart], box) as Element;
    const host = await startHost();
    const saved = ok(
      await host.saveLibraryItem({
        name: 'Maya with a star',
        kind: 'character',
        width: 700,
        height: 800,
        element,
      }),
    );
    expect(saved.item.element.kind).toBe('group');
    const again = ok(await host.listSavedItems({}));
    const group = again.items[0]?.element;
    expect(group?.kind === 'group' && group.children.map((c) => c.kind)).toEqual(['group', 'star']);
  });

  it('names are cleaned: hidden characters dropped, spaces tidied, long ones cut, empty ones refused', async () => {
    const host = await startHost();
    const odd = ok(await host.saveLibraryItem(saveRequest('  My\u202Efdp.exe \n\t star  ')));
    expect(odd.item.name).toBe('My fdp.exe star');
    const long = ok(await host.saveLibraryItem(saveRequest('x'.repeat(500))));
    expect(long.item.name).toHaveLength(MAX_SAVED_NAME);
    const empty = await host.saveLibraryItem(saveRequest(' \u200b \n'));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toBe('Give the item a name to save it.');
    // File names come from the host's ids, never from what was typed.
    for (const name of await readdir(libraryDir)) expect(name).toMatch(/^[a-z0-9]{20}\.json$/);
  });

  it('a picture in the selection is kept: its bytes go to the data folder and into the next project', async () => {
    const png = await redPng();
    const host = await startHost();
    const imported = ok(
      await host.importAsset({
        docId: 'doc-source',
        name: 'me.png',
        mime: 'image/png',
        data: png.toString('base64'),
      }),
    );
    const picture = ElementSchema.parse({
      id: 'image-1',
      kind: 'image',
      assetId: imported.assetId,
      x: 250,
      y: 350,
      width: 100,
      height: 100,
    });
    const saved = ok(
      await host.saveLibraryItem({
        ...saveRequest('My photo', picture),
        docId: 'doc-source',
        pictures: { [imported.assetId]: imported.info },
      }),
    );
    expect(saved.item.pictures).toEqual({
      [imported.assetId]: { kind: 'image', name: 'me.png', mime: 'image/png', size: png.length },
    });
    // The bytes sit beside the items, named by their hash, readable by this user only.
    const stored = join(libraryDir, 'pictures', imported.assetId);
    expect(await readFile(stored)).toEqual(png);
    expect((await stat(stored)).mode & 0o777).toBe(0o600);

    // After a restart, in another project: the picture is copied into that document.
    const later = await startHost();
    const listed = ok(await later.listSavedItems({}));
    expect(listed.problems).toEqual([]);
    const item = savedLibraryItem(listed.items[0] as (typeof listed.items)[0]);
    ok(await later.addLibraryPictures({ docId: 'doc-target', id: saved.item.id }));
    // Its thumbnail reads the picture from the library folder.
    const forThumbnail = ok(await later.readLibraryPicture({ assetId: imported.assetId }));
    expect(forThumbnail.mime).toBe('image/png');
    expect(Buffer.from(forThumbnail.data, 'base64')).toEqual(png);
    const read = ok(await later.readAsset({ docId: 'doc-target', assetId: imported.assetId }));
    expect(Buffer.from(read.data, 'base64')).toEqual(png);
    const project = ProjectSchema.parse(blankProject('Another project'));
    const added = insertItem(project, project.scenes[0]?.id ?? '', item, { x: 540, y: 960 });
    expect(added.project.assets[imported.assetId]?.name).toBe('me.png');
    expect(ProjectSchema.safeParse(added.project).success).toBe(true);
    const el = added.project.scenes[0]?.elements[0];
    expect(el?.kind === 'image' && el.assetId).toBe(imported.assetId);
  });

  it('a saved picture that went missing or was changed is named, and removing an item drops unused pictures', async () => {
    const png = await redPng();
    const host = await startHost();
    const imported = ok(
      await host.importAsset({
        docId: 'doc-source',
        name: 'me.png',
        mime: 'image/png',
        data: png.toString('base64'),
      }),
    );
    const picture = ElementSchema.parse({
      id: 'image-1',
      kind: 'image',
      assetId: imported.assetId,
      width: 100,
      height: 100,
    });
    const request = { ...saveRequest('Photo', picture), docId: 'doc-source' };
    const first = ok(await host.saveLibraryItem(request)).item;
    const second = ok(await host.saveLibraryItem({ ...request, name: 'Photo again' })).item;
    const stored = join(libraryDir, 'pictures', imported.assetId);

    // A document that does not hold the picture cannot save it.
    const elsewhere = await host.saveLibraryItem({ ...request, docId: 'doc-other1' });
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.error.message).toMatch(/picture in it is no longer available/);

    await writeFile(stored, Buffer.from('not the same picture'));
    const changed = await host.addLibraryPictures({ docId: 'doc-target', id: first.id });
    expect(changed.ok).toBe(false);
    if (!changed.ok)
      expect(changed.error.message).toBe(
        '“Photo” could not be added: a picture it shows is missing or damaged in your library folder.',
      );
    expect((await host.readLibraryPicture({ assetId: imported.assetId })).ok).toBe(false);
    // Nothing half-added: the project never gets a picture it cannot show.
    expect((await host.readAsset({ docId: 'doc-target', assetId: imported.assetId })).ok).toBe(false);

    // One item still shows it: it stays. The last one gone: it goes.
    await writeFile(stored, png);
    ok(await host.removeLibraryItem({ id: first.id }));
    expect(await readdir(join(libraryDir, 'pictures'))).toEqual([imported.assetId]);
    ok(await host.removeLibraryItem({ id: second.id }));
    expect(await readdir(join(libraryDir, 'pictures'))).toEqual([]);
  });

  it('a selection too big for the library is refused with its size and the limit', async () => {
    const huge = ElementSchema.parse({
      id: 'path-1',
      kind: 'path',
      x: 0,
      y: 0,
      data: `M0 0 ${'L 123.456 789.012 '.repeat(10_000)}`,
    });
    const group = ElementSchema.parse({
      id: 'group-1',
      kind: 'group',
      children: Array.from({ length: 12 }, (_, i) => ({ ...huge, id: `path-${i}` })),
    });
    expect(JSON.stringify(group).length).toBeGreaterThan(MAX_SAVED_ITEM_BYTES);
    const result = await (await startHost()).saveLibraryItem(saveRequest('Scribbles', group));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/too big to save to the library \(2\.\d MB; the limit is 2 MB\)/);
    expect(await readdir(libraryDir).catch(() => [])).toEqual([]);
  });

  it('damaged, hostile and foreign files are skipped, each named with why, and left in place', async () => {
    const host = await startHost();
    const good = ok(await host.saveLibraryItem(saveRequest('Good star'))).item;
    const valid = JSON.parse(await readFile(join(libraryDir, `${good.id}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(join(libraryDir, 'aaaaaaaaaaaaaaaaaaa1.json'), '{ not json');
    await writeFile(
      join(libraryDir, 'aaaaaaaaaaaaaaaaaaa2.json'),
      JSON.stringify({ ...valid, id: 'aaaaaaaaaaaaaaaaaaa2', element: { kind: 'rocket' } }),
    );
    // A name that belongs to another file: copied or planted.
    await writeFile(join(libraryDir, 'aaaaaaaaaaaaaaaaaaa3.json'), JSON.stringify(valid));
    // Groups inside groups thousands deep would overflow the validator.
    const deep =
      '{"id":"g","kind":"group","children":['.repeat(3000) +
      '{"id":"r","kind":"rect","width":1,"height":1}' +
      ']}'.repeat(3000);
    const head = JSON.stringify({ ...valid, id: 'aaaaaaaaaaaaaaaaaaa4', element: 0 });
    await writeFile(
      join(libraryDir, 'aaaaaaaaaaaaaaaaaaa4.json'),
      head.replace('"element":0', `"element":${deep}`),
    );
    await writeFile(join(libraryDir, 'aaaaaaaaaaaaaaaaaaa5.json'), ' '.repeat(MAX_SAVED_ITEM_BYTES + 1));
    await symlink('/etc/passwd', join(libraryDir, 'aaaaaaaaaaaaaaaaaaa6.json'));
    await writeFile(join(libraryDir, '..\u202Egnp.json'), JSON.stringify(valid));
    await writeFile(
      join(libraryDir, 'aaaaaaaaaaaaaaaaaaa7.json'),
      JSON.stringify({ ...valid, id: 'aaaaaaaaaaaaaaaaaaa7', name: '\u0000\u202E' }),
    );

    const listed = ok(await host.listSavedItems({}));
    expect(listed.items.map((i) => i.name)).toEqual(['Good star']);
    expect(listed.problems).toEqual([
      '“..\\u202Egnp.json” in your library folder was skipped: the studio did not save it.',
      '“aaaaaaaaaaaaaaaaaaa1.json” in your library was skipped: it is damaged (not a readable library file).',
      '“aaaaaaaaaaaaaaaaaaa2.json” in your library was skipped: it is not a library item this version of the studio can read.',
      '“aaaaaaaaaaaaaaaaaaa3.json” in your library was skipped: what it holds does not match its file name.',
      '“aaaaaaaaaaaaaaaaaaa4.json” in your library was skipped: its parts are nested deeper than any library item can be.',
      '“aaaaaaaaaaaaaaaaaaa5.json” in your library was skipped: it is larger than 2 MB, more than a library item can be.',
      '“aaaaaaaaaaaaaaaaaaa6.json” in your library was skipped: it is not a plain file (a link, a folder or a device).',
      '“aaaaaaaaaaaaaaaaaaa7.json” in your library was skipped: it has no name.',
    ]);
    // Nothing the creator had was deleted.
    expect((await readdir(libraryDir)).length).toBe(9);
  });

  it('a hostile name in a file is cleaned before the panel shows it', async () => {
    const host = await startHost();
    const good = ok(await host.saveLibraryItem(saveRequest('Star'))).item;
    const file = join(libraryDir, `${good.id}.json`);
    const valid = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...valid, name: `<img src=x>\u202E${'y'.repeat(900)}` }));
    const listed = ok(await host.listSavedItems({}));
    expect(listed.items[0]?.name).toBe(`<img src=x> ${'y'.repeat(MAX_SAVED_NAME - 12)}`);
  });

  it('remove takes the item away; an unknown or made-up id changes nothing', async () => {
    const host = await startHost();
    const a = ok(await host.saveLibraryItem(saveRequest('One'))).item;
    ok(await host.saveLibraryItem(saveRequest('Two')));
    ok(await host.removeLibraryItem({ id: a.id }));
    expect(ok(await host.listSavedItems({})).items.map((i) => i.name)).toEqual(['Two']);
    ok(await host.removeLibraryItem({ id: a.id }));
    const escape = await host.removeLibraryItem({ id: '../settings' });
    expect(escape.ok).toBe(false);
    await mkdir(dataDir, { recursive: true });
    expect(ok(await host.listSavedItems({})).items).toHaveLength(1);
  });
});
