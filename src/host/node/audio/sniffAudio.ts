/**
 * The sound formats the studio takes, recognised by their first bytes (a file's name and the
 * type the browser guessed from it can both be wrong).
 */
export type AudioFormat = 'mp3' | 'wav' | 'm4a' | 'ogg';

export const AUDIO_MIME: Readonly<Record<AudioFormat, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
};

export const SUPPORTED_AUDIO_TEXT = 'MP3, WAV, M4A or Ogg';

/** The container of a sound file from its first bytes; null when it is none of ours. */
export function sniffAudio(bytes: Uint8Array): AudioFormat | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return null;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  // ISO media (m4a, mp4): a box of type 'ftyp' first. Whether it holds sound is ffmpeg's call.
  if (ascii(4, 8) === 'ftyp') return 'm4a';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  if (isMpegAudioFrame(bytes, 0)) return 'mp3';
  return null;
}

/**
 * An MPEG audio frame header: 11 sync bits, a valid version, layer I-III (AAC's ADTS has
 * layer bits 00 and is not ours), a valid bitrate and sample rate.
 */
function isMpegAudioFrame(b: Uint8Array, at: number): boolean {
  const b0 = b[at] ?? 0;
  const b1 = b[at + 1] ?? 0;
  const b2 = b[at + 2] ?? 0;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = (b2 >> 4) & 0b1111;
  const rate = (b2 >> 2) & 0b11;
  return version !== 0b01 && layer !== 0 && bitrate !== 0b1111 && rate !== 0b11;
}
