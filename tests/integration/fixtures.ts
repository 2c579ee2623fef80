import { createHash } from 'node:crypto';
import { ProjectSchema, type Project, type ProjectInput } from '../../src/core/schema';

/** A 16-bit stereo WAV of a sine tone: a real audio asset without any file on disk. */
export function sineWav(seconds: number, frequency = 440, sampleRate = 48000): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 0.3 * 32767);
    data.writeInt16LE(v, i * 4);
    data.writeInt16LE(v, i * 4 + 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export function assetId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A short project like the sample: two scenes with moving shapes and text, a caption with
 * emoji, post text with hashtags and a music track.
 */
export function smallProject(options: { seconds?: number; withAudio?: boolean } = {}): {
  project: Project;
  assets: Map<string, Buffer>;
} {
  const seconds = options.seconds ?? 2;
  const wav = sineWav(seconds + 1);
  const wavId = assetId(wav);
  const half = seconds / 2;
  const input: ProjectInput = {
    format: 'kindness-studio',
    version: 1,
    title: 'Small kindness',
    scenes: [
      {
        id: 'one',
        duration: half,
        background: {
          type: 'gradient',
          angle: 0,
          stops: [
            { offset: 0, color: '#ffd6e0' },
            { offset: 1, color: '#7fb7ff' },
          ],
        },
        elements: [
          {
            id: 'sun',
            kind: 'ellipse',
            x: 540,
            y: 500,
            radiusX: 160,
            radiusY: 160,
            fill: '#ffcc33',
            keyframes: {
              y: [
                { time: 0, value: 700 },
                { time: half, value: 450 },
              ],
            },
          },
          {
            id: 'hello',
            kind: 'text',
            x: 540,
            y: 900,
            text: 'You matter 💛',
            fontSize: 96,
            fill: '#1d1b2e',
            width: 800,
            anchorX: 400,
          },
        ],
      },
      {
        id: 'two',
        duration: seconds - half,
        background: { type: 'solid', color: '#2b2d42' },
        elements: [
          {
            id: 'box',
            kind: 'rect',
            x: 240,
            y: 600,
            width: 600,
            height: 400,
            cornerRadius: 40,
            fill: '#8ecae6',
            keyframes: {
              rotation: [
                { time: 0, value: -5 },
                { time: seconds - half, value: 5 },
              ],
            },
          },
          {
            id: 'star',
            kind: 'star',
            x: 540,
            y: 1100,
            points: 5,
            innerRadius: 60,
            outerRadius: 140,
            fill: '#ffb703',
          },
        ],
      },
    ],
    captions: [
      { id: 'c1', start: 0.2, end: half - 0.1, text: 'Words can hurt 😢' },
      { id: 'c2', start: half + 0.1, end: seconds - 0.1, text: 'Be the reason someone smiles 😊' },
    ],
    post: {
      caption: 'Be the reason someone smiles today.',
      hashtags: ['kindness', 'BeTheReason', 'stopbullying'],
    },
    audio:
      options.withAudio === false
        ? []
        : [
            {
              id: 'music',
              assetId: wavId,
              name: 'Tone',
              start: 0.25,
              volume: 0.8,
              fadeIn: 0.3,
              fadeOut: 0.5,
            },
          ],
    assets: { [wavId]: { kind: 'audio', name: 'tone.wav', mime: 'audio/wav', size: wav.length } },
  };
  return { project: ProjectSchema.parse(input), assets: new Map([[wavId, wav]]) };
}
