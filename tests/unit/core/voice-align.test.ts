import { describe, expect, it } from 'vitest';
import { AlignTooLongError, alignScript, countSyllables, guessLanguage } from '../../../src/core/voice';
import { CAPTION_LIMITS, checkCaption } from '../../../src/core/captions';

describe('syllables counted from the script', () => {
  it('counts English words by rule', () => {
    const cases: [string, number][] = [
      ['kindness', 2],
      ['smile', 1],
      ['little', 2],
      ['people', 2],
      ['beautiful', 3],
      ['video', 3],
      ['helped', 1],
      ['wanted', 2],
      ['community', 4],
      ['today,', 2],
    ];
    for (const [word, n] of cases) expect(countSyllables(word, 'en'), word).toBe(n);
  });

  it('counts Spanish words with diphthongs and hiatus', () => {
    const cases: [string, number][] = [
      ['amabilidad', 5],
      ['siempre', 2],
      ['cariño', 3],
      ['arcoíris', 4],
      ['poeta', 3],
      ['bueno', 2],
      ['que', 1],
      ['guitarra', 3],
    ];
    for (const [word, n] of cases) expect(countSyllables(word, 'es'), word).toBe(n);
  });

  it('punctuation and emoji are not spoken; numbers are', () => {
    expect(countSyllables('💛', 'en')).toBe(0);
    expect(countSyllables('—', 'es')).toBe(0);
    expect(countSyllables('2026', 'en')).toBeGreaterThan(2);
  });

  it('tells Spanish from English', () => {
    expect(guessLanguage('Sé amable con los demás')).toBe('es');
    expect(guessLanguage('Be kind to the people around you')).toBe('en');
  });
});

/** A synthetic "voice": bursts of a 200 Hz tone with a 4 Hz syllable rhythm, silence between. */
function bursts(spans: readonly [number, number][], seconds: number, rate = 16000): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (const [a, b] of spans)
    for (let i = Math.round(a * rate); i < Math.round(b * rate); i++) {
      const t = i / rate;
      out[i] = 0.3 * Math.sin(2 * Math.PI * 600 * t) * (0.55 - 0.45 * Math.cos(2 * Math.PI * 4 * (t - a)));
    }
  return out;
}

describe('alignScript', () => {
  it('puts each caption on its stretch of voice, and its emoji with the word before', () => {
    const samples = bursts(
      [
        [0.5, 1.5],
        [2.5, 3.5],
      ],
      4.5,
    );
    const result = alignScript({
      samples,
      sampleRate: 16000,
      script: ['be kind 💛', 'every day'],
      language: 'en',
    });
    expect(result.captions).toHaveLength(2);
    const [first, second] = result.captions;
    expect(first?.start).toBeGreaterThan(0.35);
    expect(first?.start).toBeLessThan(0.65);
    expect(second?.start).toBeGreaterThan(2.3);
    expect(second?.start).toBeLessThan(2.7);
    expect(first?.end).toBeLessThanOrEqual(second?.start ?? 0);
    expect(first?.words.map((w) => w.text)).toEqual(['be', 'kind', '💛']);
  });

  it('splits a caption too long to read where the speech pauses, within the readability limits', () => {
    // One long script line over three stretches of voice, with a long pause after "friend,".
    const text =
      'Say something kind to a friend, because small words can change the whole day for someone who needs it';
    const samples = bursts(
      [
        [0.3, 2.3],
        [3.3, 6.3],
      ],
      7,
    );
    const result = alignScript({ samples, sampleRate: 16000, script: [text], language: 'en' });
    expect(result.captions.length).toBeGreaterThan(1);
    expect(result.captions[0]?.text).toBe('Say something kind to a friend,');
    for (const c of result.captions) {
      const codes = checkCaption({ id: 'c', style: 'outline', start: c.start, end: c.end, text: c.text }).map(
        (i) => i.code,
      );
      expect(codes).not.toContain('too-many-lines');
      expect(c.end - c.start).toBeLessThanOrEqual(CAPTION_LIMITS.maxSeconds);
    }
    expect(result.captions.map((c) => c.text).join(' ')).toBe(text);
  });

  it('shares the sound out when it is too short for the words, rather than failing', () => {
    const result = alignScript({
      samples: new Float32Array(1600),
      sampleRate: 16000,
      script: ['many words in a tenth of a second'],
      language: 'en',
    });
    expect(result.captions[0]?.words).toHaveLength(8);
  });

  it('says a recording longer than 5 minutes must be cut into parts', () => {
    const long = { samples: new Float32Array(302 * 1000), sampleRate: 1000, script: ['Be kind'] };
    expect(() => alignScript(long)).toThrow(AlignTooLongError);
    expect(() => alignScript(long)).toThrow(/302 s long; Time to voice handles up to 5 minutes at once/);
  });
});
