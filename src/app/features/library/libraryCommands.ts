import { editing, withSelection } from '../../commands/predicates';
import type { Command } from '../../commands/types';
import { useWorkspace } from '../../state/workspace';
import { useLibrary } from './stores/library';

/** The library panel in the registry: menus, palette, keys and tooltips. */
export const LIBRARY_COMMANDS: readonly Command[] = [
  {
    id: 'library.show',
    label: 'Show Library',
    keys: ['Mod+Shift+L'],
    inFields: true,
    when: editing,
    menu: { name: 'view', group: 1 },
    run: () => {
      // Focus mode hides the left column the library lives in.
      const workspace = useWorkspace();
      if (workspace.focus) workspace.toggleFocus();
      useLibrary().open();
    },
  },
  {
    id: 'library.saveAsCharacter',
    label: 'Save Selection as Character…',
    when: withSelection,
    menu: { name: 'edit', group: 3 },
    run: () => useLibrary().askToSave('character'),
  },
  {
    id: 'library.saveAsProp',
    label: 'Save Selection as Prop…',
    when: withSelection,
    menu: { name: 'edit', group: 3 },
    run: () => useLibrary().askToSave('prop'),
  },
];
