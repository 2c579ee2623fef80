import { describe, expect, it } from 'vitest';
import { lipSync, type MouthVoice } from '../../../src/core/voice';

/** A voice of 10 ms frames: speech where `spans` say (seconds), a syllable nucleus every 0.2 s in it. */
function voiceOf(seconds: number, spans: readonly [number, number][]): MouthVoice {
  const frames = Math.round(seconds * 100);
  const speech = new Float32Array(frames);
  const loudness = new Float32Array(frames);
  const nuclei: number[] = [];
  for (const [a, b] of spans) {
    for (let f = Math.round(a * 100); f < Math.round(b * 100); f++) {
      speech[f] = 1;
      loudness[f] = 0.5 + 0.5 * Math.cos(((f / 100 - a - 0.1) * 2 * Math.PI) / 0.2);
    }
    for (let t = a + 0.1; t < b - 0.05; t += 0.2) nuclei.push(Math.round(t * 100));
  }
  return { frameSeconds: 0.01, speech, loudness, nuclei };
}

describe('lipSync', () => {
  it('rests through silence and says nothing for a silent sound', () => {
    expect(lipSync({ voice: voiceOf(2, []), fps: 30 })).toEqual([{ time: 0, mouth: 'rest' }]);
  });

  it('opens on each syllable and never closes the lips without a script', () => {
    const cues = lipSync({ voice: voiceOf(3, [[1, 2]]), fps: 30 });
    expect(cues[0]).toEqual({ time: 0, mouth: 'rest' });
    const speaking = cues.filter((c) => c.time >= 1 && c.time < 2);
    expect(speaking.length).toBeGreaterThanOrEqual(6);
    expect(cues.some((c) => c.mouth === 'A')).toBe(false);
    expect(cues.at(-1)?.mouth).toBe('rest');
  });

  it('closes the lips on m, b and p where the script puts them, and takes the vowel shapes from its letters', () => {
    const cues = lipSync({
      voice: voiceOf(3, [[1, 1.4]]),
      words: [{ text: 'mama', start: 1, end: 1.4 }],
      fps: 30,
    });
    const at = (t: number) => cues.filter((c) => c.time <= t + 1e-9).at(-1)?.mouth;
    expect(at(1)).toBe('A');
    expect(at(1.1)).toBe('D');
    expect([at(1.19), at(1.2), at(1.21)]).toContain('A');
    expect(at(1.3)).toBe('D');
  });

  it('places the cues on the scene: shifted by the offset, inside from..to, on whole frames', () => {
    const cues = lipSync({ voice: voiceOf(2, [[0.5, 1]]), fps: 24, offset: 3, from: 2, to: 4 });
    expect(cues[0]?.time).toBe(2);
    for (const cue of cues) {
      expect(cue.time).toBeGreaterThanOrEqual(2);
      expect(cue.time).toBeLessThan(4);
      expect(Math.abs(cue.time * 24 - Math.round(cue.time * 24))).toBeLessThan(0.03);
    }
    const firstOpen = cues.find((c) => c.mouth !== 'rest');
    expect(firstOpen?.time).toBeGreaterThanOrEqual(3.5 - 1 / 24);
  });

  it('never closes on a silent letter: ph, a final b after m', () => {
    const cues = lipSync({
      voice: voiceOf(2, [[0.5, 0.9]]),
      words: [{ text: 'phone', start: 0.5, end: 0.9 }],
      fps: 30,
    });
    expect(cues.some((c) => c.mouth === 'A')).toBe(false);
  });
});
