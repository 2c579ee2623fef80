import { escapeHidden } from '../../core/text';

/**
 * Reads ffmpeg's stderr line by line: progress lines (`frame=  42 fps= ...`) become frame
 * counts, everything else goes into a short tail kept for error messages.
 */
const PROGRESS = /^frame=\s*(\d+)\b/;
const TAIL_LINES = 30;
const MAX_LINE = 400;

/**
 * A log line fit to show: ffmpeg quotes bytes of a damaged file as they are, so undecodable
 * bytes become `?`, control and bidi characters are escaped (`\u001B`), and a line is cut short.
 */
export function printableLogLine(line: string): string {
  const clean = escapeHidden(line.replace(/\uFFFD+/g, '?'));
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE - 1)}…` : clean;
}

/**
 * ffmpeg's last complaint in a stderr text, fit to show; `file`, when given, is named "the file"
 * (a temp file's full path says nothing to a creator and shows the machine's folders). Null when
 * it said nothing.
 */
export function lastComplaint(stderr: string, file?: string): string | null {
  const text = file === undefined ? stderr : stderr.split(file).join('the file');
  const lines = text
    .split('\n')
    .map((line) => printableLogLine(line.trim()))
    .filter((line) => line !== '');
  return lines.at(-1) ?? null;
}

export class FfmpegLog {
  private readonly tail: string[] = [];
  encodedFrames = 0;

  /** Returns the encoded frame count when the line was a progress line, else null. */
  add(line: string): number | null {
    const trimmed = line.trim();
    if (trimmed === '') return null;
    const m = PROGRESS.exec(trimmed);
    if (m) {
      this.encodedFrames = Number(m[1]);
      return this.encodedFrames;
    }
    this.tail.push(printableLogLine(trimmed));
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    return null;
  }

  lines(): readonly string[] {
    return [...this.tail];
  }

  /**
   * The lines that say what went wrong: ffmpeg ends with its complaint, usually after lines
   * about the streams. The last few non-empty lines are enough for a person to act on.
   */
  summary(maxLines = 6): string {
    return this.tail.slice(-maxLines).join('\n');
  }
}
