import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { useDocument } from '../../../src/app/state/document';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { usePlayback } from '../../../src/app/state/playback';
import { useStudio } from '../../../src/app/state/studio';
import { storeHarness, type StoreHarness } from './helpers';

let harness: StoreHarness;

beforeEach(async () => {
  harness = await storeHarness();
});

afterEach(async () => {
  vi.useRealTimers();
  await harness.cleanup();
});

async function openSample() {
  return harness.run(async () => {
    const files = useFiles();
    expect(await files.newFromTemplate('be-the-reason')).toBe(true);
    return { files, doc: useDocument(), studio: useStudio(), playback: usePlayback() };
  });
}

const names = (doc: ReturnType<typeof useDocument>) => doc.project?.scenes.map((s) => s.name);

describe('document store', () => {
  it('tracks unsaved edits: an edit makes the document dirty and undoing it makes it clean again', async () => {
    const { doc, studio } = await openSample();
    expect(doc.dirty).toBe(false);
    expect(doc.canUndo).toBe(false);
    studio.updateScene('scene-comment', { name: 'Opening' }, 'Rename scene');
    expect(doc.dirty).toBe(true);
    expect(doc.undoText).toBe('Rename scene');
    doc.undo();
    expect(doc.dirty).toBe(false);
    doc.redo();
    expect(names(doc)?.[0]).toBe('Opening');
  });

  it('backs up unsaved edits a moment after each edit, and saving clears the backup', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { doc, studio, files } = await openSample();
    studio.addScene();
    await nextTick();
    expect(
      (await harness.host.listRecoveries({})).ok && (await harness.host.listRecoveries({})),
    ).toMatchObject({
      recoveries: [],
    });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(doc.backedUpAt).not.toBeNull());
    const listed = await harness.host.listRecoveries({});
    expect(listed).toMatchObject({ ok: true, recoveries: [{ title: 'Be the Reason', sceneCount: 5 }] });

    await files.save(); // no file yet: asks where
    expect(studio.dialog).toBe('save');
    expect(await doc.saveTo(join(harness.workspace, 'a.kindness'), true)).toBe('saved');
    expect(doc.dirty).toBe(false);
    expect(doc.fileName).toBe('a.kindness');
    expect(await harness.host.listRecoveries({})).toMatchObject({ ok: true, recoveries: [] });
    expect(await doc.saveTo(join(harness.workspace, 'a.kindness'), true)).toBe('exists');
  });

  it('keeps unsaved edits for the start screen when the creator leaves the document', async () => {
    const { doc, studio, files } = await openSample();
    studio.deleteScene('scene-comment');
    await files.goHome();
    expect(doc.isOpen).toBe(false);
    expect(files.recoveries).toHaveLength(1);
    expect(await files.recover(files.recoveries[0]?.id ?? '')).toBe(true);
    expect(doc.dirty).toBe(true);
    expect(names(doc)).toEqual(['A real person', 'Choose kindness', 'Be the reason']);
  });
});

describe('studio store', () => {
  it('adds a scene after the selected one, selects it and moves the playhead to it', async () => {
    const { doc, studio, playback } = await openSample();
    studio.selectScene('scene-comment');
    studio.addScene();
    expect(doc.project?.scenes[1]?.id).toBe(studio.selectedSceneId);
    expect(playback.time).toBe(4);
  });

  it('selects a neighbour when the selected scene is deleted or undone away', async () => {
    const { doc, studio } = await openSample();
    studio.selectScene('scene-comment');
    studio.addScene();
    const added = studio.selectedSceneId;
    doc.undo();
    await nextTick();
    expect(studio.selectedSceneId).not.toBe(added);
    expect(doc.project?.scenes.some((s) => s.id === studio.selectedSceneId)).toBe(true);
    studio.deleteScene(studio.selectedSceneId ?? '');
    expect(doc.project?.scenes.some((s) => s.id === studio.selectedSceneId)).toBe(true);
  });

  it('reorders and duplicates scenes as single undo steps', async () => {
    const { doc, studio } = await openSample();
    studio.moveScene('scene-comment', 3);
    expect(names(doc)).toEqual(['A real person', 'Choose kindness', 'Be the reason', 'One comment']);
    studio.duplicateScene('scene-comment');
    expect(names(doc)?.at(-1)).toBe('One comment (copy)');
    doc.undo();
    doc.undo();
    expect(names(doc)).toEqual(['One comment', 'A real person', 'Choose kindness', 'Be the reason']);
  });

  it('merges typing into one undo step until the field is left', async () => {
    const { doc, studio } = await openSample();
    for (const name of ['H', 'He', 'Hey'])
      studio.updateScene('scene-comment', { name }, 'Rename scene', 'name');
    doc.seal();
    studio.updateScene('scene-comment', { name: 'Hey!' }, 'Rename scene', 'name');
    doc.undo();
    expect(names(doc)?.[0]).toBe('Hey');
    doc.undo();
    expect(names(doc)?.[0]).toBe('One comment');
  });
});

describe('playback store', () => {
  it('keeps the playhead on whole frames inside the video', async () => {
    const { playback } = await openSample();
    playback.seek(1.01);
    expect(playback.time * 30).toBeCloseTo(30);
    playback.seek(-5);
    expect(playback.time).toBe(0);
    playback.seek(999);
    expect(playback.time).toBeCloseTo(20 - 1 / 30);
    playback.step(-30);
    expect(playback.time).toBeCloseTo(19 - 1 / 30);
  });
});
