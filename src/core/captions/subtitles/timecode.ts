/** `HH:MM:SS` plus the millisecond part joined by `separator` (`,` for SRT, `.` for WebVTT). */
export function formatTimestamp(seconds: number, separator: ',' | '.'): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalS = (totalMs - ms) / 1000;
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * `[HH:]MM:SS[,.]mmm` as it appears in real files: hours optional (WebVTT allows it, some SRT
 * writers do it too), `,` or `.` before the milliseconds, fewer than three fraction digits read
 * as a decimal fraction. Anything else (minutes or seconds past 59, stray characters) is null.
 */
const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?$/;

/** Seconds, rounded to the millisecond, or null when the text is not a timestamp. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return null;
  const hours = Number(m[1] ?? '0');
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  const ms = Number((m[4] ?? '0').padEnd(3, '0'));
  if (minutes > 59 || seconds > 59) return null;
  // Whole milliseconds first, then one division: 3661.001 comes out as the literal would.
  return ((hours * 3600 + minutes * 60 + seconds) * 1000 + ms) / 1000;
}

/**
 * A cue timing line: `start --> end`, optionally followed by WebVTT cue settings
 * (`align:start line:0`), which the studio does not use and ignores.
 */
export function parseTimingLine(line: string): { start: number; end: number } | null {
  const m = /^\s*(\S+)\s*-->\s*(\S+)(?:\s.*)?$/.exec(line);
  if (m === null) return null;
  const start = parseTimestamp(m[1] ?? '');
  const end = parseTimestamp(m[2] ?? '');
  return start === null || end === null ? null : { start, end };
}
