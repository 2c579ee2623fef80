import { runFfmpeg, AudioAnalysisError } from './analyzeAudio';

/**
 * A version of a sound every browser decodes (16-bit PCM WAV), for the studio's preview when
 * the page's own decoder does not know the file's format (AAC in m4a on Chromium builds
 * without proprietary codecs). Long files get a lighter version so the answer stays a few
 * tens of MB.
 */
export const PREVIEW_FULL_QUALITY_SECONDS = 8 * 60;

/** How many bytes the preview of a sound of `duration` seconds takes (stereo 44.1 kHz, or mono 22.05 kHz when long). */
export function previewWavBytes(duration: number): number {
  const perSecond = duration > PREVIEW_FULL_QUALITY_SECONDS ? 22_050 * 2 : 44_100 * 4;
  return 44 + Math.ceil(duration * perSecond);
}

export async function writePreviewWav(
  ffmpegPath: string,
  file: string,
  outputFile: string,
  duration: number,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const light = duration > PREVIEW_FULL_QUALITY_SECONDS;
  const args = [
    ...['-hide_banner', '-nostdin', '-y', '-i', file, '-map', '0:a:0', '-vn'],
    ...['-ac', light ? '1' : '2', '-ar', light ? '22050' : '44100'],
    ...['-c:a', 'pcm_s16le', '-f', 'wav', outputFile],
  ];
  const { code, stderr } = await runFfmpeg(ffmpegPath, args, options, () => undefined);
  if (code !== 0) {
    const last = stderr.trim().split('\n').slice(-1)[0] ?? '';
    throw new AudioAnalysisError('undecodable', `ffmpeg could not convert it (${last.slice(0, 200)})`);
  }
}
