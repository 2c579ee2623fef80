import type { Caption } from '../../core/schema';
import { cueLines, cuesForRange, formatTimestamp } from './cues';

/**
 * SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line after each. SRT has no
 * escaping; an arrow inside the text is softened so no player takes it for a timing line.
 */
export function toSrt(captions: readonly Caption[], range?: { start: number; end: number }): string {
  return cuesForRange(captions, range?.start, range?.end)
    .map((cue, i) => {
      const lines = cueLines(cue.text).map((l) => l.replaceAll('-->', '->'));
      return `${i + 1}\n${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}\n${lines.join('\n')}\n`;
    })
    .join('\n');
}
