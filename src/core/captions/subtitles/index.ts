export { cueLines, cuesForRange, type Cue } from './cues';
export { toSrt, toVtt, type SubtitleRange } from './format';
export { detectSubtitleFormat, parseSrt, parseSubtitles, parseVtt } from './parse';
export type { SubtitleFormat } from './text';
export { formatTimestamp, parseTimestamp, parseTimingLine } from './timecode';
export type { CaptionWord, SubtitleParseOptions, SubtitleParseResult, SubtitleWarning } from './types';
