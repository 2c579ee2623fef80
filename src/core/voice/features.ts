/**
 * What the aligner hears in a voice, frame by frame (10 ms): the loudness of the speech band,
 * how likely each frame is speech (voice-activity detection against an adaptive noise floor)
 * and where the syllable nuclei are (the peaks of the smoothed loudness). Pure maths on PCM
 * samples; no model, nothing downloaded.
 */

/** Seconds between frames, near enough: the hop is a whole number of samples (see frameHop). */
export const FRAME_SECONDS = 0.01;

/**
 * Samples between frames. A whole number, so at rates that are not a multiple of 100 Hz
 * (22 050 Hz: 221 samples) a frame is not exactly 10 ms: times are always hop / rate, or they
 * drift (0.2% at 22 050 Hz, 0.6 s over 5 minutes).
 */
export function frameHop(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate * FRAME_SECONDS));
}

export interface VoiceFeatures {
  readonly frameSeconds: number;
  /** Loudness of the speech band per frame, dB (relative to full scale). */
  readonly level: Float32Array;
  /** The same, smoothed over about 50 ms: the envelope whose peaks are syllables. */
  readonly envelope: Float32Array;
  /** 0 to 1 per frame: how sure the detector is that the frame is speech. */
  readonly speech: Float32Array;
  /** 0 to 1 per frame: how loud the envelope is between the noise floor (0) and the speech peaks (1). */
  readonly loudness: Float32Array;
  /** Frame indices of the syllable nuclei, in order. */
  readonly nuclei: readonly number[];
  /** The adaptive noise floor per frame, dB. */
  readonly floor: Float32Array;
}

/** A second-order IIR filter (RBJ Audio EQ cookbook biquad), run in place. */
function biquad(x: Float32Array, b0: number, b1: number, b2: number, a1: number, a2: number): void {
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i] as number;
    const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
    x[i] = y0;
  }
}

/** High-pass or low-pass at `hz`, Butterworth Q. */
function pass(x: Float32Array, type: 'high' | 'low', hz: number, rate: number): void {
  const w = (2 * Math.PI * Math.min(hz, rate * 0.45)) / rate;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  if (type === 'high')
    biquad(x, (1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  else biquad(x, (1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
}

/** Loudness per 10 ms frame (25 ms window) of the 300 Hz to 3.4 kHz band, dB. */
function bandLevel(samples: Float32Array, sampleRate: number): Float32Array {
  const band = Float32Array.from(samples);
  pass(band, 'high', 300, sampleRate);
  pass(band, 'high', 300, sampleRate);
  pass(band, 'low', 3400, sampleRate);
  pass(band, 'low', 3400, sampleRate);
  const hop = frameHop(sampleRate);
  const win = hop * 2.5;
  const frames = Math.max(1, Math.ceil(samples.length / hop));
  const level = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const from = Math.max(0, Math.round(f * hop + hop / 2 - win / 2));
    const to = Math.min(band.length, Math.round(f * hop + hop / 2 + win / 2));
    let sum = 0;
    for (let i = from; i < to; i++) sum += (band[i] as number) ** 2;
    level[f] = 10 * Math.log10(sum / Math.max(1, to - from) + 1e-10);
  }
  return level;
}

/** The value below which `q` of the values lie. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] as number;
}

function smooth(values: Float32Array, radius: number): Float32Array {
  const out = new Float32Array(values.length);
  // A triangular window: peaks stay where they are, ripples within a syllable go away.
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    let weights = 0;
    for (let k = -radius; k <= radius; k++) {
      const j = i + k;
      if (j < 0 || j >= values.length) continue;
      const w = radius + 1 - Math.abs(k);
      sum += (values[j] as number) * w;
      weights += w;
    }
    out[i] = sum / weights;
  }
  return out;
}

/**
 * Which share of the frames around one lie under the noise floor. A quarter rather than the
 * quietest frames: a music bed's plucked notes decay between beats, and the floor must sit at
 * the music's usual level, not at its quietest moment (measured on the corpus: 0.1 let the
 * beats before and after the voice pass for words).
 */
const FLOOR_QUANTILE = 0.25;

/**
 * The noise floor under each frame: a low quantile of the level over the 3 s around it, so a
 * music bed or a fan that changes slowly raises the floor with it.
 */
function adaptiveFloor(level: Float32Array): Float32Array {
  const floor = new Float32Array(level.length);
  const half = 150;
  const step = 25;
  const anchors: number[] = [];
  for (let i = 0; i < level.length; i += step) {
    const window = level.subarray(Math.max(0, i - half), Math.min(level.length, i + half));
    anchors.push(quantile(window, FLOOR_QUANTILE));
  }
  for (let i = 0; i < level.length; i++) {
    const a = Math.floor(i / step);
    const f = (i % step) / step;
    const lo = anchors[a] as number;
    const hi = anchors[Math.min(anchors.length - 1, a + 1)] as number;
    floor[i] = lo + (hi - lo) * f;
  }
  return floor;
}

/** Frames whose envelope peaks stand at least `prominence` dB above the valleys on both sides. */
function findNuclei(envelope: Float32Array, speech: Float32Array, prominence: number): number[] {
  const peaks: number[] = [];
  const n = envelope.length;
  for (let i = 1; i < n - 1; i++) {
    const v = envelope[i] as number;
    if (!(v >= (envelope[i - 1] as number) && v > (envelope[i + 1] as number))) continue;
    if ((speech[i] as number) < 0.5) continue;
    // Prominence: how far the envelope falls on each side before rising above this peak.
    let left = v;
    for (let j = i - 1; j >= 0 && (envelope[j] as number) <= v && i - j < 40; j--)
      left = Math.min(left, envelope[j] as number);
    let right = v;
    for (let j = i + 1; j < n && (envelope[j] as number) <= v && j - i < 40; j++)
      right = Math.min(right, envelope[j] as number);
    if (v - Math.max(left, right) >= prominence) peaks.push(i);
  }
  return peaks;
}

/**
 * The features of a mono voice. Energy is taken in the band where vowels carry (300 Hz to
 * 3.4 kHz): below it sit hum and the bass of a music bed, above it hiss.
 */
export function voiceFeatures(samples: Float32Array, sampleRate: number): VoiceFeatures {
  const level = bandLevel(samples, sampleRate);
  const frames = level.length;
  const envelope = smooth(level, 4);
  const floor = adaptiveFloor(envelope);
  const peak = quantile(envelope, 0.95);
  const speech = new Float32Array(frames);
  const loudness = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const fl = floor[f] as number;
    const range = Math.max(12, peak - fl);
    // Speech from about a quarter of the way from the floor to the peaks (at least 6 dB up).
    const threshold = fl + Math.max(6, range * 0.25);
    const e = envelope[f] as number;
    speech[f] = 1 / (1 + Math.exp(-(e - threshold) / 1.5));
    loudness[f] = Math.min(1, Math.max(0, (e - fl) / range));
  }
  const nuclei = findNuclei(envelope, speech, 2.5);
  return {
    frameSeconds: frameHop(sampleRate) / sampleRate,
    level,
    envelope,
    speech,
    loudness,
    nuclei,
    floor,
  };
}
