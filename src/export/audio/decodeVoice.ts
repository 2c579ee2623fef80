import { spawn } from 'node:child_process';
import { trackChildProcess } from '../ffmpeg/childProcesses';

/**
 * A sound file decoded for "Time to voice": mono 32-bit float samples at 16 kHz (speech needs
 * nothing above 8 kHz), decoded by ffmpeg to stdout. The alignment itself is pure
 * (src/core/voice); this is the only part that touches a file or a process.
 */
export const VOICE_SAMPLE_RATE = 16000;
/** An hour of voice is 230 MB of samples: longer recordings are refused with a message. */
const MAX_SECONDS = 3600;

export class VoiceDecodeError extends Error {
  override readonly name = 'VoiceDecodeError';
}

export async function decodeVoice(
  ffmpegPath: string,
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<Float32Array> {
  const args = [
    ...['-hide_banner', '-nostdin', '-i', file],
    ...['-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(VOICE_SAMPLE_RATE)],
    ...['-t', String(MAX_SECONDS), '-f', 'f32le', 'pipe:1'],
  ];
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    trackChildProcess(child);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const bytes = Buffer.concat(chunks);
  if (code !== 0 || bytes.length < 4) {
    const noSound =
      /^Input #0/m.test(stderr) && /matches no streams|does not contain any stream/i.test(stderr);
    throw new VoiceDecodeError(
      noSound
        ? `${file} has no sound in it.`
        : `${file} could not be read as sound (use a WAV, MP3, M4A or Ogg file).`,
    );
  }
  const samples = new Float32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readFloatLE(i * 4);
  return samples;
}
