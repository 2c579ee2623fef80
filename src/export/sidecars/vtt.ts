import type { Caption } from '../../core/schema';
import { cueLines, cuesForRange, formatTimestamp } from './cues';

/**
 * WebVTT: the `WEBVTT` header, then `HH:MM:SS.mmm --> HH:MM:SS.mmm` cues. `&`, `<` and `>` are
 * escaped, which also keeps `-->` out of cue text as the format requires.
 */
export function toVtt(captions: readonly Caption[], range?: { start: number; end: number }): string {
  const cues = cuesForRange(captions, range?.start, range?.end).map((cue) => {
    const lines = cueLines(cue.text).map(escapeVtt);
    return `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}\n${lines.join('\n')}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
