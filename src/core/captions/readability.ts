import type { Caption } from '../schema';
import { graphemeCount } from './graphemes';

/**
 * Limits that keep captions readable, from shared/PLATFORM_SPECS.md ("Captions people can
 * read"): one place to correct them.
 */
export const CAPTION_LIMITS = {
  /** At most 2 lines on screen. */
  maxLines: 2,
  /** Characters per line: DCMP suggests 32, Netflix allows 42; we warn above the larger. */
  maxCharsPerLine: 42,
  /** Reading speed, characters per second: adults (Netflix English templates). */
  maxCharsPerSecond: 17,
  /** Reading speed for a children's audience (Netflix children's templates). */
  maxCharsPerSecondChildren: 13,
  /** Shortest time on screen (DCMP suggests 2 s; about 1 s is the floor). */
  minSeconds: 1,
  /** Longest time on screen before a cue feels stuck. */
  maxSeconds: 7,
  source: 'DCMP Captioning Key and Netflix timed-text style guides (see PLATFORM_SPECS.md)',
} as const;

export type CaptionAudience = 'general' | 'children';

export type CaptionIssueCode =
  | 'ends-before-start'
  | 'too-many-lines'
  | 'line-too-long'
  | 'too-fast'
  | 'too-short'
  | 'too-long'
  /** Measured on rendered pixels (`captionContrast`), not by `checkCaption`. */
  | 'low-contrast'
  /** Measured on the rendered layout against the chosen platform's safe zone (`safeZoneIssue`). */
  | 'outside-safe-zone';

export interface CaptionIssue {
  readonly code: CaptionIssueCode;
  /** Said the way a creator understands it, with what to do about it. */
  readonly message: string;
}

export interface CheckCaptionOptions {
  readonly audience?: CaptionAudience;
  /**
   * The caption's lines as laid out on screen (from `wrapCaption`). Without them the text is
   * wrapped at `maxCharsPerLine` characters to estimate the lines.
   */
  readonly lines?: readonly string[];
}

/** Greedy wrap by character count (whole words only; explicit line breaks are kept). */
function wrapByChars(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineChars = 0;
    for (const word of paragraph.split(/\s+/)) {
      if (word === '') continue;
      const n = graphemeCount(word);
      if (line !== '' && lineChars + 1 + n <= maxChars) {
        line += ' ' + word;
        lineChars += 1 + n;
      } else {
        if (line !== '') lines.push(line);
        line = word;
        lineChars = n;
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

function seconds(s: number): string {
  return `${Math.round(s * 10) / 10} s`;
}

/** What makes this caption hard to read, if anything (an empty list means it reads well). */
export function checkCaption(caption: Caption, opts: CheckCaptionOptions = {}): CaptionIssue[] {
  const issues: CaptionIssue[] = [];
  const L = CAPTION_LIMITS;
  const text = caption.text.trim();
  const lines = opts.lines ?? wrapByChars(text, L.maxCharsPerLine);

  if (lines.length > L.maxLines) {
    issues.push({
      code: 'too-many-lines',
      message: `This caption needs ${lines.length} lines; viewers can follow at most ${L.maxLines}. Shorten it or split it into two captions.`,
    });
  }
  const longest = lines.reduce((max, line) => Math.max(max, graphemeCount(line)), 0);
  if (longest > L.maxCharsPerLine) {
    issues.push({
      code: 'line-too-long',
      message: `A line has ${longest} characters; keep lines to ${L.maxCharsPerLine} or fewer so they can be read at a glance.`,
    });
  }

  const duration = caption.end - caption.start;
  if (!(duration > 0)) {
    issues.push({
      code: 'ends-before-start',
      message: 'This caption ends before it starts, so it never shows. Check its start and end times.',
    });
    return issues;
  }

  const children = opts.audience === 'children';
  const maxSpeed = children ? L.maxCharsPerSecondChildren : L.maxCharsPerSecond;
  const chars = graphemeCount(text.replace(/\s+/g, ' '));
  const speed = chars / duration;
  if (speed > maxSpeed) {
    const needed = chars / maxSpeed;
    issues.push({
      code: 'too-fast',
      message: `This caption goes by at ${Math.round(speed)} characters per second; ${children ? 'children' : 'most viewers'} read about ${maxSpeed}. Show it for at least ${seconds(needed)} or shorten the text.`,
    });
  }
  if (duration < L.minSeconds) {
    issues.push({
      code: 'too-short',
      message: `This caption is on screen for only ${seconds(duration)}; give it at least ${L.minSeconds} s so it can be noticed and read.`,
    });
  } else if (duration > L.maxSeconds) {
    issues.push({
      code: 'too-long',
      message: `This caption stays up for ${seconds(duration)}; after about ${L.maxSeconds} s viewers stop reading. Split it into shorter captions.`,
    });
  }
  return issues;
}
