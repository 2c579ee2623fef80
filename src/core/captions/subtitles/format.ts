import type { Caption } from '../../schema';
import { captionWords, spaceBetween } from '../words';
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
  // Words as word timing counts them: Japanese and Chinese split into words, no spaces added.
  const lines = cueLines(cue.text).map((l) => captionWords(l));
  const count = lines.reduce((n, l) => n + l.length, 0);
  if (count !== words.length) return null;
  let k = 0;
  return lines.map((line) => {
    let out = '';
    let previous = '';
    for (const word of line) {
      const timed = words[k];
      const stamp = k > 0 && timed !== undefined ? `<${formatTimestamp(timed.start, '.')}>` : '';
      if (previous !== '') out += spaceBetween(previous, word);
      out += stamp + escapeVtt(word);
      previous = word;
      k++;
    }
    return out;
  });
}

function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
