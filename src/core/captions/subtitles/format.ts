import type { Caption } from '../../schema';
import { cueLines, cuesForRange } from './cues';
import { formatTimestamp } from './timecode';

/** Part of the project timeline to write, in seconds; cues are shifted so it starts at 0. */
export interface SubtitleRange {
  readonly start: number;
  readonly end: number;
}

/**
 * SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line after each. SRT has no
 * escaping; an arrow inside the text is softened so no player takes it for a timing line.
 */
export function toSrt(captions: readonly Caption[], range?: SubtitleRange): string {
  return cuesForRange(captions, range?.start, range?.end)
    .map((cue, i) => {
      const lines = cueLines(cue.text).map((l) => l.replaceAll('-->', '->'));
      return `${i + 1}\n${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

/**
 * WebVTT: the `WEBVTT` header, then `HH:MM:SS.mmm --> HH:MM:SS.mmm` cues. `&`, `<` and `>` are
 * escaped, which also keeps `-->` out of cue text as the format requires.
 */
export function toVtt(captions: readonly Caption[], range?: SubtitleRange): string {
  const cues = cuesForRange(captions, range?.start, range?.end).map((cue) => {
    const lines = cueLines(cue.text).map(escapeVtt);
    return `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}\n${lines.join('\n')}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
