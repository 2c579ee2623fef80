import { useExports } from '../features/export/stores/exports';
import { useFiles } from '../features/files/stores/files';
import { usePost } from '../features/post/stores/post';
import { defineStore } from 'pinia';
import { useHost } from '../host/useHost';
import { useNotices } from '../state/notices';
import { editing } from './predicates';
import type { Command } from './types';

/** Says which version runs (a store, so the host is injected where the app provides it). */
const useAbout = defineStore('about', () => {
  const host = useHost();
  const notices = useNotices();
  async function show(): Promise<void> {
    const info = await host.appInfo({});
    notices.show('info', info.ok ? `Kindness Studio ${info.version}` : 'Kindness Studio');
  }
  return { show };
});

/** The File and Help menus: projects, export, the post text. */
export const FILE_COMMANDS: readonly Command[] = [
  {
    id: 'file.newFromTemplate',
    label: 'New from Template…',
    keys: ['Mod+N'],
    inFields: true,
    menu: { name: 'file', group: 0 },
    run: () => useFiles().goHome(),
  },
  {
    id: 'file.open',
    label: 'Open…',
    keys: ['Mod+O'],
    inFields: true,
    menu: { name: 'file', group: 0 },
    run: () => useFiles().showOpen(),
  },
  {
    id: 'file.save',
    label: 'Save',
    keys: ['Mod+S'],
    inFields: true,
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'file', group: 1 },
    run: () => useFiles().save(),
  },
  {
    id: 'file.saveAs',
    label: 'Save As…',
    keys: ['Mod+Shift+S'],
    inFields: true,
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'file', group: 1 },
    run: () => useFiles().showSaveAs(),
  },
  {
    id: 'file.export',
    label: 'Export Video…',
    keys: ['Mod+E'],
    inFields: true,
    when: editing,
    menu: { name: 'file', group: 2 },
    run: () => useExports().open(),
  },
  {
    id: 'file.postText',
    label: 'Post Text…',
    when: (ctx) => ctx.documentOpen,
    menu: { name: 'file', group: 2 },
    run: () => {
      usePost().open = true;
    },
  },
  {
    id: 'help.about',
    label: 'About Kindness Studio',
    menu: { name: 'help', group: 0 },
    run: () => useAbout().show(),
  },
];
