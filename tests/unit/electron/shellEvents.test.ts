import { describe, expect, it } from 'vitest';
import {
  DocumentStateSchema,
  MENU_COMMANDS,
  MENU_SHORTCUTS,
  SHELL_CHANNELS,
  ShellEventSchema,
} from '../../../src/host/contract';

describe('events from the desktop shell to the page', () => {
  it('accepts the menu commands and file events the shell sends', () => {
    for (const command of MENU_COMMANDS) {
      expect(ShellEventSchema.safeParse({ type: 'menu', command }).success, command).toBe(true);
    }
    expect(ShellEventSchema.safeParse({ type: 'open-project', path: '/p/a.kindness' }).success).toBe(true);
    expect(
      ShellEventSchema.safeParse({ type: 'save-as', path: '/p/a.kindness', replaceConfirmed: true }).success,
    ).toBe(true);
    expect(ShellEventSchema.safeParse({ type: 'save-before-close' }).success).toBe(true);
  });

  it('rejects anything else', () => {
    expect(ShellEventSchema.safeParse({ type: 'menu', command: 'file.formatDisk' }).success).toBe(false);
    expect(ShellEventSchema.safeParse({ type: 'open-project', path: '' }).success).toBe(false);
    expect(ShellEventSchema.safeParse({ type: 'eval', code: 'x' }).success).toBe(false);
  });

  it('has one shortcut entry per command', () => {
    expect(Object.keys(MENU_SHORTCUTS).sort()).toEqual([...MENU_COMMANDS].sort());
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
