import { spawn } from 'node:child_process';
import { trackChildProcess } from '../ffmpeg/childProcesses';
import { printableLogLine } from '../encoder/ffmpegLog';

/**
 * Reads a sound file through ffmpeg: its length, its own sample rate and channels, and a
 * waveform (the lowest and highest sample of every 10 ms). ffmpeg decodes the file to mono
 * 16-bit PCM at a low rate on stdout; the waveform is folded as the bytes arrive, so memory
 * stays small however long the file is.
 */
export interface AudioAnalysis {
  /** Seconds of sound. */
  readonly duration: number;
  /** The file's own sample rate (Hz) and channel count. */
  readonly sampleRate: number;
  readonly channels: number;
  /** Waveform columns per second of sound. */
  readonly peaksPerSecond: number;
  /** Pairs (min, max) per column, as signed bytes (-127..127 is -1..1). */
  readonly peaks: Int8Array;
}

export const PEAKS_PER_SECOND = 100;
/** The decode rate: enough for a waveform and for the length to a fraction of a millisecond. */
const ANALYSIS_RATE = 8000;
const SAMPLES_PER_PEAK = ANALYSIS_RATE / PEAKS_PER_SECOND;
const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_LOG_CHARS = 64 * 1024;

export type AudioAnalysisProblem = 'no-sound' | 'undecodable' | 'timeout';

export class AudioAnalysisError extends Error {
  override readonly name = 'AudioAnalysisError';
  constructor(
    readonly problem: AudioAnalysisProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface AnalyzeOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export async function analyzeAudio(
  ffmpegPath: string,
  file: string,
  options: AnalyzeOptions = {},
): Promise<AudioAnalysis> {
  const args = [
    ...['-hide_banner', '-nostdin', '-i', file],
    ...['-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(ANALYSIS_RATE)],
    ...['-c:a', 'pcm_s16le', '-f', 's16le', 'pipe:1'],
  ];
  const folder = createPeakFolder();
  const { code, stderr } = await runFfmpeg(ffmpegPath, args, options, (chunk) => folder.add(chunk));
  const format = parseSourceFormat(stderr);
  // ffmpeg opened the file but found no sound in it (a video without a sound track, say).
  const opened = /^Input #0/m.test(stderr);
  if (opened && (format === null || /matches no streams/.test(stderr))) {
    throw new AudioAnalysisError('no-sound', 'it has no sound in it');
  }
  const { peaks, samples } = folder.finish();
  if (format === null || code !== 0 || samples === 0) {
    throw new AudioAnalysisError('undecodable', describeFailure(stderr));
  }
  return {
    duration: samples / ANALYSIS_RATE,
    sampleRate: format.sampleRate,
    channels: format.channels,
    peaksPerSecond: PEAKS_PER_SECOND,
    peaks,
  };
}

/** Folds s16le mono samples into (min, max) pairs per SAMPLES_PER_PEAK samples. */
function createPeakFolder(): { add(chunk: Buffer): void; finish(): { peaks: Int8Array; samples: number } } {
  let out = new Int8Array(2048);
  let pairs = 0;
  let samples = 0;
  let inBucket = 0;
  let lo = 0;
  let hi = 0;
  let carry: Buffer | null = null;
  const push = (): void => {
    if (pairs * 2 + 2 > out.length) {
      const bigger = new Int8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[pairs * 2] = Math.round((lo / 32768) * 127);
    out[pairs * 2 + 1] = Math.round((hi / 32767) * 127);
    pairs++;
    inBucket = 0;
    lo = 0;
    hi = 0;
  };
  return {
    add(chunk) {
      let data = chunk;
      if (carry !== null) {
        data = Buffer.concat([carry, chunk]);
        carry = null;
      }
      const whole = data.length - (data.length % 2);
      if (whole < data.length) carry = data.subarray(whole);
      for (let i = 0; i < whole; i += 2) {
        const v = data.readInt16LE(i);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        samples++;
        if (++inBucket === SAMPLES_PER_PEAK) push();
      }
    },
    finish() {
      if (inBucket > 0) push();
      return { peaks: out.slice(0, pairs * 2), samples };
    },
  };
}

/** The first audio stream's rate and channels, from ffmpeg's description of its input. */
export function parseSourceFormat(stderr: string): { sampleRate: number; channels: number } | null {
  const input = stderr.split(/^Output #0/m)[0] ?? '';
  const m = /Stream #0:\d+[^:]*: Audio: [^\n]*?(\d+) Hz, ([^,\n]+)/.exec(input);
  if (!m) return null;
  return { sampleRate: Number(m[1]), channels: channelCount(m[2]?.trim() ?? '') };
}

function channelCount(layout: string): number {
  const named: Record<string, number> = { mono: 1, stereo: 2, '2.1': 3, '3.0': 3, quad: 4, '4.0': 4 };
  if (named[layout] !== undefined) return named[layout];
  const counted = /^(\d+) channels/.exec(layout);
  if (counted) return Number(counted[1]);
  const surround = /^(\d+)\.(\d+)/.exec(layout);
  if (surround) return Number(surround[1]) + Number(surround[2]);
  return 2;
}

/** The last few meaningful lines of ffmpeg's complaint, for logs and the creator's message. */
function describeFailure(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error|invalid|could not|failed/i.test(l));
  return lines.length > 0
    ? `ffmpeg could not decode it (${printableLogLine(lines.slice(-1)[0]?.slice(0, 200) ?? '')})`
    : 'ffmpeg could not decode it';
}

/**
 * Runs ffmpeg without a shell, streaming stdout to `onData`, keeping the end of stderr.
 * Kills it on timeout or abort (and then rejects).
 */
export function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  options: AnalyzeOptions,
  onData: (chunk: Buffer) => void,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    trackChildProcess(child);
    // The head describes the input; the tail holds the last errors.
    let head = '';
    let tail = '';
    let failed: Error | null = null;
    const stop = (error: Error): void => {
      failed ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new AudioAnalysisError('timeout', 'reading it took too long')),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const onAbort = (): void => stop(new Error('cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => onData(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (head.length < MAX_LOG_CHARS) head += d;
      else tail = (tail + d).slice(-MAX_LOG_CHARS);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failed !== null) reject(failed);
      else resolve({ code, stderr: head + tail });
    });
  });
}
