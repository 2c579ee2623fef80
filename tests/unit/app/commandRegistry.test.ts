import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tool } from '../../../src/app/features/canvas/stores/canvas';
import {
  accelerator,
  ariaKeys,
  canonical,
  formatKeys,
  matches,
  parseKeys,
  type KeyPress,
} from '../../../src/app/commands/keys';
import { applies, commandForKey, tooltip } from '../../../src/app/commands/match';
import { menuBar } from '../../../src/app/commands/menus';
import { filterCommands } from '../../../src/app/commands/paletteFilter';
import { COMMANDS, commandById } from '../../../src/app/commands/registry';
import { shortcutTable } from '../../../src/app/commands/shortcutTable';
import type { CommandContext } from '../../../src/app/commands/types';

/** A keydown as the browser reports it. */
function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '';
  return { key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra };
}

const EDITING: CommandContext = {
  documentOpen: true,
  review: false,
  editable: true,
  selection: 0,
  tool: 'select',
  drawingLayer: false,
  sceneSelected: true,
};

const TOOLS: Tool[] = ['select', 'rect', 'ellipse', 'star', 'bubble', 'line', 'brush', 'eraser', 'text'];

/** Every combination of what `when` reads that the studio can be in. */
function everyContext(): CommandContext[] {
  const all: CommandContext[] = [];
  for (const documentOpen of [false, true])
    for (const review of [false, true])
      for (const editable of [false, true])
        for (const selection of [0, 1, 3])
          for (const tool of TOOLS)
            for (const drawingLayer of [false, true])
              for (const sceneSelected of [false, true])
                all.push({ documentOpen, review, editable, selection, tool, drawingLayer, sceneSelected });
  return all;
}

describe('key combinations', () => {
  it('match Ctrl or Cmd for Mod, and need exactly the modifiers written', () => {
    const undo = parseKeys('Mod+Z');
    expect(matches(undo, press('z', { ctrlKey: true }))).toBe(true);
    expect(matches(undo, press('z', { metaKey: true }))).toBe(true);
    expect(matches(undo, press('z'))).toBe(false);
    expect(matches(undo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches(parseKeys('Mod+Shift+Z'), press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
  });

  it('read the physical key with Alt (a Mac types å for Alt+A) and for brackets (Shift+] is })', () => {
    expect(matches(parseKeys('Alt+A'), press('å', { altKey: true, code: 'KeyA' }))).toBe(true);
    expect(
      matches(parseKeys('Mod+Shift+]'), press('}', { ctrlKey: true, shiftKey: true, code: 'BracketRight' })),
    ).toBe(true);
    expect(matches(parseKeys('Space'), press(' '))).toBe(true);
    expect(matches(parseKeys(','), press(','))).toBe(true);
    expect(matches(parseKeys('Shift+ArrowLeft'), press('ArrowLeft', { shiftKey: true }))).toBe(true);
  });

  it('are spelled Ctrl on Windows and Linux, Cmd on a Mac, for people, ARIA and Electron', () => {
    expect(formatKeys('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatKeys('Mod+Shift+Z', 'mac')).toBe('Cmd+Shift+Z');
    expect(formatKeys('Alt+Shift+H', 'mac')).toBe('Option+Shift+H');
    expect(formatKeys('ArrowLeft', 'other')).toBe('Left');
    expect(formatKeys('Mod+Plus', 'other')).toBe('Ctrl++');
    expect(ariaKeys('Mod+K', 'other')).toBe('Control+K');
    expect(ariaKeys('Mod+K', 'mac')).toBe('Meta+K');
    expect(accelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator('ArrowUp')).toBe('Up');
  });

  it('refuse a spelling the registry must not use', () => {
    expect(() => parseKeys('Ctrl+S')).toThrow(/modifier/);
    expect(() => parseKeys('Mod+Return')).toThrow(/key/);
  });
});

describe('the command registry', () => {
  it('declares every command once, with keys that parse', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of COMMANDS) {
      expect(command.label.trim(), command.id).not.toBe('');
      for (const spec of command.keys ?? [])
        expect(() => parseKeys(spec), `${command.id}: ${spec}`).not.toThrow();
    }
  });

  it('gives no key to two commands that can apply at the same time', () => {
    const clashes = new Set<string>();
    for (const ctx of everyContext()) {
      const owner = new Map<string, string>();
      for (const command of COMMANDS) {
        if (!applies(command, ctx)) continue;
        for (const spec of command.keys ?? []) {
          const key = canonical(parseKeys(spec));
          const other = owner.get(key);
          if (other !== undefined && other !== command.id) clashes.add(`${key}: ${other} and ${command.id}`);
          owner.set(key, command.id);
        }
      }
    }
    expect([...clashes]).toEqual([]);
  });

  it('runs single letters only outside text fields, and Ctrl+S from one too', () => {
    expect(commandForKey(COMMANDS, press('c'), EDITING, false)?.id).toBe('caption.add');
    expect(commandForKey(COMMANDS, press('c'), EDITING, true)).toBeNull();
    expect(commandForKey(COMMANDS, press('r'), EDITING, true)).toBeNull();
    expect(commandForKey(COMMANDS, press('Enter'), { ...EDITING, tool: 'rect' }, true)).toBeNull();
    expect(commandForKey(COMMANDS, press('s', { ctrlKey: true }), EDITING, true)?.id).toBe('file.save');
    // Ctrl+A and Ctrl+C in a field select and copy its text.
    expect(commandForKey(COMMANDS, press('a', { ctrlKey: true }), EDITING, true)).toBeNull();
    expect(commandForKey(COMMANDS, press('c', { ctrlKey: true }), EDITING, true)).toBeNull();
  });

  it('follows `when`: editing keys are off in review mode, which has its own', () => {
    const review = { ...EDITING, review: true };
    expect(commandForKey(COMMANDS, press('c'), review, false)).toBeNull();
    expect(commandForKey(COMMANDS, press('o'), EDITING, false)?.id).toBe('tool.ellipse');
    expect(commandForKey(COMMANDS, press('o'), review, false)?.id).toBe('review.loopOut');
    expect(commandForKey(COMMANDS, press(','), EDITING, false)).toBeNull();
    expect(commandForKey(COMMANDS, press(','), { ...EDITING, drawingLayer: true }, false)?.id).toBe(
      'drawing.previousFrame',
    );
    expect(commandForKey(COMMANDS, press('ArrowLeft'), EDITING, false)).toBeNull();
    expect(commandForKey(COMMANDS, press('ArrowLeft'), { ...EDITING, selection: 1 }, false)?.id).toBe(
      'selection.nudgeLeft',
    );
    expect(commandForKey(COMMANDS, press('Enter'), { ...EDITING, tool: 'ellipse' }, false)?.id).toBe(
      'canvas.placeAtCentre',
    );
    expect(commandForKey(COMMANDS, press('Enter'), { ...EDITING, tool: 'select' }, false)).toBeNull();
    expect(commandForKey(COMMANDS, press('r', { ctrlKey: true, shiftKey: true }), review, true)?.id).toBe(
      'view.toggleReview',
    );
  });

  it('makes tooltips in the studio style, per platform', () => {
    expect(tooltip('Save', commandById('file.save'), 'other')).toBe('Save (Ctrl+S)');
    expect(tooltip('Save', commandById('file.save'), 'mac')).toBe('Save (Cmd+S)');
    expect(tooltip('Redo', commandById('edit.redo'), 'other')).toBe('Redo (Ctrl+Shift+Z)');
    expect(tooltip('Rectangle', commandById('tool.rect'), 'other')).toBe('Rectangle (R)');
    expect(tooltip('Post text', commandById('file.postText'), 'other')).toBe('Post text');
  });

  it('fills the File, Edit, View and Help menus', () => {
    const menus = menuBar(COMMANDS);
    expect(menus.map((m) => m.name)).toEqual(['file', 'edit', 'view', 'help']);
    const file = menus[0]?.groups.flat().map((c) => c.id);
    expect(file).toEqual([
      'file.newFromTemplate',
      'file.open',
      'file.save',
      'file.saveAs',
      'file.export',
      'file.postText',
    ]);
  });

  it('finds commands in the palette by a few letters of their name', () => {
    const ids = (query: string) => filterCommands(COMMANDS, query).map((c) => c.id);
    expect(ids('save')[0]).toBe('file.save');
    expect(ids('save as')[0]).toBe('file.saveAs');
    expect(ids('caption')).toContain('caption.add');
    expect(ids('rect')[0]).toBe('tool.rect');
    expect(ids('zzqx')).toEqual([]);
  });
});

describe('the README', () => {
  /** The table's rows as cells, so column padding does not matter. */
  function rows(table: string): string[][] {
    return table
      .trim()
      .split('\n')
      .map((line) =>
        line
          .replace(/^\||\|$/g, '')
          .split(' | ')
          .map((cell) => cell.trim()),
      );
  }

  it('lists the shortcuts the registry has (UPDATE_README=1 rewrites the table)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const match = /<!-- shortcuts:start -->([\s\S]*?)<!-- shortcuts:end -->/.exec(readme);
    expect(match, 'the README marks its shortcut table').not.toBeNull();
    const expected = shortcutTable(COMMANDS);
    if (process.env.UPDATE_README === '1' && match) {
      writeFileSync(
        'README.md',
        readme.replace(match[0], `<!-- shortcuts:start -->\n\n${expected}\n\n<!-- shortcuts:end -->`),
      );
      return;
    }
    expect(rows(match?.[1] ?? '')).toEqual(rows(expected));
  });
});
