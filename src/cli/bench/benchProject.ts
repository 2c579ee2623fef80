import { ProjectSchema, type Project, type ProjectInput } from '../../core/schema';

const SCENE_SECONDS = 5;
/** Things move in during the first 3.5 s of a scene, then hold while the caption is read. */
const MOTION_SECONDS = 3.5;
const PALETTE = ['#ffd6e0', '#cdeac0', '#bde0fe', '#ffe5b4'] as const;
const LINES = [
  'Words can hurt. Words can heal. 💛',
  'Say something kind today 😊',
  'Be the reason someone smiles 🌈',
  'Block, report, and tell someone you trust 🤝',
] as const;

/**
 * A 1080x1920, 30 fps project of `seconds` like the sample: 5 s scenes with a gradient sky,
 * a sun rising, a rotating star, a bouncing card, a title, and one caption per scene.
 */
export function benchProject(seconds: number): Project {
  const scenes: ProjectInput['scenes'] = [];
  const captions: NonNullable<ProjectInput['captions']> = [];
  const count = Math.max(1, Math.round(seconds / SCENE_SECONDS));
  for (let i = 0; i < count; i++) {
    const color = PALETTE[i % PALETTE.length] as string;
    scenes.push({
      id: `scene-${i}`,
      duration: seconds / count,
      background: {
        type: 'gradient',
        angle: 0,
        stops: [
          { offset: 0, color },
          { offset: 1, color: '#3a3f6b' },
        ],
      },
      transition: { kind: 'crossfade', duration: 0.5, direction: 'left' },
      elements: [
        {
          id: `sun-${i}`,
          kind: 'ellipse',
          x: 540,
          y: 700,
          radiusX: 180,
          radiusY: 180,
          fill: '#ffcc33',
          keyframes: {
            y: [
              { time: 0, value: 900 },
              { time: MOTION_SECONDS, value: 520 },
            ],
          },
        },
        {
          id: `star-${i}`,
          kind: 'star',
          x: 840,
          y: 380,
          points: 5,
          innerRadius: 50,
          outerRadius: 120,
          fill: '#ffffff',
          keyframes: {
            rotation: [
              { time: 0, value: 0 },
              { time: MOTION_SECONDS, value: 180 },
            ],
          },
        },
        {
          id: `card-${i}`,
          kind: 'rect',
          x: 190,
          y: 1000,
          width: 700,
          height: 260,
          cornerRadius: 36,
          fill: '#ffffff',
          opacity: 0.9,
          keyframes: {
            y: [
              { time: 0, value: 1500, easing: 'easeOutBack' },
              { time: 1.2, value: 1000 },
            ],
          },
        },
        {
          id: `title-${i}`,
          kind: 'text',
          x: 540,
          y: 1080,
          anchorX: 330,
          width: 660,
          text: `Kindness tip ${i + 1} ✨`,
          fontSize: 72,
          fill: '#1d1b2e',
          keyframes: {
            opacity: [
              { time: 0.6, value: 0 },
              { time: 1.4, value: 1 },
            ],
          },
        },
      ],
    });
    const start = (i * seconds) / count;
    captions.push({
      id: `cap-${i}`,
      start: start + 0.3,
      end: start + seconds / count - 0.2,
      text: LINES[i % LINES.length] as string,
    });
  }
  return ProjectSchema.parse({
    format: 'kindness-studio',
    version: 1,
    title: `Benchmark ${seconds} s`,
    video: { width: 1080, height: 1920, fps: 30 },
    scenes,
    captions,
    post: { caption: 'Benchmark', hashtags: ['kindness'] },
  } satisfies ProjectInput);
}
