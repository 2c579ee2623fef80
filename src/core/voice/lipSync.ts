import type { Viseme } from '../schema';
import { guessLanguage, type VoiceLanguage } from './syllables';

/**
 * "Make this character talk": the mouth shapes (Preston Blair / Rhubarb set, see
 * src/core/schema/character.ts) a character takes while a voice speaks, one per video frame,
 * from what the aligner hears (voice activity and syllable nuclei) and, when there is one, the
 * aligned script (word times). Rest in silence; an open shape on each syllable's vowel (which
 * one from the written vowel, or the loudness without a script); slightly open (B) between
 * vowels; lips together (A) where the script's words have m, b or p. Pure; no model.
 */

/** What the mouth needs of a voice (src/core/voice/features.ts gives it; the host sends it). */
export interface MouthVoice {
  /** Seconds per analysis frame (about 10 ms). */
  readonly frameSeconds: number;
  /** 0 to 1 per frame: how sure the detector is that the frame is speech. */
  readonly speech: ArrayLike<number>;
  /** 0 to 1 per frame: how loud, between the noise floor and the speech peaks. */
  readonly loudness: ArrayLike<number>;
  /** Frame indices of the syllable nuclei, in order. */
  readonly nuclei: readonly number[];
}

export interface MouthWord {
  readonly text: string;
  /** Seconds of the sound (0 is the first sample of the voice given). */
  readonly start: number;
  readonly end: number;
}

export interface LipSyncInput {
  readonly voice: MouthVoice;
  /** The aligned script's words, in sound seconds; without them the mouth never closes on m/b/p. */
  readonly words?: readonly MouthWord[];
  /** Video frames per second: shapes change on frames, so preview and export agree. */
  readonly fps: number;
  /** Where second 0 of the sound falls on the timeline the cues are for (a scene's seconds). */
  readonly offset?: number;
  /** The part of that timeline to fill (a scene: 0 to its length). */
  readonly from?: number;
  readonly to?: number;
  readonly language?: VoiceLanguage;
}

export interface LipSyncCue {
  /** Seconds on the target timeline, on a video frame. */
  readonly time: number;
  readonly mouth: Viseme;
}

/** Silences shorter than this inside speech are a stop consonant, not a pause: the mouth stays on. */
const BRIDGE_SECONDS = 0.08;
/** Speech shorter than this is a click or a breath. */
const SHORTEST_SPEECH = 0.04;
/** A vowel's shape shows this long each side of its nucleus (less when nuclei are closer). */
const VOWEL_HALF = 0.07;
/** Lips closing for m, b, p: this long before the sound the script places there and after it. */
const CLOSE_BEFORE = 0.04;
const CLOSE_AFTER = 0.05;

/** Speech per analysis frame, with short gaps bridged and specks dropped. */
function speechMask(voice: MouthVoice): Uint8Array {
  const n = voice.speech.length;
  const mask = new Uint8Array(n);
  for (let f = 0; f < n; f++) mask[f] = (voice.speech[f] as number) >= 0.5 ? 1 : 0;
  const bridge = Math.round(BRIDGE_SECONDS / voice.frameSeconds);
  const speck = Math.round(SHORTEST_SPEECH / voice.frameSeconds);
  // Runs of one value, rewritten in place: first bridge short gaps, then drop short speech.
  const rewrite = (value: 0 | 1, longest: number, inner: boolean): void => {
    let f = 0;
    while (f < n) {
      if (mask[f] !== value) {
        f++;
        continue;
      }
      let g = f;
      while (g < n && mask[g] === value) g++;
      const between = f > 0 && g < n;
      if (g - f < longest && (!inner || between)) mask.fill(value === 1 ? 0 : 1, f, g);
      f = g;
    }
  };
  rewrite(0, bridge, true);
  rewrite(1, speck, false);
  return mask;
}

const VOWELS = /[aeiouyáéíóúüàèìòùâêîôûäëïö]+/giu;

/** The written vowel groups of a word that are sounded, with where each starts. */
function vowelGroups(word: string, language: VoiceLanguage): { text: string; index: number }[] {
  const groups = [...word.matchAll(VOWELS)].map((m) => ({ text: m[0].toLowerCase(), index: m.index }));
  // English: a silent final e (make, smile) is no syllable.
  if (language === 'en' && groups.length > 1) {
    const last = groups[groups.length - 1] as { text: string; index: number };
    if (last.text === 'e' && last.index === word.length - 1 && !/[aeiouy]le$/.test(word)) groups.pop();
  }
  return groups;
}

/** The open shape for a written vowel (grapheme rules; Spanish spelling is close to its sound). */
function vowelShape(group: string, language: VoiceLanguage): Viseme {
  const g = group.normalize('NFD').replace(/\p{M}/gu, '');
  if (/^(oo|u|ew|ue|ou)$/.test(g) && !(language === 'en' && g === 'u')) return 'F';
  if (/^o|^ow|^aw|^au/.test(g)) return 'E';
  if (/^(a|ah)$/.test(g) || (language === 'en' && g === 'u')) return 'D';
  return 'C';
}

/** How far a word's start or end may move to the edge of the speech the detector heard. */
const EDGE_REACH = 0.08;
/** A final p or b: the lips close as the voiced part ends and open at the (quiet) release after it. */
const STOP_HOLD = 0.12;

/** A final m hums on, quieter than the vowel, after the detector's speech has ended. */
const NASAL_TAIL = 0.05;

type Closure = { from: number; to: number };

/** The speech edge (onset: silence to speech; coda: speech to silence) nearest `at`, in frames, or -1. */
function nearestEdge(mask: Uint8Array, kind: 'onset' | 'coda', at: number, lo: number, hi: number): number {
  let edge = -1;
  for (let f = Math.max(1, lo); f <= Math.min(mask.length - 1, hi); f++) {
    const isEdge = kind === 'onset' ? mask[f - 1] === 0 && mask[f] === 1 : mask[f - 1] === 1 && mask[f] === 0;
    if (isEdge && (edge < 0 || Math.abs(f - at) < Math.abs(edge - at))) edge = f;
  }
  return edge;
}

/**
 * Where the lips close for one m, b or p, from the script's estimate and what the voice shows:
 * - at a word's start: from just before the sound starts (the edge of the speech when the word
 *   follows a pause, else the word's aligned start);
 * - at a word's end: a nasal (m) closes over the end of the voiced sound; a stop (p, b) closes as
 *   the voiced sound ends and opens at its quiet release, after it;
 * - between two vowels of a word: at the quietest moment between them (closed lips muffle the
 *   sound), which needs no exact timing of the word.
 */
function placeClosure(
  estimate: number,
  kind: 'onset' | 'coda' | 'inner',
  stop: boolean,
  voice: MouthVoice,
  mask: Uint8Array,
  word: { lo: number; hi: number },
): Closure {
  const fs = voice.frameSeconds;
  const at = Math.round(estimate / fs);
  if (kind === 'onset') {
    const inPause = mask[Math.min(mask.length - 1, Math.max(0, at))] === 0;
    // A word placed in a pause starts where its sound does, anywhere in the word.
    const hi = inPause ? Math.ceil(word.hi / fs) : Math.ceil((estimate + EDGE_REACH) / fs);
    const edge = nearestEdge(mask, 'onset', at, Math.floor((estimate - EDGE_REACH) / fs), hi);
    const t = edge >= 0 ? edge * fs : estimate;
    return { from: t - CLOSE_BEFORE, to: t + CLOSE_AFTER };
  }
  if (kind === 'coda') {
    const inPause = mask[Math.min(mask.length - 1, Math.max(0, at))] === 0;
    // A stop's release is quiet: the voiced sound may end a little before the word does.
    const lo = inPause
      ? Math.floor(word.lo / fs)
      : Math.floor((estimate - EDGE_REACH - (stop ? STOP_HOLD : 0)) / fs);
    const edge = nearestEdge(mask, 'coda', at, lo, Math.ceil((estimate + EDGE_REACH) / fs));
    if (edge < 0) {
      // Run on into the next word: the lips close at the quietest moment near the end.
      const t = quietest(voice, mask, estimate - EDGE_REACH, estimate + EDGE_REACH, at) ?? estimate;
      return { from: t - CLOSE_BEFORE, to: t + (stop ? STOP_HOLD - 0.02 : CLOSE_AFTER) };
    }
    const t = edge * fs;
    return stop
      ? { from: t - CLOSE_BEFORE, to: t + STOP_HOLD - 0.02 }
      : { from: t - CLOSE_BEFORE - 0.02, to: t + NASAL_TAIL };
  }
  const t = quietest(voice, mask, word.lo, word.hi, at) ?? estimate;
  return { from: t - CLOSE_BEFORE, to: t + CLOSE_AFTER };
}

/** The middle of the quietest speech frame between two times (the nearest to `at` of equals), in seconds. */
function quietest(voice: MouthVoice, mask: Uint8Array, lo: number, hi: number, at: number): number | null {
  const fs = voice.frameSeconds;
  let best = -1;
  for (let f = Math.max(0, Math.floor(lo / fs)); f <= Math.min(mask.length - 1, Math.ceil(hi / fs)); f++) {
    if (mask[f] !== 1) continue;
    const v = voice.loudness[f] as number;
    const b = best < 0 ? Infinity : (voice.loudness[best] as number);
    if (v < b - 1e-6 || (Math.abs(v - b) <= 1e-6 && Math.abs(f - at) < Math.abs(best - at))) best = f;
  }
  return best < 0 ? null : (best + 0.5) * fs;
}

/**
 * Where the script's words put the lips together: the letters m, b and p (and Spanish v, said
 * as b), placed on the word's syllables. A letter before the first vowel closes at the word's
 * start, one after the last vowel at its end, one between two vowels between their nuclei
 * (those heard inside the word when they match its vowels, else spread evenly); each is then
 * moved to where the voice itself shows closed lips (placeClosure).
 */
function closures(
  words: readonly MouthWord[],
  nucleusTimes: readonly number[],
  language: VoiceLanguage,
  voice: MouthVoice,
  mask: Uint8Array,
): Closure[] {
  const spans: Closure[] = [];
  for (const word of words) {
    const text = word.text.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (text === '' || !(word.end > word.start)) continue;
    const groups = vowelGroups(text, language);
    const heard = nucleusTimes.filter((t) => t >= word.start && t < word.end);
    const centres =
      heard.length === groups.length
        ? heard
        : groups.map(
            (_, i) => word.start + ((i + 0.5) / Math.max(1, groups.length)) * (word.end - word.start),
          );
    const lips = language === 'es' ? /[mbpv]/g : /[mbp]/g;
    const inWord = { lo: word.start, hi: word.end };
    for (const m of text.matchAll(lips)) {
      const at = m.index;
      const letter = m[0];
      if (letter === 'p' && text[at + 1] === 'h') continue; // ph is f
      if (letter === 'b' && at === text.length - 1 && text[at - 1] === 'm') continue; // climb, lamb
      if (letter === 'p' && at === 0 && /^p[snt]/.test(text)) continue; // psalm, pneumonia
      const after = groups.findIndex((g) => g.index > at);
      if (after === 0 || groups.length === 0) {
        spans.push(placeClosure(word.start, 'onset', letter !== 'm', voice, mask, inWord));
      } else if (after === -1) {
        spans.push(placeClosure(word.end, 'coda', letter !== 'm', voice, mask, inWord));
      } else {
        const a = centres[after - 1] as number;
        const b = centres[after] as number;
        spans.push(placeClosure((a + b) / 2, 'inner', letter !== 'm', voice, mask, { lo: a, hi: b }));
      }
    }
  }
  return spans;
}

/** The vowel shape of each nucleus: from the word it falls in, else from how loud it is. */
function nucleusShapes(
  nucleusTimes: readonly number[],
  voice: MouthVoice,
  words: readonly MouthWord[],
  language: VoiceLanguage,
): Viseme[] {
  const byLoudness = (k: number): Viseme => {
    const frame = voice.nuclei[k] as number;
    return (voice.loudness[frame] ?? 0) >= 0.7 ? 'D' : 'C';
  };
  return nucleusTimes.map((t, k) => {
    const word = words.find((w) => t >= w.start && t < w.end);
    if (word === undefined) return byLoudness(k);
    const text = word.text.toLowerCase().replace(/[^\p{L}]/gu, '');
    const groups = vowelGroups(text, language);
    if (groups.length === 0) return byLoudness(k);
    const inWord = nucleusTimes.filter((n) => n >= word.start && n < word.end);
    const i = inWord.indexOf(t);
    const g = inWord.length === groups.length ? i : Math.floor((i * groups.length) / inWord.length);
    return vowelShape((groups[Math.min(groups.length - 1, g)] as { text: string }).text, language);
  });
}

/**
 * The mouth track for a voice: one shape per video frame from `from` to `to` (the timeline's
 * seconds), given as cues where the shape changes (the first cue at `from`).
 */
export function lipSync(input: LipSyncInput): LipSyncCue[] {
  const { voice, fps } = input;
  const offset = input.offset ?? 0;
  const words = input.words ?? [];
  const language = input.language ?? guessLanguage(words.map((w) => w.text).join(' '));
  const soundEnd = voice.speech.length * voice.frameSeconds;
  const from = Math.max(input.from ?? offset, 0);
  const to = input.to ?? offset + soundEnd;
  if (!(fps > 0) || !(to > from)) return [];

  const mask = speechMask(voice);
  const nucleusTimes = voice.nuclei.map((f) => (f + 0.5) * voice.frameSeconds);
  const shapes = nucleusShapes(nucleusTimes, voice, words, language);
  const closed = closures(words, nucleusTimes, language, voice, mask);
  const frameAt = (t: number): number => Math.floor(t / voice.frameSeconds);
  const isSpeech = (t: number): boolean => t >= 0 && t < soundEnd && mask[frameAt(t)] === 1;

  const cues: LipSyncCue[] = [];
  const firstFrame = Math.ceil(from * fps - 1e-6);
  const lastFrame = Math.ceil(to * fps - 1e-6);
  let nearest = 0;
  for (let k = firstFrame; k < lastFrame; k++) {
    const time = k / fps;
    // The sound under the middle of this video frame.
    const t = time + 0.5 / fps - offset;
    let mouth: Viseme = 'rest';
    if (isSpeech(t)) {
      while (
        nearest + 1 < nucleusTimes.length &&
        Math.abs((nucleusTimes[nearest + 1] as number) - t) <= Math.abs((nucleusTimes[nearest] as number) - t)
      )
        nearest++;
      const n = nucleusTimes[nearest];
      // Half the way to the neighbouring nuclei at most, so two vowels keep a B between them.
      const before = nearest > 0 ? (n ?? 0) - (nucleusTimes[nearest - 1] as number) : Infinity;
      const after =
        nearest + 1 < nucleusTimes.length ? (nucleusTimes[nearest + 1] as number) - (n ?? 0) : Infinity;
      const half = Math.min(VOWEL_HALF, before * 0.35, after * 0.35);
      const sameRun = n !== undefined && isSpeech(n) && ![...range(n, t)].some((s) => !isSpeech(s));
      mouth = n !== undefined && Math.abs(n - t) <= half && sameRun ? (shapes[nearest] as Viseme) : 'B';
    }
    // The frame nearest a closure always shows it, however short the closure is.
    const frameStart = time - offset;
    const frameEnd = frameStart + 1 / fps;
    if (closed.some((c) => c.from < frameEnd && c.to > frameStart)) mouth = 'A';
    const last = cues[cues.length - 1];
    // `+ 0` turns -0 (frame 0 rounded) into 0.
    if (last === undefined || last.mouth !== mouth)
      cues.push({ time: Math.round(time * 1000) / 1000 + 0, mouth });
  }
  return cues;
}

/** Points every 10 ms between a and b (either order), for checking a stretch stays speech. */
function* range(a: number, b: number): Generator<number> {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  for (let t = lo; t < hi; t += 0.01) yield t;
}
