import { CANVAS_COMMANDS } from './canvasCommands';
import { EDIT_COMMANDS } from './editCommands';
import { FILE_COMMANDS } from './fileCommands';
import { RECORDING_COMMANDS } from '../features/audio/recording/recordingCommands';
import { LIBRARY_COMMANDS } from '../features/library/libraryCommands';
import type { Command } from './types';
import { VIEW_COMMANDS } from './viewCommands';
import { VOICE_COMMANDS } from '../features/voice/voiceCommands';

/**
 * Every user command of the studio. To add one, add its entry to the list of its area
 * (fileCommands, editCommands, canvasCommands, viewCommands): the keyboard, the menus, the
 * palette and the tooltips pick it up from here.
 */
export const COMMANDS: readonly Command[] = [
  ...FILE_COMMANDS,
  ...EDIT_COMMANDS,
  ...CANVAS_COMMANDS,
  ...RECORDING_COMMANDS,
  ...LIBRARY_COMMANDS,
  ...VOICE_COMMANDS,
  ...VIEW_COMMANDS,
];

const BY_ID = new Map(COMMANDS.map((command) => [command.id, command]));

export function commandById(id: string): Command | undefined {
  return BY_ID.get(id);
}
