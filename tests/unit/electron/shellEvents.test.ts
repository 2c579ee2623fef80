import { describe, expect, it } from 'vitest';
import { shellMenuItems } from '../../../src/app/commands/menus';
import { COMMANDS } from '../../../src/app/commands/registry';
import { DocumentStateSchema, SHELL_CHANNELS, ShellEventSchema } from '../../../src/host/contract';

describe('events from the desktop shell to the page', () => {
  it('accepts the menu commands and file events the shell sends', () => {
    for (const { id } of COMMANDS) {
      expect(ShellEventSchema.safeParse({ type: 'menu', command: id }).success, id).toBe(true);
    }
    expect(ShellEventSchema.safeParse({ type: 'open-project', path: '/p/a.kindness' }).success).toBe(true);
    expect(
      ShellEventSchema.safeParse({ type: 'save-as', path: '/p/a.kindness', replaceConfirmed: true }).success,
    ).toBe(true);
    expect(ShellEventSchema.safeParse({ type: 'save-before-close' }).success).toBe(true);
  });

  it('rejects anything else', () => {
    // Command ids are checked for their shape; the page ignores an id its registry does not have.
    for (const command of [
      '',
      'save',
      'file.',
      '../file.save',
      'File.Save',
      'file.save; rm',
      'a.'.repeat(40) + 'b',
    ]) {
      expect(ShellEventSchema.safeParse({ type: 'menu', command }).success, command).toBe(false);
    }
    expect(ShellEventSchema.safeParse({ type: 'open-project', path: '' }).success).toBe(false);
    expect(ShellEventSchema.safeParse({ type: 'eval', code: 'x' }).success).toBe(false);
  });

  it('accepts the menu items the page generates from its registry, and nothing odd', () => {
    const items = shellMenuItems(COMMANDS);
    expect(items.length).toBeGreaterThan(15);
    expect(SHELL_CHANNELS.setMenu.request.safeParse({ items }).success).toBe(true);
    const save = items.find((item) => item.id === 'file.save');
    expect(save).toEqual({
      id: 'file.save',
      label: 'Save',
      menu: 'file',
      group: 1,
      accelerator: 'CmdOrCtrl+S',
      textEdit: null,
      enabled: true,
    });
    const odd = [
      { ...save, menu: 'tools' },
      { ...save, accelerator: 'CmdOrCtrl+S; rm -rf' },
      { ...save, label: '' },
      { ...save, textEdit: 'format' },
      { ...save, enabled: 'yes' },
    ];
    for (const item of odd) {
      expect(SHELL_CHANNELS.setMenu.request.safeParse({ items: [item] }).success, JSON.stringify(item)).toBe(
        false,
      );
    }
  });

  it('checks what the page reports about its document', () => {
    expect(DocumentStateSchema.parse({ dirty: true, title: 'x', path: null })).toEqual({
      dirty: true,
      title: 'x',
      path: null,
      docId: null,
    });
    expect(
      SHELL_CHANNELS.setDocumentState.request.safeParse({ dirty: 'yes', title: 'x', path: null }).success,
    ).toBe(false);
  });
});
