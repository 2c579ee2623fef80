import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blankProject, createHistory, insertItem, record, undo } from '../../src/core/edit';
import { evaluate } from '../../src/core/frame';
import {
  LIBRARY,
  elementToSave,
  savedLibraryItem,
  type LibraryItem,
  type SavedItem,
} from '../../src/core/library';
import { ElementSchema, ProjectSchema, type Element, type Project } from '../../src/core/schema';
import { withProjectRenderer } from '../../src/export/projectRenderer';
import { createDispatcher, createHostClient, type Host } from '../../src/host/contract';
import { createNodeHostHandlers } from '../../src/host/node/host';
import { installKonvaNodeBackend } from '../../src/render/backends/node';
import { createRenderer, type Renderer } from '../../src/render/renderer';

/**
 * Every library item (the built-in ones, and one saved to My library) through the paths a creator
 * takes: inserted in the middle of a scene as one step, taken back by one undo, and drawn the same
 * by the export's full-size renderer as by the editor's preview-size canvas.
 */

const PREVIEW = { width: 270, height: 480 };
const FACTOR = 4; // 1080 x 1920 export pixels per preview pixel, each way

const blank: Project = ProjectSchema.parse(blankProject('Library check'));
const sceneId = blank.scenes[0]?.id ?? '';

let preview: Renderer | null = null;
afterAll(() => preview?.destroy());

/** The editor's view of a project: a canvas the size of the preview, drawing the frame at `t`. */
function previewPixels(project: Project, t: number): Uint8Array {
  preview ??= createRenderer({ ...PREVIEW, backend: installKonvaNodeBackend(), pixelRatio: 1 });
  preview.draw(evaluate(project, t));
  return preview.readRgba();
}

/** The export's frame, averaged down to the preview's size (4 x 4 export pixels per pixel). */
async function exportPixelsAtPreviewSize(project: Project, t: number): Promise<Uint8Array> {
  const full = await withProjectRenderer(project, new Map(), (renderer) => {
    renderer.draw(evaluate(project, t));
    return renderer.readRgba();
  });
  const out = new Uint8Array(PREVIEW.width * PREVIEW.height * 4);
  const fullWidth = PREVIEW.width * FACTOR;
  for (let y = 0; y < PREVIEW.height; y++)
    for (let x = 0; x < PREVIEW.width; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < FACTOR; dy++)
          for (let dx = 0; dx < FACTOR; dx++)
            sum += full[((y * FACTOR + dy) * fullWidth + x * FACTOR + dx) * 4 + c] ?? 0;
        out[(y * PREVIEW.width + x) * 4 + c] = Math.round(sum / (FACTOR * FACTOR));
      }
  return out;
}

/** Mean difference per channel (0..255) and the share of pixels that differ by more than 48. */
function difference(a: Uint8Array, b: Uint8Array): { mean: number; farOff: number } {
  let total = 0;
  let far = 0;
  for (let i = 0; i < a.length; i += 4) {
    let pixel = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs((a[i + c] ?? 0) - (b[i + c] ?? 0));
      total += d;
      pixel = Math.max(pixel, d);
    }
    if (pixel > 48) far++;
  }
  return { mean: total / ((a.length / 4) * 3), farOff: far / (a.length / 4) };
}

/** Pixels (of the preview-size frame) that the item changed from the blank scene. */
function changedPixels(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4)
    if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) + Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)) > 24) n++;
  return n;
}

const blankPixels = () => previewPixels(blank, 0.5);

/** A selection saved to My library as the studio saves one: a heart and a star. */
function savedItem(): LibraryItem {
  const heart = LIBRARY.find((i) => i.id === 'sticker/red-heart') ?? (LIBRARY.at(-1) as LibraryItem);
  const star = ElementSchema.parse({
    id: 'star-1',
    kind: 'star',
    x: 700,
    y: 900,
    points: 5,
    outerRadius: 80,
    innerRadius: 36,
    fill: '#ffe066',
  });
  const elements: Element[] = [heart.create({ x: 500, y: 900 }, new Set(['star-1'])), star];
  const saved: SavedItem = {
    format: 'kindness-library-item',
    version: 1,
    id: 'abcdef0123456789abcd',
    name: 'Heart and star',
    kind: 'prop',
    savedAt: 1,
    width: 380,
    height: 180,
    element: elementToSave(elements, { x: 410, y: 810, width: 380, height: 180 }) as Element,
  };
  return savedLibraryItem(saved);
}

const ITEMS: LibraryItem[] = [...LIBRARY, savedItem()];

describe.each(ITEMS.map((item) => [item.id, item] as const))('library item %s', (_id, item) => {
  it('inserts as one step, undoes, and draws the same in the preview and the export', async () => {
    const history = createHistory(blank);
    const added = insertItem(blank, sceneId, item);
    const scene = added.project.scenes[0];
    expect(scene?.elements.map((el) => el.id)).toEqual([added.elementId]);
    const after = record(history, added.project, { label: `Add ${item.name}` });
    expect(undo(after).present).toBe(blank);

    const shown = previewPixels(added.project, 0.5);
    // Something of it is drawn (a background covers the frame; a sticker a few thousand pixels).
    expect(changedPixels(shown, blankPixels())).toBeGreaterThan(200);
    const exported = await exportPixelsAtPreviewSize(added.project, 0.5);
    const diff = difference(shown, exported);
    expect(diff.mean, 'mean difference per channel').toBeLessThan(3);
    expect(diff.farOff, 'share of pixels far off').toBeLessThan(0.01);
    // Undone, the frame is the blank one again.
    expect(changedPixels(previewPixels(undo(after).present, 0.5), blankPixels())).toBe(0);
  });
});

describe('a saved item with a picture', () => {
  let dir = '';
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('brings its picture into another project, where the export draws it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kindness-library-picture-'));
    const startHost = async (): Promise<Host> => {
      const handlers = await createNodeHostHandlers({
        folders: [dir],
        dataDir: join(dir, 'data'),
        templatesDir: join(process.cwd(), 'resources', 'samples'),
        version: '0.0.1',
        shell: 'web',
      });
      const dispatch = createDispatcher(handlers);
      return createHostClient(async (channel, request) =>
        JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(request))))),
      );
    };
    // A creator's photo (plain red) in one project, saved to My library as a prop.
    const { createCanvas } = await import('@napi-rs/canvas');
    const photo = createCanvas(64, 64);
    const context = photo.getContext('2d');
    context.fillStyle = '#e01010';
    context.fillRect(0, 0, 64, 64);
    const png = photo.toBuffer('image/png');
    const first = await startHost();
    const imported = await first.importAsset({
      docId: 'doc-first',
      name: 'photo.png',
      mime: 'image/png',
      data: png.toString('base64'),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const picture = ElementSchema.parse({
      id: 'image-1',
      kind: 'image',
      assetId: imported.assetId,
      x: 100,
      y: 100,
      width: 400,
      height: 400,
    });
    const saved = await first.saveLibraryItem({
      name: 'My photo',
      kind: 'prop',
      width: 400,
      height: 400,
      element: elementToSave([picture], { x: 100, y: 100, width: 400, height: 400 }) as Element,
      docId: 'doc-first',
      pictures: { [imported.assetId]: imported.info },
    });
    if (!saved.ok) throw new Error(saved.error.message);

    // Another day, another project: the item is inserted in the middle of the frame.
    const second = await startHost();
    const listed = await second.listSavedItems({});
    if (!listed.ok || listed.items[0] === undefined) throw new Error('the saved item is not listed');
    const brought = await second.addLibraryPictures({ docId: 'doc-second', id: saved.item.id });
    if (!brought.ok) throw new Error(brought.error.message);
    const added = insertItem(blank, sceneId, savedLibraryItem(listed.items[0]));
    const read = await second.readAsset({ docId: 'doc-second', assetId: imported.assetId });
    if (!read.ok) throw new Error(read.error.message);
    const assets = new Map([[imported.assetId, Buffer.from(read.data, 'base64')]]);

    const { width, height } = added.project.video;
    const middle = await withProjectRenderer(added.project, assets, (renderer) => {
      renderer.draw(evaluate(added.project, 0.5));
      const rgba = renderer.readRgba();
      const at = ((height / 2) * width + width / 2) * 4;
      return [rgba[at], rgba[at + 1], rgba[at + 2]];
    });
    // The photo's red, not the placeholder the renderer draws for a missing picture.
    expect(middle[0]).toBeGreaterThan(200);
    expect(middle[1]).toBeLessThan(40);
    expect(middle[2]).toBeLessThan(40);
  });
});
