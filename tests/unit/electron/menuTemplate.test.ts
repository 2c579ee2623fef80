import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../electron/main/menuTemplate';
import { shellMenuItems } from '../../../src/app/commands/menus';
import { COMMANDS } from '../../../src/app/commands/registry';

/** The items the page sends (`setMenu`), generated from its command registry. */
const ITEMS = shellMenuItems(COMMANDS);

type Call = [string, ...unknown[]];

function build(
  platform: NodeJS.Platform = 'linux',
  recent = [{ name: 'Be kind.kindness', path: '/p/Be kind.kindness' }],
) {
  const calls: Call[] = [];
  const actions: MenuActions = {
    send: (command) => calls.push(['send', command]),
    nativeEdit: (edit) => calls.push(['nativeEdit', edit]),
    openRecent: (path) => calls.push(['openRecent', path]),
  };
  const template = buildMenuTemplate(
    { platform, appName: 'Kindness Studio', recent, items: ITEMS, developer: false },
    actions,
  );
  return { template, calls };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((item) => item.label?.replace('&', '') === label));
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (found === undefined) throw new Error(`no menu item "${label}"`);
  return found;
}

/** Clicks an item as Electron would (our handlers ignore the arguments). */
function click(entry: MenuItemConstructorOptions): void {
  (entry.click as (() => void) | undefined)?.();
}

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((entry) => [entry, ...allItems(submenu(entry))]);
}

describe('native menus', () => {
  it('has File, Edit, View and Help (and the app menu first on macOS)', () => {
    expect(build('linux').template.map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(build('darwin').template.map((entry) => entry.label)).toEqual([
      'Kindness Studio',
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ]);
  });

  it('gives every item a label, unless it is a separator or a standard role', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const entry of allItems(build(platform).template)) {
        if (entry.type === 'separator' || entry.role !== undefined) continue;
        expect(entry.label, JSON.stringify(entry.id)).toMatch(/\S/);
      }
    }
  });

  it('lists the File, Edit and View commands of the studio', () => {
    const { template } = build();
    expect(menu(template, 'File').map((entry) => entry.label)).toEqual(
      expect.arrayContaining([
        'New from Template…',
        'Open…',
        'Open Recent',
        'Save',
        'Save As…',
        'Export Video…',
      ]),
    );
    expect(menu(template, 'Edit').map((entry) => entry.label)).toEqual(
      expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Duplicate', 'Delete']),
    );
    expect(menu(template, 'View').map((entry) => entry.label)).toEqual(
      expect.arrayContaining(['Zoom In', 'Zoom Out', 'Zoom to Fit', 'Safe Zones', 'Onion Skin']),
    );
    expect(menu(template, 'Help').map((entry) => entry.label)).toEqual(['About Kindness Studio']);
  });

  it('shows the shortcuts of the shortcut table, without capturing the keys from the page', () => {
    const { template } = build();
    const expected: Record<string, string> = {
      'New from Template…': 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'CmdOrCtrl+Shift+S',
      'Export Video…': 'CmdOrCtrl+E',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'CmdOrCtrl+Shift+Z',
      Cut: 'CmdOrCtrl+X',
      Copy: 'CmdOrCtrl+C',
      Paste: 'CmdOrCtrl+V',
      Duplicate: 'CmdOrCtrl+D',
      Delete: 'Delete',
      'Zoom In': 'CmdOrCtrl+=',
      'Zoom Out': 'CmdOrCtrl+-',
      'Zoom to Fit': 'CmdOrCtrl+0',
    };
    const items = allItems(template);
    for (const [label, accelerator] of Object.entries(expected)) {
      const entry = item(items, label);
      expect(entry.accelerator, label).toBe(accelerator);
      expect(entry.registerAccelerator, label).toBe(false);
    }
    // Every command the registry puts in a menu is there, with its keys.
    for (const data of ITEMS) {
      const entry = items.find((candidate) => candidate.id === data.id);
      expect(entry, data.id).toBeDefined();
      expect(entry?.label, data.id).toBe(data.label);
      expect(entry?.accelerator ?? null, data.id).toBe(data.accelerator);
    }
  });

  it('greys out the items the page reports as not applying', () => {
    const calls: Call[] = [];
    const actions: MenuActions = {
      send: (command) => calls.push(['send', command]),
      nativeEdit: (edit) => calls.push(['nativeEdit', edit]),
      openRecent: (path) => calls.push(['openRecent', path]),
    };
    const items = ITEMS.map((data) => (data.id === 'file.save' ? { ...data, enabled: false } : data));
    const template = buildMenuTemplate(
      { platform: 'linux', appName: 'Kindness Studio', recent: [], items, developer: false },
      actions,
    );
    const entries = allItems(template);
    expect(item(entries, 'Save').enabled).toBe(false);
    expect(item(entries, 'Save As…').enabled).toBe(true);
  });

  it('sends each page command to the page', () => {
    const { template, calls } = build();
    const items = allItems(template);
    for (const [label, command] of [
      ['New from Template…', 'file.newFromTemplate'],
      ['Open…', 'file.open'],
      ['Save', 'file.save'],
      ['Save As…', 'file.saveAs'],
      ['Export Video…', 'file.export'],
      ['Duplicate', 'edit.duplicate'],
      ['Zoom In', 'view.zoomIn'],
      ['Zoom Out', 'view.zoomOut'],
      ['Zoom to Fit', 'view.zoomToFit'],
      ['Safe Zones', 'view.toggleSafeZones'],
      ['Onion Skin', 'view.toggleOnionSkin'],
      ['About Kindness Studio', 'help.about'],
    ] as const) {
      calls.length = 0;
      click(item(items, label));
      expect(calls, label).toEqual([['send', command]]);
    }
  });

  it('applies text edits to a focused field before telling the page', () => {
    const { template, calls } = build();
    const items = allItems(template);
    for (const [label, edit, command] of [
      ['Undo', 'undo', 'edit.undo'],
      ['Redo', 'redo', 'edit.redo'],
      ['Cut', 'cut', 'edit.cut'],
      ['Copy', 'copy', 'edit.copy'],
      ['Paste', 'paste', 'edit.paste'],
      ['Delete', 'delete', 'edit.delete'],
    ] as const) {
      calls.length = 0;
      click(item(items, label));
      expect(calls, label).toEqual([
        ['nativeEdit', edit],
        ['send', command],
      ]);
    }
  });

  it('puts Open Recent after Open…, and reopens recent projects', () => {
    const { template, calls } = build();
    const file = menu(template, 'File');
    const labels = file.map((entry) => entry.label);
    expect(labels.indexOf('Open Recent')).toBe(labels.indexOf('Open…') + 1);
    click(item(submenu(item(file, 'Open Recent')), 'Be kind.kindness'));
    expect(calls).toEqual([['openRecent', '/p/Be kind.kindness']]);
  });

  it('has Open Recent, Quit and Full Screen before the page reports its commands', () => {
    const template = buildMenuTemplate(
      { platform: 'linux', appName: 'Kindness Studio', recent: [], items: [], developer: false },
      { send: () => undefined, nativeEdit: () => undefined, openRecent: () => undefined },
    );
    expect(menu(template, 'File').map((entry) => entry.label ?? entry.type)).toEqual([
      'Open Recent',
      'separator',
      'Quit',
    ]);
    expect(menu(template, 'View').map((entry) => entry.label)).toEqual(['Full Screen']);
  });

  it('says so when there are no recent projects', () => {
    const recent = submenu(item(menu(build('linux', []).template, 'File'), 'Open Recent'));
    expect(recent).toEqual([expect.objectContaining({ label: 'No Recent Projects', enabled: false })]);
  });
});
