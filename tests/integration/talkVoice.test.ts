import { beforeAll, describe, expect, it } from 'vitest';
import { buildAlignCorpus, synthesiseLines, type CorpusSentence } from '../../src/cli/bench/alignCorpus';
import { alignScript, lipSync, voiceFeatures, type LipSyncCue } from '../../src/core/voice';
import type { Viseme } from '../../src/core/schema';

/**
 * "Make this character talk" on a known voice: a script synthesised word by word with espeak-ng
 * (needs espeak-ng and sox), so every word's true start and end is known. The script is timed
 * to the voice by the aligner (as "Time to voice" does), then the mouth is keyframed from the
 * voice and those words, at 30 frames a second.
 */
const FPS = 30;
const FRAME = 1 / FPS;
const LINES = ['Be brave, my friend.', 'Maybe people will help him.'];
let voice: CorpusSentence;
/** The mouth from the script as Time to voice timed it (what the studio does). */
let cues: LipSyncCue[];
/** The mouth from the script with its true word times (a script timed right, or corrected by hand). */
let trueCues: LipSyncCue[];

function mouthIn(track: readonly LipSyncCue[], t: number): Viseme {
  let shape: Viseme = 'rest';
  for (const cue of track) if (cue.time <= t + 1e-9) shape = cue.mouth;
  return shape;
}
const mouthAt = (t: number): Viseme => mouthIn(cues, t);

/** Known positions of m, b and p: the start of a word starting with one, the end of one ending with one. */
function bilabials(words: CorpusSentence['words'], language: 'en' | 'es'): { word: string; at: number }[] {
  const lips = language === 'es' ? '[mbpv]' : '[mbp]';
  const known: { word: string; at: number }[] = [];
  for (const w of words) {
    const letters = w.text.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (new RegExp(`^${lips}`).test(letters)) known.push({ word: w.text, at: w.start });
    if (new RegExp(`${lips}$`).test(letters)) known.push({ word: w.text, at: w.end });
  }
  return known;
}

/** Whether the lips are together within one video frame of `at`. */
function closedNear(track: readonly LipSyncCue[], at: number): boolean {
  return [at - FRAME, at, at + FRAME].some((t) => mouthIn(track, t) === 'A');
}

beforeAll(async () => {
  voice = await synthesiseLines(LINES, { language: 'en', seed: 3 });
  const features = voiceFeatures(voice.samples, voice.sampleRate);
  const aligned = alignScript({ samples: voice.samples, sampleRate: voice.sampleRate, script: LINES });
  cues = lipSync({ voice: features, words: aligned.captions.flatMap((c) => c.words), fps: FPS });
  trueCues = lipSync({ voice: features, words: voice.words, fps: FPS });
}, 60_000);

describe('the mouth keyframed from a known voice', () => {
  it('rests while nobody speaks: before, between the lines and after', () => {
    const words = voice.words;
    const silences: [number, number][] = [[0, (words[0] as { start: number }).start]];
    for (let i = 1; i < words.length; i++) {
      const gap: [number, number] = [
        (words[i - 1] as { end: number }).end,
        (words[i] as { start: number }).start,
      ];
      if (gap[1] - gap[0] >= 0.2) silences.push(gap);
    }
    silences.push([(words.at(-1) as { end: number }).end, voice.samples.length / voice.sampleRate]);
    expect(silences.length).toBeGreaterThanOrEqual(3);
    for (const [a, b] of silences) {
      // The middle of the silence, away from the lips closing before the next word.
      for (let t = a + 0.1; t < b - 0.1; t += FRAME) expect(mouthAt(t), `at ${t.toFixed(2)} s`).toBe('rest');
    }
  });

  it('moves at least 3 times a second while speaking, and opens on vowels', () => {
    let changes = 0;
    let speaking = 0;
    for (const w of voice.words) {
      speaking += w.end - w.start;
      changes += cues.filter((c) => c.time > w.start && c.time < w.end).length;
    }
    expect(changes / speaking).toBeGreaterThanOrEqual(3);
    const shapes = new Set(cues.map((c) => c.mouth));
    expect([...shapes].filter((s) => 'CDEF'.includes(s)).length).toBeGreaterThanOrEqual(2);
  });

  it('closes the lips at every word starting or ending with m, b or p, within one frame', () => {
    const known = bilabials(voice.words, 'en');
    // Be, brave, my, Maybe, people, help, him.
    expect(known.length).toBe(7);
    for (const { word, at } of known)
      expect(closedNear(trueCues, at), `${word} at ${at.toFixed(3)} s`).toBe(true);
    // Timed by the aligner, "people" (run on from "Maybe" with no pause) starts 0.18 s early.
    const closedAligned = known.filter(({ at }) => closedNear(cues, at));
    expect(
      closedAligned.length,
      known
        .filter(({ at }) => !closedNear(cues, at))
        .map((k) => k.word)
        .join(' '),
    ).toBeGreaterThanOrEqual(6);
  });

  it('on 30 corpus sentences timed by the aligner (noise and music too), closes 9 in 10 known m, b, p', async () => {
    const corpus = await buildAlignCorpus({ count: 15 });
    let known = 0;
    let closed = 0;
    for (const sentence of corpus) {
      const features = voiceFeatures(sentence.samples, sentence.sampleRate);
      const aligned = alignScript({
        samples: sentence.samples,
        sampleRate: sentence.sampleRate,
        script: sentence.lines,
      });
      const track = lipSync({
        voice: features,
        words: aligned.captions.flatMap((c) => c.words),
        fps: FPS,
        language: sentence.language,
      });
      for (const { at } of bilabials(sentence.words, sentence.language)) {
        known++;
        if (closedNear(track, at)) closed++;
      }
    }
    expect(known).toBeGreaterThan(20);
    expect(closed / known).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('puts every cue on a video frame', () => {
    for (const cue of cues) expect(Math.abs(cue.time * FPS - Math.round(cue.time * FPS))).toBeLessThan(0.03);
  });
});
