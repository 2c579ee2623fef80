import type { Caption } from '../../schema';
import { cueLines, cuesForRange, type Cue } from './cues';
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
    const lines = timedLines(cue) ?? cueLines(cue.text).map(escapeVtt);
    return `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}\n${lines.join('\n')}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

/**
 * Cue lines with karaoke-style inline timestamps (`Be <00:00:01.200>kind`): each word after the
 * first is preceded by the time it starts. Null when the cue has no word timings or they do not
 * match its words (edited text), so the plain text is written instead.
 */
function timedLines(cue: Cue): string[] | null {
  const words = cue.words;
  if (words === undefined || words.length === 0) return null;
  const lines = cueLines(cue.text).map((l) => l.split(/\s+/).filter((w) => w !== ''));
  const count = lines.reduce((n, l) => n + l.length, 0);
  if (count !== words.length) return null;
  let k = 0;
  return lines.map((line) =>
    line
      .map((word) => {
        const timed = words[k];
        const text = escapeVtt(word);
        const stamp = k > 0 && timed !== undefined ? `<${formatTimestamp(timed.start, '.')}>` : '';
        k++;
        return stamp + text;
      })
      .join(' '),
  );
}

function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
