import type { CaptionWord } from './types';
import { parseTimestamp } from './timecode';

/** `{\an8}` and other ASS override blocks that SRT writers leave in cue text. */
const ASS_OVERRIDE = /\{\\[^}]*\}/g;
/**
 * The tags SRT files carry in practice. Only these are removed: SRT has no escaping, so a bare
 * `<3` or `a < b` in the text is meant literally.
 */
const SRT_TAG = /<\/?(?:i|b|u|s|font|c|v|ruby|rt|lang|span)(?:[\s.][^>]*)?>/gi;
/** In WebVTT a literal `<` must be written `&lt;`, so every `<...>` is markup. */
const VTT_TAG = /<[^>\n]*>/g;
/** `<00:00:01.500>`: the start of the next word in karaoke-style WebVTT. */
const INLINE_TIMESTAMP = /<((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})>/g;
const ENTITY = /&(amp|lt|gt|nbsp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
};

export type SubtitleFormat = 'srt' | 'vtt';

/** Cue text as the viewer reads it: markup gone, entities decoded, blank lines dropped. */
export function cleanCueText(raw: string, format: SubtitleFormat): string {
  const withoutTimestamps = format === 'vtt' ? raw.replace(INLINE_TIMESTAMP, '') : raw;
  return withoutTimestamps
    .split('\n')
    .map((line) => decodeEntities(stripMarkup(line, format)).trim())
    .filter((line) => line !== '')
    .join('\n');
}

function stripMarkup(line: string, format: SubtitleFormat): string {
  return line.replace(ASS_OVERRIDE, '').replace(format === 'vtt' ? VTT_TAG : SRT_TAG, '');
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    const named = NAMED_ENTITIES[lower];
    if (named !== undefined) return named;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    // A code point that cannot exist stays as written rather than throwing.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Word timings from WebVTT inline timestamps: the text before the first timestamp starts with
 * the cue, each timestamp starts the text after it, and every word lasts until the next one
 * (the last until the cue ends). Timestamps outside the cue or out of order are clamped so the
 * words stay in time order. Undefined when the cue has no inline timestamps.
 */
export function wordTimings(raw: string, cueStart: number, cueEnd: number): CaptionWord[] | undefined {
  const parts = raw.split(INLINE_TIMESTAMP);
  if (parts.length < 3) return undefined;
  // split() with a capture group alternates text, timestamp, text, ...
  const segments: { start: number; text: string }[] = [];
  let start = cueStart;
  for (let i = 0; i < parts.length; i += 2) {
    if (i > 0) {
      const at = parseTimestamp(parts[i - 1] ?? '');
      if (at !== null) start = Math.min(cueEnd, Math.max(start, at));
    }
    const text = cleanCueText(parts[i] ?? '', 'vtt')
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '') segments.push({ start, text });
  }
  if (segments.length === 0) return undefined;
  return segments.map((s, i) => ({ start: s.start, end: segments[i + 1]?.start ?? cueEnd, text: s.text }));
}
