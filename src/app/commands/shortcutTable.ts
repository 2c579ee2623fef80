import { formatKeys } from './keys';
import type { Command } from './types';

/** Where a command belongs, named by its id's first part, for the README's table. */
const AREAS: Readonly<Record<string, string>> = {
  file: 'File',
  help: 'Help',
  edit: 'Edit',
  selection: 'Selection',
  arrange: 'Arrange',
  scene: 'Storyboard',
  tool: 'Tools',
  canvas: 'Canvas',
  caption: 'Captions',
  playback: 'Playback',
  record: 'Recording',
  library: 'Library',
  drawing: 'Drawing layer',
  eraser: 'Eraser',
  view: 'View',
  review: 'Review mode',
};

export function areaOf(command: Command): string {
  const prefix = command.id.split('.')[0] ?? '';
  return AREAS[prefix] ?? prefix;
}

/**
 * The README's shortcut table, generated from the registry (Windows and Linux spelling; a Mac
 * reads Cmd for Ctrl and Option for Alt). A unit test keeps the README equal to it.
 */
export function shortcutTable(commands: readonly Command[]): string {
  const rows = commands
    .filter((command) => command.keys !== undefined && command.keys.length > 0)
    .map((command) => [
      (command.keys ?? []).map((spec) => formatKeys(spec, 'other')).join(' or '),
      command.label,
      areaOf(command),
    ]);
  const header = ['Keys', 'Command', 'Where'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
