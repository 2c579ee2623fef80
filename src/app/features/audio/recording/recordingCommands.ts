import { editing } from '../../../commands/predicates';
import type { Command } from '../../../commands/types';
import { useRecording } from './stores/recording';

/** Record voice and its punch-in range, in the registry (keys, palette, tooltips). */
export const RECORDING_COMMANDS: readonly Command[] = [
  {
    id: 'record.voice',
    label: 'Record Voice',
    keys: ['Shift+R'],
    when: editing,
    run: () => {
      const recording = useRecording();
      return recording.record({ overRange: recording.range !== null });
    },
  },
  {
    id: 'record.markIn',
    label: 'Mark Range Start at the Playhead',
    keys: ['Shift+I'],
    when: editing,
    run: () => useRecording().setMarkIn(),
  },
  {
    id: 'record.markOut',
    label: 'Mark Range End at the Playhead',
    keys: ['Shift+O'],
    when: editing,
    run: () => useRecording().setMarkOut(),
  },
  {
    id: 'record.clearRange',
    label: 'Clear the Range to Record Over',
    when: editing,
    run: () => useRecording().clearRange(),
  },
];
