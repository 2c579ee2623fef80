import { CaptionSchema, CaptionWordSchema, type Caption } from '../../schema';
import { graphemes } from '../graphemes';
import { cleanCueText, wordTimings, type SubtitleFormat } from './text';
import { formatTimestamp, parseTimingLine } from './timecode';
import type { CaptionWord, SubtitleParseOptions, SubtitleParseResult, SubtitleWarning } from './types';

// Limits come from the schema so an import can never produce a caption the project rejects.
const MAX_TEXT = CaptionSchema.shape.text.maxLength ?? 500;
const MAX_WORD_TEXT = CaptionWordSchema.shape.text.maxLength ?? 200;
/** Mirrors `words: z.array(...).max(200)` in the caption schema (checked by the tests). */
const MAX_WORDS = 200;
/** A broken file can produce a warning per line; past this many, one summary says how many more. */
const MAX_WARNINGS = 50;

const SUPPORTED = 'Kindness Studio reads SRT (.srt) and WebVTT (.vtt) subtitle files.';

/** SubRip text to captions. Never throws. */
export function parseSrt(text: string, options?: SubtitleParseOptions): SubtitleParseResult {
  return parseSafely(text, 'srt', options);
}

/** WebVTT text to captions, with word timings from inline `<00:00:01.500>` timestamps. Never throws. */
export function parseVtt(text: string, options?: SubtitleParseOptions): SubtitleParseResult {
  return parseSafely(text, 'vtt', options);
}

/**
 * Either format: a `WEBVTT` header means WebVTT, otherwise the file name's extension decides,
 * and anything else is read as SRT (the common case for files with odd names).
 */
export function parseSubtitles(
  text: string,
  fileName?: string,
  options?: SubtitleParseOptions,
): SubtitleParseResult {
  return parseSafely(text, detectSubtitleFormat(text, fileName), options);
}

export function detectSubtitleFormat(text: string, fileName?: string): SubtitleFormat {
  if (/^\uFEFF?\s*WEBVTT(?:[ \t]|\r|\n|$)/.test(text)) return 'vtt';
  return fileName !== undefined && /\.vtt$/i.test(fileName.trim()) ? 'vtt' : 'srt';
}

function parseSafely(
  text: string,
  format: SubtitleFormat,
  options?: SubtitleParseOptions,
): SubtitleParseResult {
  try {
    return parse(text, format, options?.idPrefix ?? 'cap-');
  } catch (err) {
    // Not expected; the studio still gets a message instead of an exception.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { message: `This subtitle file could not be read (${detail}).` } };
  }
}

interface ParsedCue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly words?: CaptionWord[];
}

function parse(text: string, format: SubtitleFormat, idPrefix: string): SubtitleParseResult {
  if (text.includes('\u0000')) {
    return {
      ok: false,
      error: { message: `This file is not a subtitle file (it holds binary data). ${SUPPORTED}` },
    };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.every(isBlank)) return { ok: false, error: { message: 'This subtitle file is empty.' } };

  const warnings: SubtitleWarning[] = [];
  const warn = (line: number, message: string) =>
    warnings.push({ line, message: `Line ${line}: ${message}` });
  const cues: ParsedCue[] = [];

  /** Index after the text that starts at `from`: it ends at a blank line or where the next cue starts. */
  const endOfBlock = (from: number): number => {
    let j = from;
    while (j < lines.length && !isBlank(lines[j]) && !isTiming(lines[j]) && !isTiming(lines[j + 1])) j++;
    return j;
  };

  let i = 0;
  if (format === 'vtt') {
    const first = lines.findIndex((l) => !isBlank(l));
    if (/^WEBVTT(?:[ \t].*)?$/.test((lines[first] ?? '').trim())) i = endOfBlock(first + 1);
    else warn(first + 1, 'the file does not start with “WEBVTT”; it was read as WebVTT anyway.');
  }

  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
    } else if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(line)) {
      // Comments and styling blocks run to the next blank line; nothing in them is shown.
      while (i < lines.length && !isBlank(lines[i])) i++;
    } else if (isTiming(line) || isTiming(lines[i + 1])) {
      // A line just before the timing is the cue number (SRT) or identifier (WebVTT): unused,
      // so a missing or wrong number does not matter.
      const timingIndex = isTiming(line) ? i : i + 1;
      const end = endOfBlock(timingIndex + 1);
      readCue(timingIndex, end);
      i = end;
    } else {
      warn(i + 1, 'this text is not part of a cue (a cue starts with a timing line), so it was skipped.');
      i = Math.max(i + 1, endOfBlock(i));
    }
  }

  function readCue(timingIndex: number, textEnd: number): void {
    const lineNo = timingIndex + 1;
    const timingLine = (lines[timingIndex] ?? '').trim();
    const timing = parseTimingLine(timingLine);
    if (timing === null) {
      warn(lineNo, `the timing “${timingLine}” could not be read, so this cue was skipped.`);
      return;
    }
    if (timing.end <= timing.start) {
      const [start, end] = [formatTimestamp(timing.start, '.'), formatTimestamp(timing.end, '.')];
      warn(
        lineNo,
        `this cue ends (${end}) before it starts (${start}) or at the same time, so it was skipped.`,
      );
      return;
    }
    const raw = lines.slice(timingIndex + 1, textEnd).join('\n');
    let captionText = cleanCueText(raw, format);
    if (captionText === '') {
      warn(lineNo, 'this cue has no text, so it was skipped.');
      return;
    }
    let words = format === 'vtt' ? wordTimings(raw, timing.start, timing.end) : undefined;
    if (captionText.length > MAX_TEXT) {
      captionText = cutToLength(captionText, MAX_TEXT);
      // The word timings describe the text that was cut away too; keeping them would mislead.
      words = undefined;
      warn(lineNo, `this caption is longer than ${MAX_TEXT} characters, so its end was cut off.`);
    }
    if (words !== undefined && words.length > MAX_WORDS) {
      words = words.slice(0, MAX_WORDS);
      warn(
        lineNo,
        `this cue times more than ${MAX_WORDS} words; only the first ${MAX_WORDS} keep their timing.`,
      );
    }
    words = words?.map((w) =>
      w.text.length > MAX_WORD_TEXT ? { ...w, text: cutToLength(w.text, MAX_WORD_TEXT) } : w,
    );
    cues.push({ start: timing.start, end: timing.end, text: captionText, ...(words ? { words } : {}) });
  }

  const kept = limitWarnings(warnings);
  if (cues.length === 0) {
    const first = warnings[0];
    if (first !== undefined) {
      return {
        ok: false,
        error: {
          message: `No captions were found in this file: nothing in it could be used. ${first.message}`,
          line: first.line,
        },
      };
    }
    return {
      ok: false,
      error: {
        message: `No captions were found in this file: it has no timed cues (lines like “00:00:01,000 --> 00:00:03,000”). ${SUPPORTED}`,
      },
    };
  }
  // Stable sort: cues that start together keep the file's order.
  cues.sort((a, b) => a.start - b.start);
  const captions: Caption[] = cues.map((c, n) => ({ id: `${idPrefix}${n + 1}`, style: 'outline', ...c }));
  return { ok: true, captions, warnings: kept };
}

function isBlank(line: string | undefined): boolean {
  return line !== undefined && line.trim() === '';
}

/** Any line with the arrow is meant as a timing line; whether it parses is checked later. */
function isTiming(line: string | undefined): boolean {
  return line !== undefined && line.includes('-->');
}

/** The longest run of whole characters (no emoji split in half) within `max` UTF-16 units. */
function cutToLength(text: string, max: number): string {
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > max) break;
    out += g;
  }
  return out.trimEnd();
}

function limitWarnings(warnings: SubtitleWarning[]): SubtitleWarning[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  const rest = warnings.length - MAX_WARNINGS;
  const last = warnings[MAX_WARNINGS] as SubtitleWarning;
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    { line: last.line, message: `${rest} more problems from line ${last.line} on were not listed.` },
  ];
}
