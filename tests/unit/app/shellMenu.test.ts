import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import type { MenuItemData } from '../../../src/host/contract';
import { syncShellMenu } from '../../../src/app/host/shellMenu';
import { useFiles } from '../../../src/app/features/files/stores/files';
import { useSelection } from '../../../src/app/features/canvas/stores/selection';
import { useDocument } from '../../../src/app/state/document';
import { storeHarness, stubPage, type StoreHarness } from './helpers';

let harness: StoreHarness;

beforeEach(async () => {
  // The studio's page, not review mode: the review store reads the address and the reviewer's name.
  stubPage('?token=x');
  harness = await storeHarness();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await harness.cleanup();
});

const enabled = (items: readonly MenuItemData[] | undefined, id: string): boolean | undefined =>
  items?.find((item) => item.id === id)?.enabled;

describe('the desktop shell menus follow the studio', () => {
  it('grey out what does not apply, and are sent again only when that changes', async () => {
    const sent: MenuItemData[][] = [];
    const stop = harness.run(() => syncShellMenu({ setMenu: async (items) => void sent.push([...items]) }));
    // The start screen: nothing to save or duplicate; opening a file and the text edits always apply.
    expect(sent).toHaveLength(1);
    expect(enabled(sent[0], 'file.save')).toBe(false);
    expect(enabled(sent[0], 'edit.duplicate')).toBe(false);
    expect(enabled(sent[0], 'file.open')).toBe(true);
    expect(enabled(sent[0], 'edit.copy')).toBe(true);

    await harness.run(() => useFiles().newFromTemplate('be-the-reason'));
    await nextTick();
    expect(sent).toHaveLength(2);
    expect(enabled(sent[1], 'file.save')).toBe(true);

    // Selecting an element turns on what needs a selection.
    const element = harness.run(() => useDocument().project?.scenes[0]?.elements[0]);
    expect(element).toBeDefined();
    harness.run(() => useSelection().set([element?.id ?? '']));
    await nextTick();
    const last = sent.at(-1);
    expect(enabled(last, 'edit.duplicate')).toBe(true);
    const count = sent.length;
    // Nothing that changes what applies sends nothing.
    harness.run(() => useSelection().set([element?.id ?? '']));
    await nextTick();
    expect(sent).toHaveLength(count);
    stop();
  });
});
