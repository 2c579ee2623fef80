import { editing } from '../../commands/predicates';
import type { Command } from '../../commands/types';
import { makeAnyCharacterTalk, timeToVoiceAnyClip } from './voiceActions';

/** Time to voice and Make a character talk, in the registry (palette, menus, tooltips). */
export const VOICE_COMMANDS: readonly Command[] = [
  {
    id: 'voice.timeToVoice',
    label: 'Time to Voice…',
    when: editing,
    run: () => timeToVoiceAnyClip(),
  },
  {
    id: 'voice.makeTalk',
    label: 'Make a Character Talk…',
    when: editing,
    run: () => makeAnyCharacterTalk(),
  },
];
